"""Leerplicht journeys in Chromium, each page checked with axe-core."""

from datetime import date

import pytest

from cases.codelists import seed_codelists
from cases.constants import Role
from cases.ouders.services import ouder_toevoegen
from leerplicht.models import Melding, Vrijstelling
from tests.e2e.conftest import pass_second_factor
from tests.factories import JongereFactory, UserFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
PASSWORD = "geheim-wachtwoord-123"


@pytest.fixture
def team(organisatie_a):
    seed_codelists(organisatie_a)
    return {
        "lpa": UserFactory(
            username="lpa",
            first_name="Lotte",
            last_name="Pauwels",
            organisatie=organisatie_a,
            role=Role.LEERPLICHTAMBTENAAR,
        ),
        "medewerker": UserFactory(
            username="medewerker", organisatie=organisatie_a, role=Role.ADMINISTRATIEF_MEDEWERKER
        ),
        "org": organisatie_a,
    }


def login(page, username):
    page.context.clear_cookies()
    page.goto("/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    pass_second_factor(page, username)
    page.get_by_role("button", name="Uitloggen").wait_for()


def move_to(page, label, reden=""):
    if reden:
        page.get_by_label("Reden", exact=True).fill(reden)
    page.get_by_role("button", name=label).click()
    page.get_by_role("status").filter(has_text="De melding staat nu in fase").wait_for()


def test_a_relatief_verzuim_from_registration_to_halt(page, team, assert_accessible):
    login(page, "medewerker")
    page.goto("/meldingen/nieuw/")
    assert_accessible(page)
    page.get_by_label("Voornamen").fill("Yara")
    page.get_by_label("Achternaam").fill("de Vries")
    page.get_by_label("Geboortedatum").fill("2011-04-02")
    page.get_by_label("Soort melding").select_option("relatief_wettelijk")
    page.get_by_label("Verzuim vanaf").fill("2025-09-08")
    page.get_by_label("Uren verzuim").fill("24")
    page.get_by_label("Leerplichtambtenaar").select_option(label="Lotte Pauwels")
    page.get_by_role("button", name="Registreren").click()
    page.get_by_text("De melding is geregistreerd.").wait_for()
    assert page.get_by_role("button", name="Naar Analyseren").count() == 0  # registering is not deciding

    login(page, "lpa")
    page.goto("/werkvoorraad/")
    page.get_by_role("link", name="Yara de Vries").wait_for()
    assert_accessible(page)
    page.get_by_role("link", name="Yara de Vries").click()
    page.get_by_role("heading", name="Relatief verzuim (wettelijk)").wait_for()
    assert_accessible(page)
    move_to(page, "Naar Analyseren")
    move_to(page, "Naar Plannen")
    page.get_by_text("Route kiezen").click()
    page.get_by_label("Route", exact=True).select_option("halt")
    page.get_by_label("Instemming jongere met Halt").check()
    page.get_by_label("Instemming ouder(s) met Halt").check()
    page.get_by_role("button", name="Route vastleggen").click()
    page.get_by_text("De route is vastgelegd.").wait_for()
    move_to(page, "Naar Handelen")
    page.locator("summary", has_text="Actie vastleggen").click()
    page.get_by_label("Soort actie").select_option("halt_verwijzing")
    page.get_by_label("Halt: de ouder(s) stemmen in").check()
    page.get_by_role("button", name="Actie vastleggen").click()
    page.get_by_text("De actie is vastgelegd.").wait_for()
    move_to(page, "Naar Evalueren")
    page.get_by_label("Resultaat", exact=True).select_option(label="Halt")
    page.get_by_label("Reden van afsluiten").fill("Halt-straf uitgevoerd, leerling weer naar school.")
    page.get_by_role("button", name="Afsluiten").click()
    page.get_by_text("De melding staat nu in fase 'Afgesloten'.").wait_for()
    assert_accessible(page)

    melding = Melding.objects.get()
    assert (melding.fase, melding.resultaat.label, melding.halt_verwijzing) == ("afgesloten", "Halt", True)
    assert list(melding.routes.values_list("route", flat=True)) == ["halt"]


def test_b_luxe_verzuim_closed_with_a_proces_verbaal(page, team, assert_accessible):
    jongere = JongereFactory(
        organisatie=team["org"], voornamen="Milan", achternaam="Bos", geboortedatum=date(2015, 3, 3)
    )
    ouder_toevoegen(actor=None, jongere=jongere, voornamen="Anna", achternaam="Bos", relatie="moeder")
    login(page, "lpa")
    page.goto(f"/dossiers/{jongere.dossier.pk}/")
    page.get_by_role("link", name="Nieuwe melding").click()
    page.get_by_label("Soort melding").select_option("luxe")
    page.get_by_label("Schooldagen afwezig").fill("4")
    page.get_by_role("button", name="Registreren").click()
    page.get_by_text("De melding is geregistreerd.").wait_for()
    page.locator("summary", has_text="Actie vastleggen").click()
    page.get_by_label("Soort actie").select_option("proces_verbaal_ouder")
    page.get_by_label("Proces-verbaal ouder: verdachte").select_option(label="Anna Bos")
    page.get_by_label("Omschrijving").last.fill("Ouders waren 4 dagen op vakantie zonder toestemming.")
    page.get_by_role("button", name="Actie vastleggen").click()
    page.get_by_text("De actie is vastgelegd.").wait_for()
    page.get_by_label("Resultaat", exact=True).select_option(label="Proces-verbaal")
    page.get_by_label("Reden van afsluiten").fill("Proces-verbaal naar het OM.")
    page.get_by_role("button", name="Afsluiten").click()
    page.get_by_text("De melding staat nu in fase 'Afgesloten'.").wait_for()
    assert page.get_by_text("Proces-verbaal (ouder)").is_visible()
    assert_accessible(page)
    melding = Melding.objects.get()
    assert (melding.soort, melding.resultaat.label, melding.proces_verbaal) == (
        "luxe",
        "Proces-verbaal",
        True,
    )


def test_c_5a_vrijstelling_with_a_document_is_granted(page, team, assert_accessible):
    jongere = JongereFactory(
        organisatie=team["org"], voornamen="Sara", achternaam="Kok", geboortedatum=date(2013, 5, 5)
    )
    login(page, "lpa")
    page.goto(f"/dossiers/{jongere.dossier.pk}/")
    page.get_by_role("link", name="Nieuwe aanvraag vrijstelling of verlof").click()
    assert_accessible(page)
    page.get_by_label("Grondslag").select_option("art5a")
    page.get_by_label("Onderwijs", exact=True).select_option("vo")
    page.get_by_role("button", name="Aanvraag registreren").click()
    page.get_by_text("De aanvraag is geregistreerd.").wait_for()
    page.get_by_label("Document", exact=True).set_input_files(
        {"name": "advies-arts.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.4 verklaring"}
    )
    page.get_by_role("button", name="Document toevoegen").click()
    page.get_by_text("Het document is toegevoegd.").wait_for()
    page.get_by_label("Besluit", exact=True).select_option("verleend")
    page.get_by_label("Artikel 5 onder a: de verklaring is van een door B&W aangewezen").check()
    page.get_by_label("Geldig van").fill("2025-10-01")
    page.get_by_label("Geldig tot en met").fill("2026-07-31")
    page.get_by_role("button", name="Besluit vastleggen").click()
    page.get_by_text("Het besluit is vastgelegd.").wait_for()
    assert_accessible(page)
    with page.expect_download() as download:
        page.get_by_role("link", name="advies-arts.pdf").click()
    assert download.value.suggested_filename == "advies-arts.pdf"
    vrijstelling = Vrijstelling.objects.get()
    assert (vrijstelling.besluit, vrijstelling.geldig_van) == ("verleend", date(2025, 10, 1))


def test_d_closing_without_a_result_shows_the_dutch_message(page, team, assert_accessible):
    jongere = JongereFactory(organisatie=team["org"], voornamen="Tim", achternaam="Smit")
    login(page, "lpa")
    page.goto(f"/meldingen/nieuw/?dossier={jongere.dossier.pk}")
    page.get_by_label("Soort melding").select_option("zorg")
    page.get_by_role("button", name="Registreren").click()
    page.get_by_text("De melding is geregistreerd.").wait_for()
    page.get_by_label("Reden van afsluiten").fill("Geen verdere actie nodig.")
    page.get_by_role("button", name="Afsluiten").click()
    page.get_by_role("alert").filter(has_text="Kies een resultaat om de melding af te sluiten.").wait_for()
    assert_accessible(page)
    assert Melding.objects.get().fase == "waarnemen"
