"""A teamleider makes the jaarverslag: starts it, watches the progress, downloads the PDF.

A real Celery worker (subprocess) renders it, against the live server's test database.
"""

import pytest

from cases.constants import AuditAction, Role
from cases.models import AuditEntry
from cases.rules import Schooljaar
from reporting.models import ReportRun, ReportRunStatus
from tests.e2e.conftest import pass_second_factor
from tests.factories import UserFactory
from tests.reporting.worker import Worker, purge_queue

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


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
def celery_worker(tmp_path, transactional_db):
    purge_queue()
    # A pause before the PDF, so the progress is there to be seen.
    worker = Worker(tmp_path / "worker.log", REPORTING_RENDER_DELAY=3).start()
    yield worker
    worker.stop()
    purge_queue()
    for run in ReportRun.objects.all():  # files in private storage
        for field in (run.pdf_bestand, run.json_bestand, run.xlsx_bestand):
            if field:
                field.delete(save=False)


def test_teamleider_starts_a_jaarverslag_sees_progress_and_downloads_the_pdf(
    page, teamleider_a, celery_worker, assert_accessible
):
    from django.utils import timezone

    page.goto("/rapportages/")
    page.get_by_label("Gebruikersnaam").fill("teamleider-a")
    page.get_by_label("Wachtwoord").fill("een-lang-wachtwoord")
    page.get_by_role("button", name="Inloggen").click()
    pass_second_factor(page, "teamleider-a")

    page.get_by_role("heading", name="Rapportages", exact=True).wait_for()
    assert page.get_by_text("Er zijn nog geen rapportages gemaakt.").is_visible()
    last = Schooljaar.of(timezone.localdate()).previous()
    assert page.get_by_label("Schooljaar").input_value() == str(last.start_year)
    assert_accessible(page)

    page.get_by_role("button", name="Jaarverslag maken").click()
    page.get_by_text(f"Het jaarverslag over {last} wordt gemaakt.").wait_for()
    run = ReportRun.objects.get()
    row = page.locator(f"#rapportage-{run.pk}")
    # Progress, updated in place by htmx while the worker renders.
    progress = row.get_by_role("progressbar", name=f"Voortgang jaarverslag {last}")
    progress.wait_for()
    row.get_by_text("PDF opmaken").wait_for(timeout=60_000)
    assert int(progress.get_attribute("value")) >= 40
    assert_accessible(page)

    pdf_link = row.get_by_role("link", name=f"PDF jaarverslag {last}")
    pdf_link.wait_for(timeout=60_000)
    assert row.get_by_text("Klaar", exact=True).is_visible()
    assert row.get_by_text("Tessa Teamleider").is_visible()
    assert "/rapportages/" in page.url  # no reload: the row changed by itself

    # Polling stops once the run is done.
    polls = []
    page.on("request", lambda request: polls.append(request.url) if "/status/" in request.url else None)
    page.wait_for_timeout(2500)
    assert polls == []

    with page.expect_download() as download_info:
        pdf_link.click()
    download = download_info.value
    assert download.suggested_filename == f"jaarverslag-zoetermeer-{last}.pdf"
    with open(download.path(), "rb") as pdf:
        assert pdf.read(4) == b"%PDF"
    assert_accessible(page)

    run.refresh_from_db()
    assert run.status == ReportRunStatus.KLAAR and run.gestart_door == teamleider_a
    assert AuditEntry.objects.filter(actie=AuditAction.EXPORTEREN, object_id=run.pk).count() == 1
