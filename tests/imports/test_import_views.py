"""Imports in the browser: upload, preview, confirm; refused files show every problem."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from django.urls import reverse

from cases.constants import Role
from config.celery import app as celery_app
from leerplicht.models import Melding
from tests.factories import UserFactory
from tests.imports.conftest import csv_bytes
from tests.imports.test_meldingen_import import HEADER, ROWS

pytestmark = pytest.mark.django_db


@pytest.fixture
def medewerker(org):
    return UserFactory(username="mw", organisatie=org, role=Role.ADMINISTRATIEF_MEDEWERKER)


@pytest.fixture
def lpa(org):
    return UserFactory(username="lpa", organisatie=org, role=Role.LEERPLICHTAMBTENAAR)


@pytest.fixture(autouse=True)
def inline_jobs():
    """Run the background jobs (check and import) in-process, as the embedded default does
    (the real-worker path is tested with report runs)."""
    celery_app.conf.task_always_eager = True
    yield
    celery_app.conf.task_always_eager = False


def upload(client, data, name="meldingen.csv", soort="meldingen"):
    """Upload a file; its check runs as a job once the upload's transaction commits."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(
            reverse("imports"), {"soort": soort, "bestand": SimpleUploadedFile(name, data)}
        )
    return client.get(response["Location"]) if response.status_code == 302 else response


def test_preview_shows_the_counts_and_writes_nothing_until_confirmed(
    client, lpa, inline_jobs, django_capture_on_commit_callbacks
):
    # The file closes a melding: a leerplichtambtenaar's right (tests/security for the others).
    client.force_login(lpa)
    page = upload(client, csv_bytes(HEADER, *ROWS)).content.decode()
    assert "Gecontroleerd, wacht op bevestiging" in page
    assert "Wordt nieuw aangemaakt" in page and '<dd class="utrecht-data-list__item-value">3</dd>' in page
    assert not Melding.objects.exists()
    record_url = next(
        part.split('"')[0] for part in page.split('action="') if "bevestigen" in part.split('"')[0]
    )
    with django_capture_on_commit_callbacks(execute=True):
        started = client.post(record_url)
    done = client.get(started["Location"]).content.decode()
    assert "De import is gestart." in done and "Klaar" in done
    assert Melding.objects.count() == 3
    again = client.post(record_url, follow=True).content.decode()
    assert "al bevestigd" in again and Melding.objects.count() == 3


def test_a_refused_file_lists_every_problem(client, medewerker):
    client.force_login(medewerker)
    bad = ROWS[0].replace("relatief_wettelijk", "spijbelen").replace("2024-10-01", "2024-13-01")
    page = upload(client, csv_bytes(HEADER, bad)).content.decode()
    assert "Het bestand is geweigerd: 2 problemen. Er is niets opgeslagen." in page
    assert "spijbelen" in page and "ontvangen_op" in page
    assert "Import uitvoeren" not in page


def test_other_file_types_are_refused(client, medewerker):
    client.force_login(medewerker)
    page = upload(client, b"%PDF", name="meldingen.pdf").content.decode()
    assert "Alleen CSV- (.csv) en Excel-bestanden (.xlsx)" in page


def test_imports_of_another_organisation_are_404_and_roles_without_permission_403(
    client, medewerker, org, lpa_b
):
    client.force_login(medewerker)
    upload(client, csv_bytes(HEADER, *ROWS))
    from cases.models import ImportRecord

    record = ImportRecord.objects.get()
    client.force_login(lpa_b)
    assert client.get(reverse("import_detail", args=[record.pk])).status_code == 404
    assert client.post(reverse("import_confirm", args=[record.pk])).status_code == 404
    teamleider = UserFactory(username="tl", organisatie=org, role=Role.TEAMLEIDER)
    client.force_login(teamleider)
    assert client.get(reverse("imports")).status_code == 403
