import subprocess

import pytest

from cases.constants import Role
from tests.doorstroom.factories import TrajectFactory, years_ago
from tests.factories import JongereFactory, MeldingFactory, SchoolFactory, UserFactory


@pytest.fixture
def lpa(organisatie_a):
    return UserFactory(
        username="lpa",
        first_name="Lotte",
        last_name="Pauwels",
        email="l.pauwels@example.nl",
        organisatie=organisatie_a,
        role=Role.LEERPLICHTAMBTENAAR,
    )


@pytest.fixture
def beheerder(organisatie_a):
    return UserFactory(username="beheerder", organisatie=organisatie_a, role=Role.FUNCTIONEEL_BEHEERDER)


@pytest.fixture
def beheerder_b(organisatie_b):
    return UserFactory(username="beheerder-b", organisatie=organisatie_b, role=Role.FUNCTIONEEL_BEHEERDER)


@pytest.fixture
def melding(lpa, jongere_a):
    school = SchoolFactory(naam="Erasmus College", plaats="Zoetermeer")
    return MeldingFactory(dossier=jongere_a.dossier, behandelaar=lpa, school=school, uren_verzuim=24)


@pytest.fixture
def traject(organisatie_a):
    coach = UserFactory(username="coach", organisatie=organisatie_a, role=Role.DOORSTROOMCOACH)
    jongere = JongereFactory(organisatie=organisatie_a, voornamen="Mila", geboortedatum=years_ago(19, 40))
    return TrajectFactory(dossier=jongere.dossier, behandelaar=coach), coach


def pdf_text(content: bytes) -> str:
    """The text of a PDF as a reader sees it (poppler's pdftotext)."""
    result = subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=content, capture_output=True, check=True
    )
    return result.stdout.decode()
