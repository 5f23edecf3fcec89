"""Deadlines of trajecten: the daily job flags the first contact and the nazorg on the caseload."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from cases.tasks import termijnen_signaleren
from doorstroom import services
from doorstroom.models import Traject, TrajectTermijn
from tests.doorstroom.factories import BenaderingFactory, TrajectFactory, years_ago
from tests.factories import JongereFactory

pytestmark = pytest.mark.django_db


def row(page: str, text: str) -> str:
    start = page.index(text)
    return page[start : page.index("</tr>", start)]


def traject(org, naam, **kwargs):
    jongere = JongereFactory(organisatie=org, achternaam=naam, geboortedatum=years_ago(19))
    return TrajectFactory(dossier=jongere.dossier, **kwargs)


def test_the_daily_job_flags_first_contact_and_nazorg_on_the_caseload(client, coach, org):
    today = timezone.localdate()
    # Nazorg of nieuwe vsv'ers must be done within 1 calendar day of its planned date.
    TrajectTermijn.objects.create(
        organisatie=org, doelgroep="nieuw_vsv", termijn="nazorg", dagen=1, eenheid="kalenderdagen"
    )
    stil = traject(org, "Stil", behandelaar=coach, gemeld_op=today - timedelta(days=30))  # nobody approached
    benaderd = traject(org, "Benaderd", behandelaar=coach, gemeld_op=today - timedelta(days=30))
    BenaderingFactory(traject=benaderd)
    nazorg = traject(
        org,
        "Nazorg",
        behandelaar=coach,
        afgesloten=True,
        gemeld_op=today - timedelta(days=400),
        afgesloten_op=today - timedelta(days=366),
        nazorg_op=today - timedelta(days=1),
        nazorg_gesignaleerd_op=today - timedelta(days=1),
    )
    client.force_login(coach)

    assert termijnen_signaleren.apply().get() == 2
    assert termijnen_signaleren.apply().get() == 0  # idempotent

    page = client.get(reverse("trajecten")).content.decode()
    stil.refresh_from_db()
    assert f"Termijn verstreken: eerste contact {stil.termijn_op:%d-%m-%Y}" in row(page, "Stil")
    assert f"Termijn nadert: nazorg {today:%d-%m-%Y}" in row(page, "Sam Nazorg")
    assert "Termijn verstreken:" not in row(page, "Benaderd") and "Termijn nadert:" not in row(
        page, "Benaderd"
    )
    verlopen = client.get(reverse("trajecten"), {"signaal": "verlopen"}).content.decode()
    assert "1 traject" in verlopen and "Stil" in verlopen and "Benaderd" not in verlopen

    # A first benadering meets the term; the next run clears the signal.
    BenaderingFactory(traject=stil)
    Traject.objects.filter(pk=nazorg.pk).update(nazorg_uitgevoerd_op=today)
    assert termijnen_signaleren.apply().get() == 2
    assert not Traject.objects.exclude(signaal="").exists()


def test_caseload_with_signal_filter_keeps_its_query_count(client, coach, org):
    today = timezone.localdate()
    client.force_login(coach)

    def count_queries():
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(reverse("trajecten"), {"signaal": "verlopen"})
            assert response.status_code == 200
        return len(ctx.captured_queries), response.content.decode()

    for _ in range(5):
        traject(org, "Oud", behandelaar=coach, gemeld_op=today - timedelta(days=30))
    termijnen_signaleren.apply()
    client.get(reverse("trajecten"))
    small, page = count_queries()
    assert "5 trajecten" in page
    for _ in range(45):
        traject(org, "Oud", behandelaar=coach, gemeld_op=today - timedelta(days=30))
    termijnen_signaleren.apply()
    large, page = count_queries()
    assert "50 trajecten" in page and page.count("Termijn verstreken: eerste contact") == 25
    assert large == small


def test_a_first_benadering_clears_the_signal_at_once(client, coach, org):
    today = timezone.localdate()
    stil = traject(org, "Stil", behandelaar=coach, gemeld_op=today - timedelta(days=30))
    termijnen_signaleren.apply()
    client.force_login(coach)
    assert "Termijn verstreken: eerste contact" in row(
        client.get(reverse("trajecten")).content.decode(), "Stil"
    )

    services.benadering_vastleggen(
        actor=coach, traject=stil, soort="huisbezoek", datum=today, uitkomst="niet_aangetroffen"
    )

    assert "Termijn verstreken:" not in row(client.get(reverse("trajecten")).content.decode(), "Stil")
    stil.refresh_from_db()
    assert (stil.signaal, stil.termijn_op) == ("", None)
