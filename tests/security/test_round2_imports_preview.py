# ruff: noqa: F811 (the fixtures org and users are imported from imports_world)
"""Security round 2, point 3: the import's check only confirms or denies what the user could
already see, logs every existing jongere it looks up, and its problem lists are kept only by
who offered the file and only for a retention term."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone

from cases.constants import AuditAction
from cases.imports import ImportFailed
from cases.models import AuditEntry, ImportRecord, Jongere
from config.celery import app as celery_app
from tests.api.conftest import token_client
from tests.security.imports_world import MELDING_HEADER, csv, imported, org, users  # noqa: F401

pytestmark = pytest.mark.django_db

EXISTING = "M-1,GM1669,100601844,2011-04-02,absoluut,2025-10-01"


@pytest.fixture
def inline_jobs():
    celery_app.conf.task_always_eager = True
    yield
    celery_app.conf.task_always_eager = False


@pytest.fixture
def existing(org, users):
    imported(org, users["lpa"], "meldingen", csv(MELDING_HEADER, EXISTING))
    return Jongere.objects.get(bsn="100601844")


def lookups(user, jongere) -> int:
    return AuditEntry.objects.filter(
        gebruiker_id=user.pk, jongere_id=jongere.pk, actie=AuditAction.ZOEKEN
    ).count()


def upload(client, data):
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(
            reverse("imports"), {"soort": "meldingen", "bestand": SimpleUploadedFile("m.csv", data)}
        )
    return client.get(response["Location"]).content.decode()


def test_a_different_birth_date_is_denied_without_showing_the_registered_one(org, users, existing):
    other_date = EXISTING.replace("M-1", "M-2").replace("2011-04-02", "2011-05-03")
    failed = imported(org, users["medewerker"], "meldingen", csv(MELDING_HEADER, other_date))
    assert isinstance(failed, ImportFailed)
    text = " ".join(p.message + p.value for p in failed.problems)
    assert "bij dit BSN hoort een andere geboortedatum" in text
    assert "02-04-2011" not in text and "2011-04-02" not in text
    # The lookup of the visible jongere is in the processing log, though nothing was written.
    assert lookups(users["medewerker"], existing) == 1


def test_the_browser_preview_logs_the_jongeren_it_looked_up(client, org, users, existing, inline_jobs):
    client.force_login(users["lpa"])
    before = lookups(users["lpa"], existing)
    page = upload(client, csv(MELDING_HEADER, EXISTING.replace("M-1", "M-3")))
    assert "Gecontroleerd, wacht op bevestiging" in page
    # The preview's writes are rolled back; its log entry is not.
    assert lookups(users["lpa"], existing) == before + 1


def test_a_jongere_across_the_gemeente_restriction_is_neither_described_nor_logged(org, users, existing):
    # The user may import in Roermond only; the BSN belongs to a jongere in Roerdalen.
    row = EXISTING.replace("M-1", "M-4").replace("GM1669", "GM0957").replace("2011-04-02", "2011-05-03")
    failed = imported(org, users["lpa_roermond"], "meldingen", csv(MELDING_HEADER, row))
    assert isinstance(failed, ImportFailed)
    (problem,) = failed.problems
    assert problem.message == "deze jongere valt buiten uw gemeenten; vraag een collega."
    assert "2011" not in problem.message
    assert lookups(users["lpa_roermond"], existing) == 0


def test_only_who_offered_the_file_sees_its_problems(client, org, users, inline_jobs):
    bad = "M-5,GM0957,100617683,2011-04-02,spijbelen,2025-10-01"  # the BSN fails the elfproef
    client.force_login(users["medewerker"])
    assert "100617683" in upload(client, csv(MELDING_HEADER, bad))
    record = ImportRecord.objects.get(status=ImportRecord.Status.GEWEIGERD)
    client.force_login(users["lpa"])
    page = client.get(reverse("import_detail", args=[record.pk])).content.decode()
    assert "Het bestand is geweigerd: 2 problemen." in page
    assert "100617683" not in page and "spijbelen" not in page
    api, _token = token_client(users["lpa"])
    assert api.get(f"/api/v1/imports/{record.pk}/").json()["problemen"] == []
    api_own, _token = token_client(users["medewerker"])
    assert {p["waarde"] for p in api_own.get(f"/api/v1/imports/{record.pk}/").json()["problemen"]} == {
        "100617683",
        "spijbelen",
    }


def test_problem_lists_are_blanked_after_the_retention_term(client, org, users, settings):
    from cases.imports.upkeep import imports_upkeep

    settings.IMPORT_PROBLEMEN_BEWAARDAGEN = 30
    failed = imported(
        org,
        users["medewerker"],
        "meldingen",
        csv(MELDING_HEADER, "M-6,GM0957,100665196,2011-04-02,x,2025-10-01"),
    )
    assert isinstance(failed, ImportFailed)
    record = ImportRecord.objects.get()
    imports_upkeep(now=timezone.now() + timedelta(days=29))
    record.refresh_from_db()
    assert record.problemen and record.problemen[0]["waarde"] == "x"
    imports_upkeep(now=timezone.now() + timedelta(days=31))
    record.refresh_from_db()
    assert record.problemen == [] and record.problemen_totaal == 1
    client.force_login(users["medewerker"])
    page = client.get(reverse("import_detail", args=[record.pk])).content.decode()
    assert "verwijderd (bewaartermijn)" in page and "100665196" not in page
