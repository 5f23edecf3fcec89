import pytest

from cases.constants import Role
from reporting.models import ReportRun
from tests.factories import UserFactory


@pytest.fixture
def teamleider_a(organisatie_a):
    return UserFactory(
        username="teamleider-a",
        first_name="Tessa",
        last_name="Teamleider",
        organisatie=organisatie_a,
        role=Role.TEAMLEIDER,
        password="een-lang-wachtwoord",
    )


@pytest.fixture
def teamleider_b(organisatie_b):
    return UserFactory(username="teamleider-b", organisatie=organisatie_b, role=Role.TEAMLEIDER)


@pytest.fixture
def report_files(db):
    """Remove the files the test's runs stored in private storage."""
    yield
    for run in ReportRun.objects.all():
        for field in (run.pdf_bestand, run.json_bestand, run.xlsx_bestand):
            if field:
                field.delete(save=False)
