"""The daily e-mail digest: counts, deadline dates and links only; once a day; only when there is
something to report."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from cases.constants import Role
from cases.models import DigestVerzending
from cases.tasks import digest_versturen, termijnen_signaleren
from cases.termijnen.digest import digest_versturen as send_digest
from tests.factories import JongereFactory, MeldingFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def lpa(organisatie_a):
    return UserFactory(
        username="lpa-digest",
        email="lpa@gemeente.example",
        organisatie=organisatie_a,
        role=Role.LEERPLICHTAMBTENAAR,
    )


@pytest.fixture(autouse=True)
def site_url(settings):
    settings.SITE_URL = "https://leerplicht.gemeente.example"


def test_the_digest_lists_due_items_with_links_and_no_personal_data(organisatie_a, lpa):
    today = timezone.localdate()
    jongere = JongereFactory(organisatie=organisatie_a, voornamen="Fenna", achternaam="Zwartkop")
    overdue = MeldingFactory(
        dossier=jongere.dossier, behandelaar=lpa, ontvangen_op=today - timedelta(days=30)
    )
    other = MeldingFactory(
        dossier=JongereFactory(organisatie=organisatie_a, voornamen="Joris", achternaam="Wildeman").dossier,
        behandelaar=lpa,
        ontvangen_op=today - timedelta(days=30),
    )
    termijnen_signaleren.apply()
    overdue.refresh_from_db()

    assert digest_versturen.apply().get() == 1
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["lpa@gemeente.example"]
    assert message.subject == f"Dagelijks overzicht van {today:%d-%m-%Y}"
    body = message.body
    assert "Termijn verstreken: 2 zaken" in body
    assert "Nieuw aan u toegewezen: 2 zaken" in body
    assert "Termijn nadert (binnen 2 werkdagen): 0 zaken" in body
    assert (
        f"- Melding {overdue.pk}, eerste contact uiterlijk {overdue.termijn_op:%d-%m-%Y}: "
        f"https://leerplicht.gemeente.example/meldingen/{overdue.pk}/"
    ) in body
    assert f"https://leerplicht.gemeente.example/meldingen/{other.pk}/" in body
    for personal in (jongere.bsn, "Fenna", "Zwartkop", "Wildeman", f"{jongere.geboortedatum:%d-%m-%Y}"):
        assert personal not in body and personal not in message.subject

    # A rerun on the same day sends nothing again.
    assert digest_versturen.apply().get() == 0
    assert len(mail.outbox) == 1
    assert DigestVerzending.objects.get(gebruiker=lpa).toegewezen == sorted(
        [f"melding:{overdue.pk}", f"melding:{other.pk}"]
    )


def test_no_digest_without_anything_to_report_or_when_the_user_opted_out(organisatie_a, lpa):
    today = timezone.localdate()
    UserFactory(username="leeg", email="leeg@gemeente.example", organisatie=organisatie_a)  # nothing assigned
    # Assigned yesterday's digest already, deadline far away: nothing new, nothing due.
    rustig = MeldingFactory(
        dossier=JongereFactory(organisatie=organisatie_a).dossier,
        behandelaar=lpa,
        soort="zorg",
        ontvangen_op=today,
    )
    DigestVerzending.objects.create(
        gebruiker=lpa, datum=today - timedelta(days=1), toegewezen=[f"melding:{rustig.pk}"]
    )
    termijnen_signaleren.apply()
    assert send_digest(today=today) == 0
    assert mail.outbox == []

    # A new assignment is reported, unless the user opted out of the digest.
    nieuw = MeldingFactory(
        dossier=JongereFactory(organisatie=organisatie_a).dossier,
        behandelaar=lpa,
        soort="zorg",
        ontvangen_op=today,
    )
    lpa.dagelijks_overzicht = False
    lpa.save()
    assert send_digest(today=today) == 0
    lpa.dagelijks_overzicht = True
    lpa.save()
    assert send_digest(today=today) == 1
    body = mail.outbox[0].body
    assert "Nieuw aan u toegewezen: 1 zaak" in body and "Termijn verstreken: 0 zaken" in body
    assert f"/meldingen/{nieuw.pk}/" in body and f"/meldingen/{rustig.pk}/" not in body


def test_the_beat_schedule_runs_the_deadline_job_before_the_digest(settings):
    schedule = settings.CELERY_BEAT_SCHEDULE
    assert schedule["cases-termijnen-signaleren"]["task"] == termijnen_signaleren.name
    assert schedule["cases-digest-versturen"]["task"] == digest_versturen.name
    assert schedule["cases-termijnen-signaleren"]["schedule"].hour == {6}
    assert schedule["cases-digest-versturen"]["schedule"].hour == {7}


def test_a_user_turns_the_digest_off_and_on_from_the_start_page(client, lpa):
    client.force_login(lpa)
    page = client.post(reverse("dagelijks_overzicht"), {"aan": "0"}, follow=True).content.decode()
    assert "U ontvangt geen dagelijks overzicht per e-mail meer." in page
    assert "Dagelijks overzicht aanzetten" in page
    lpa.refresh_from_db()
    assert lpa.dagelijks_overzicht is False
    client.post(reverse("dagelijks_overzicht"), {"aan": "1"})
    lpa.refresh_from_db()
    assert lpa.dagelijks_overzicht is True
    assert client.get(reverse("dagelijks_overzicht")).status_code == 405
