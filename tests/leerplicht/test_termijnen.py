"""Deadlines of meldingen and aanvragen: the daily job stores what is due and overdue, and the
werkvoorraad shows and filters on it."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from cases.constants import ActieSoort, Role
from cases.models import SchoolVakantie
from cases.tasks import termijnen_signaleren
from leerplicht import services
from leerplicht.models import Melding, MeldingActie, Termijn, Vrijstelling
from leerplicht.termijnen import signaleren
from tests.factories import ActieFactory, JongereFactory, MeldingFactory, UserFactory

pytestmark = pytest.mark.django_db


def row(page: str, text: str) -> str:
    start = page.index(text)
    return page[start : page.index("</tr>", start)]


def melding(org, lpa, naam, **kwargs):
    return MeldingFactory(
        dossier=JongereFactory(organisatie=org, achternaam=naam).dossier, behandelaar=lpa, **kwargs
    )


def contact(melding, lpa):
    actie = ActieFactory(dossier=melding.dossier, gebruiker=lpa, soort=ActieSoort.VERZUIMGESPREK)
    MeldingActie.objects.create(melding=melding, actie=actie)


def test_the_daily_job_flags_due_and_overdue_items_on_the_werkvoorraad(client, org, lpa):
    today = timezone.localdate()
    # The organisation's own handling term: 30 calendar days for relatief wettelijk verzuim.
    Termijn.objects.create(
        organisatie=org, termijn="afhandeling", soort="relatief_wettelijk", dagen=30, eenheid="kalenderdagen"
    )
    laat = melding(org, lpa, "Laat", ontvangen_op=today - timedelta(days=30))  # no contact in 5 working days
    bijna = melding(org, lpa, "Bijna", ontvangen_op=today - timedelta(days=30))
    contact(bijna, lpa)  # first contact done; the handling term ends today
    melding(org, lpa, "Rustig", soort="zorg", ontvangen_op=today)
    aanvraag = Vrijstelling.objects.create(
        dossier=JongereFactory(organisatie=org, achternaam="Aanvrager").dossier,
        grondslag="art5a",
        gemeente=org.gemeenten.first(),
        aangevraagd_op=today - timedelta(days=60),  # past the 8 weeks for a decision
        behandelaar=lpa,
    )
    client.force_login(lpa)
    assert "Termijn verstreken:" not in client.get(reverse("werkvoorraad")).content.decode()

    assert termijnen_signaleren.apply().get() == 4
    assert termijnen_signaleren.apply().get() == 0  # a rerun changes nothing

    page = client.get(reverse("werkvoorraad")).content.decode()
    laat.refresh_from_db()
    assert "Termijn verstreken: eerste contact " + f"{laat.termijn_op:%d-%m-%Y}" in row(page, "Laat")
    assert "Termijn nadert: afhandeling " + f"{today:%d-%m-%Y}" in row(page, "Bijna")
    assert "Termijn verstreken:" not in row(page, "Rustig") and "Termijn nadert:" not in row(page, "Rustig")
    assert "Termijn verstreken: besluit op aanvraag" in row(page, "Aanvrager")

    verlopen = client.get(
        reverse("werkvoorraad"), {"behandelaar": "", "signaal": "verlopen"}
    ).content.decode()
    assert "1 open melding" in verlopen and "Laat" in verlopen and "Bijna" not in verlopen
    assert "Aanvrager" in verlopen
    nadert = client.get(
        reverse("werkvoorraad"), {"behandelaar": "", "signaal": "binnenkort"}
    ).content.decode()
    assert "1 open melding" in nadert and "Bijna" in nadert and "Aanvrager" not in nadert

    # Closing the melding and deciding the aanvraag take them off; the next run clears the signal.
    Melding.objects.filter(pk=laat.pk).update(fase="afgesloten", afgesloten_op=today)
    Vrijstelling.objects.filter(pk=aanvraag.pk).update(besluit="verleend", besluit_op=today)
    assert termijnen_signaleren.apply().get() == 2
    laat.refresh_from_db()
    assert (laat.signaal, laat.termijn_op) == ("", None)


def test_working_day_terms_skip_school_holidays_when_configured(org, lpa):
    SchoolVakantie.objects.create(
        organisatie=org, naam="Herfstvakantie", van=date(2026, 10, 17), tot=date(2026, 10, 25)
    )
    Termijn.objects.create(
        organisatie=org, termijn="eerste_contact", soort="absoluut", dagen=3, eenheid="werkdagen"
    )
    Termijn.objects.create(
        organisatie=org, termijn="afhandeling", soort="absoluut", dagen=6, eenheid="werkdagen"
    )
    # Received Thu 15 October 2026: Fri 16 (1), holiday 19-23 skipped, Mon 26 (2), Tue 27 (3).
    absoluut = melding(org, lpa, "Herfst", soort="absoluut", ontvangen_op=date(2026, 10, 15))
    signaleren(today=date(2026, 10, 26))
    absoluut.refresh_from_db()
    assert (absoluut.termijn_op, absoluut.termijn_soort, absoluut.signaal) == (
        date(2026, 10, 27),
        "eerste_contact",
        "binnenkort",
    )


def test_werkvoorraad_with_signal_filter_keeps_its_query_count(client, org, lpa):
    today = timezone.localdate()
    client.force_login(lpa)

    def count_queries():
        with CaptureQueriesContext(connection) as ctx:
            page = client.get(reverse("werkvoorraad"), {"behandelaar": "", "signaal": "verlopen"})
            assert page.status_code == 200
        return len(ctx.captured_queries), page.content.decode()

    for _ in range(5):
        melding(org, lpa, "Oud", ontvangen_op=today - timedelta(days=40))
    termijnen_signaleren.apply()
    client.get(reverse("werkvoorraad"))
    small, page = count_queries()
    assert "5 open meldingen" in page
    for _ in range(45):
        melding(org, lpa, "Oud", ontvangen_op=today - timedelta(days=40))
    termijnen_signaleren.apply()
    large, page = count_queries()
    # all 50 counted, the first page of 25 shown, each with its signal
    assert "50 open meldingen" in page and page.count("Termijn verstreken: eerste contact") == 25
    assert large == small


def test_recording_the_first_contact_updates_the_signal_at_once(client, org, lpa):
    today = timezone.localdate()
    Termijn.objects.create(
        organisatie=org, termijn="afhandeling", soort="relatief_wettelijk", dagen=16, eenheid="kalenderdagen"
    )
    laat = melding(org, lpa, "Laat", ontvangen_op=today - timedelta(days=14))
    termijnen_signaleren.apply()
    laat.refresh_from_db()
    assert (laat.signaal, laat.termijn_soort) == ("verlopen", "eerste_contact")
    versie = laat.versie

    services.melding_actie_register(actor=lpa, melding_id=laat.pk, soort=ActieSoort.HUISBEZOEK, datum=today)

    laat.refresh_from_db()
    # The handling term (16 calendar days) ends in 2 days.
    assert (laat.termijn_soort, laat.termijn_op) == ("afhandeling", today + timedelta(days=2))
    assert laat.versie == versie  # no edit conflict for someone who has the melding open
    client.force_login(lpa)
    assert "Termijn verstreken:" not in row(client.get(reverse("werkvoorraad")).content.decode(), "Laat")


def test_the_beheerder_configures_a_term_and_a_duplicate_is_refused_with_a_message(client, org):
    beheerder = UserFactory(
        username="beheerder", organisatie=org, role=Role.FUNCTIONEEL_BEHEERDER, is_staff=True
    )
    client.force_login(beheerder)
    url = reverse("admin:leerplicht_termijn_add")
    data = {
        "termijn": "eerste_contact",
        "soort": "thuiszitter",
        "dagen": "1",
        "eenheid": "werkdagen",
        "schoolvakanties_overslaan": "on",
    }
    assert client.post(url, data).status_code == 302
    termijn = Termijn.objects.get()
    assert (termijn.organisatie, termijn.dagen, termijn.eenheid) == (org, 1, "werkdagen")

    again = client.post(url, data).content.decode()
    assert "Deze instelling bestaat al voor uw organisatie" in again
    zonder_soort = client.post(url, {**data, "termijn": "afhandeling", "soort": ""}).content.decode()
    assert "Kies een soort melding, behalve bij het besluit op een aanvraag" in zonder_soort
    assert Termijn.objects.count() == 1


def test_werkvoorraad_puts_the_most_urgent_deadline_first(client, org, lpa):
    today = timezone.localdate()
    # Received first but with a far deadline (first contact done, long handling term) ...
    oud = melding(org, lpa, "Vroeg", soort="zorg", ontvangen_op=today - timedelta(days=3))
    contact(oud, lpa)
    # ... and received later but overdue for the first contact.
    melding(org, lpa, "Spoed", ontvangen_op=today - timedelta(days=2))
    Termijn.objects.create(
        organisatie=org,
        termijn="eerste_contact",
        soort="relatief_wettelijk",
        dagen=1,
        eenheid="kalenderdagen",
    )
    termijnen_signaleren.apply()
    client.force_login(lpa)
    page = client.get(reverse("werkvoorraad")).content.decode()
    assert page.index("Sam Spoed") < page.index("Sam Vroeg")
    assert 'value="urgentie" selected' in page
    oldest_first = client.get(reverse("werkvoorraad"), {"volgorde": "ontvangen"}).content.decode()
    assert oldest_first.index("Sam Vroeg") < oldest_first.index("Sam Spoed")


def aanvraag(org, lpa, naam, dagen_geleden):
    return Vrijstelling.objects.create(
        dossier=JongereFactory(organisatie=org, achternaam=naam).dossier,
        grondslag="art5a",
        gemeente=org.gemeenten.first(),
        aangevraagd_op=timezone.localdate() - timedelta(days=dagen_geleden),
        behandelaar=lpa,
    )


def test_the_aanvragen_have_their_own_page_with_a_count_and_paging(client, org, lpa):
    for n in range(30):
        aanvraag(org, lpa, f"Aanvrager{n:02d}", dagen_geleden=n)
    termijnen_signaleren.apply()
    client.force_login(lpa)
    werkvoorraad = client.get(reverse("werkvoorraad")).content.decode()
    # The werkvoorraad says how many there are and shows the most urgent (the oldest) ten.
    assert "30 aanvragen vrijstelling en verlof in behandeling" in werkvoorraad
    assert "Aanvrager29" in werkvoorraad and "Aanvrager19" not in werkvoorraad
    assert "alle 30 aanvragen bekijken" in werkvoorraad
    first = client.get(reverse("aanvragen")).content.decode()
    assert "30 aanvragen in behandeling" in first and "Pagina 1 van 2" in first
    assert first.index("Aanvrager29") < first.index("Aanvrager28")
    second = client.get(reverse("aanvragen"), {"page": 2}).content.decode()
    assert second.count("Aanvrager") == 5 and "Aanvrager00" in second


def test_aanvragen_page_queries_do_not_grow(client, org, lpa):
    client.force_login(lpa)
    for n in range(3):
        aanvraag(org, lpa, f"A{n}", dagen_geleden=n)
    client.get(reverse("aanvragen"))
    with CaptureQueriesContext(connection) as small:
        client.get(reverse("aanvragen"))
    for n in range(40):
        aanvraag(org, lpa, f"B{n}", dagen_geleden=n)
    with CaptureQueriesContext(connection) as large:
        assert "43 aanvragen in behandeling" in client.get(reverse("aanvragen")).content.decode()
    assert len(large.captured_queries) == len(small.captured_queries)


def test_the_melding_page_shows_its_terms_and_signal(client, org, lpa):
    today = timezone.localdate()
    laat = melding(org, lpa, "Laat", ontvangen_op=today - timedelta(days=30))
    termijnen_signaleren.apply()
    laat.refresh_from_db()
    client.force_login(lpa)
    page = client.get(reverse("melding", args=[laat.pk])).content.decode()
    assert f"Termijn verstreken: eerste contact {laat.termijn_op:%d-%m-%Y}" in page
    assert "Termijn eerste contact" in page and "Termijn afhandeling" in page
    contact(laat, lpa)
    page = client.get(reverse("melding", args=[laat.pk])).content.decode()
    contact_row = page[
        page.index("Termijn eerste contact") : page.index("</div>", page.index("Termijn eerste contact"))
    ]
    assert "gehaald" in contact_row
