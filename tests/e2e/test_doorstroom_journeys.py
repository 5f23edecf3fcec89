"""Doorstroompunt journeys in Chromium: a nieuwe vsv'er from signal to nazorg, a traject closed
as niet begeleid after a home visit, and an overdracht from leerplicht at 18."""

from datetime import timedelta

import pytest
from django.utils import timezone

from cases.codelists import seed_codelists
from cases.constants import ActieSoort, Role
from doorstroom.constants import Stap
from doorstroom.models import Traject
from doorstroom.rules import nazorg_datum
from tests.doorstroom.factories import TrajectFactory, years_ago
from tests.e2e.conftest import pass_second_factor
from tests.factories import ActieFactory, JongereFactory, UserFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PASSWORD = "een-lang-wachtwoord"


@pytest.fixture
def org(organisatie_a):
    seed_codelists(organisatie_a)
    return organisatie_a


@pytest.fixture
def coach(org):
    return UserFactory(
        username="coach", first_name="Cem", last_name="Ouali", organisatie=org, role=Role.DOORSTROOMCOACH,
        password=PASSWORD,
    )  # fmt: skip


@pytest.fixture
def lpa(org):
    return UserFactory(
        username="lpa", first_name="Lotte", last_name="Pauwels", organisatie=org, role=Role.LEERPLICHTAMBTENAAR,
        password=PASSWORD,
    )  # fmt: skip


def log_in(page, username, path):
    page.goto(path)
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    pass_second_factor(page, username)


def step_to(page, label):
    # "Andere stap kiezen" is folded away while the one-click "Door naar ..." is offered.
    details = page.locator("details:has(#stap-form)")
    if not details.evaluate("d => d.open"):
        details.locator("summary").click()
    form = page.locator("#stap-form")
    form.get_by_label("Naar stap").select_option(label=label)
    form.get_by_role("button", name="Stap zetten").click()
    page.get_by_text("De stap is gewijzigd.").wait_for()
    assert page.locator("[aria-current=step]").inner_text().startswith(label)


def test_nieuwe_vsv_from_signal_to_intake_plan_uitstroom_and_nazorg(page, coach, org, assert_accessible):
    jongere = JongereFactory(
        organisatie=org, voornamen="Mila", achternaam="de Vries", geboortedatum=years_ago(19)
    )
    today = timezone.localdate()

    log_in(page, "coach", f"/dossiers/{jongere.dossier.pk}/")
    page.get_by_role("heading", name="Mila de Vries").wait_for()
    page.locator("summary", has_text="Traject starten").click()
    start = page.locator("#traject-start-form")
    start.get_by_label("Doelgroep").select_option(label="Nieuwe voortijdig schoolverlater")
    start.get_by_label("Uitgevallen op").fill((today - timedelta(days=20)).isoformat())
    start.get_by_label("Bron van het signaal").select_option(label="VSV-registratie DUO")
    start.get_by_label("Onderwijsachtergrond").select_option(label="MBO")
    start.get_by_label("Reden").select_option(label="Wil werken")
    start.get_by_label("Doorstroomcoach").select_option(label="Cem Ouali")
    assert_accessible(page)
    start.get_by_role("button", name="Traject starten").click()

    page.get_by_role("heading", name="Mila de Vries: Nieuwe voortijdig schoolverlater").wait_for()
    assert page.get_by_text("Het traject is gestart bij stap 1 van de Routekaart.").is_visible()
    assert_accessible(page)
    step_to(page, "2. Dossier en gegevens controleren")
    step_to(page, "3. Doelgroep vaststellen")
    # A nieuwe vsv'er continues at the intake; step 12 is not offered.
    assert page.locator("#stap-form option").all_text_contents() == ["4. Intakegesprek plannen"]
    step_to(page, "4. Intakegesprek plannen")

    contact = page.locator("#benadering-form")
    contact.get_by_label("Soort contact").select_option(label="Telefoon")
    contact.get_by_label("Uitkomst").select_option(label="Jongere bereikt")
    contact.get_by_label("Toelichting").fill("Intake op maandag afgesproken.")
    contact.get_by_role("button", name="Contactpoging vastleggen").click()
    page.get_by_text("De contactpoging is vastgelegd.").wait_for()

    plan = page.locator("#plan-form")
    plan.get_by_label("Intakegesprek op").fill(today.isoformat())
    plan.get_by_label("Huisvesting").fill("Woont bij moeder.")
    plan.get_by_label("Toestemmingsverklaring gegevensuitwisseling getekend").check()
    plan.get_by_label("Datum toestemmingsverklaring").fill(today.isoformat())
    plan.get_by_label("Casusregie").select_option(label="Doorstroompunt")
    plan.get_by_label("UWV").check()
    plan.get_by_label("Afspraken in het plan van aanpak").fill("Solliciteren bij drie werkgevers per week.")
    plan.get_by_label("Plan van aanpak vastgesteld op").fill(today.isoformat())
    plan.get_by_role("button", name="Intake en plan opslaan").click()
    page.get_by_text("De intake en het plan van aanpak zijn opgeslagen.").wait_for()
    assert page.get_by_text(f"Toestemming gegevensuitwisseling op {today:%d-%m-%Y}.").is_visible()
    assert page.locator("#plan-form").get_by_label("Huisvesting").input_value() == "Woont bij moeder."

    for label in (
        "5. Systeem in kaart brengen",
        "6. Privacy en gegevensuitwisseling",
        "7. Vooronderzoek afronden",
        "8. Plan van aanpak opstellen",
        "9. Plan van aanpak uitvoeren",
        "10. Uitvoering monitoren",
    ):
        step_to(page, label)

    close = page.locator("#afsluiten-form")
    close.get_by_label("Ja, begeleid").check()
    close.get_by_label("Uitstroom").select_option(label="Werk regulier / interne opleiding")
    assert_accessible(page)
    close.get_by_role("button", name="Traject afsluiten").click()

    page.get_by_text("Het traject is afgesloten; de nazorg is over een jaar gepland.").wait_for()
    uitkomst = page.locator("section", has=page.get_by_role("heading", name="Uitkomst en nazorg"))
    assert "Werk regulier: Werk regulier / interne opleiding" in uitkomst.inner_text()
    assert nazorg_datum(today).strftime("%d-%m-%Y") in uitkomst.inner_text()
    assert page.locator("[aria-current=step]").inner_text().startswith("11. Afsluiten en nazorg starten")
    assert_accessible(page)
    traject = Traject.objects.get()
    assert (traject.begeleid, traject.uitstroom.categorie, traject.nazorg_op) == (
        True,
        "Werk regulier",
        nazorg_datum(today),
    )
    assert traject.plan.ketenpartners == ["uwv"]


def test_niet_begeleid_niet_getraceerd_after_a_recorded_home_visit(page, coach, org, assert_accessible):
    jongere = JongereFactory(
        organisatie=org, voornamen="Daan", achternaam="Smit", geboortedatum=years_ago(20)
    )
    traject = TrajectFactory(dossier=jongere.dossier, stap=Stap.INTAKE_PLANNEN, behandelaar=coach)

    log_in(page, "coach", f"/trajecten/{traject.pk}/")
    page.get_by_role("heading", name="Daan Smit: Nieuwe voortijdig schoolverlater").wait_for()
    close = page.locator("#afsluiten-form")
    close.get_by_label("Nee, niet begeleid").check()
    close.get_by_label("Reden niet begeleid").select_option(label="Niet getraceerd na huisbezoek")
    close.get_by_role("button", name="Traject afsluiten").click()
    # In the error summary at the top (a link to the field) and next to the field.
    page.locator("#foutoverzicht").get_by_text("pas na een vastgelegd huisbezoek").wait_for()
    assert page.locator("#afsluiten-form").get_by_text("pas na een vastgelegd huisbezoek").is_visible()
    assert_accessible(page)
    assert Traject.objects.get().afgesloten_op is None

    contact = page.locator("#benadering-form")
    contact.get_by_label("Soort contact").select_option(label="Huisbezoek")
    contact.get_by_label("Uitkomst").select_option(label="Niet aangetroffen / onbekend op adres")
    contact.get_by_label("Toelichting").fill("Niemand thuis; buren kennen hem niet.")
    contact.get_by_role("button", name="Contactpoging vastleggen").click()
    page.get_by_text("De contactpoging is vastgelegd.").wait_for()
    assert page.get_by_text("Huisbezoek · Niet aangetroffen / onbekend op adres").is_visible()

    close = page.locator("#afsluiten-form")
    close.get_by_label("Nee, niet begeleid").check()
    close.get_by_label("Reden niet begeleid").select_option(label="Niet getraceerd na huisbezoek")
    close.get_by_role("button", name="Traject afsluiten").click()
    page.get_by_text("Het traject is afgesloten").wait_for()
    uitkomst = page.locator("section", has=page.get_by_role("heading", name="Uitkomst en nazorg"))
    assert "Nee: Niet getraceerd na huisbezoek" in uitkomst.inner_text()
    assert_accessible(page)
    stored = Traject.objects.get()
    assert (stored.begeleid, stored.reden_niet_begeleid.label) == (False, "Niet getraceerd na huisbezoek")


def test_overdracht_from_a_leerplicht_dossier_reaches_the_coach(page, lpa, coach, org, assert_accessible):
    jongere = JongereFactory(
        organisatie=org, voornamen="Noor", achternaam="Visser", geboortedatum=years_ago(18, 5)
    )
    ActieFactory(
        dossier=jongere.dossier,
        soort=ActieSoort.HUISBEZOEK,
        gebruiker=lpa,
        omschrijving="Moeder gesproken over school.",
    )

    log_in(page, "lpa", f"/dossiers/{jongere.dossier.pk}/")
    page.get_by_role("heading", name="Noor Visser").wait_for()
    assert page.get_by_text("Geen trajecten bij het Doorstroompunt.").is_visible()
    assert_accessible(page)
    form = page.locator("#overdracht-form")
    form.get_by_label("Doelgroep").select_option(label="Nieuwe voortijdig schoolverlater")
    form.get_by_label("Toelichting voor de doorstroomcoach").fill("Geen startkwalificatie, wil werken.")
    form.get_by_role("button", name="Overdragen aan Doorstroompunt").click()
    page.get_by_text("De jongere is overgedragen aan het Doorstroompunt.").wait_for()
    assert page.locator("#overdracht-form").count() == 0
    assert Traject.objects.get().dossier == jongere.dossier
    page.get_by_role("button", name="Uitloggen").click()

    log_in(page, "coach", "/trajecten/")
    page.get_by_role("heading", name="Trajecten Doorstroompunt").wait_for()
    row = page.get_by_role("row", name="Noor Visser")
    assert "overdracht leerplicht" in row.inner_text() and "Nog niet toegewezen" in row.inner_text()
    assert_accessible(page)
    row.get_by_role("link", name="Noor Visser").click()
    page.get_by_role("heading", name="Noor Visser: Nieuwe voortijdig schoolverlater").wait_for()
    page.get_by_role("link", name="Naar het dossier en de tijdlijn").click()
    page.get_by_role("heading", name="Noor Visser").wait_for()
    # The coach reads the leerplicht history on the same timeline.
    assert page.get_by_text("Moeder gesproken over school.").is_visible()
    assert page.get_by_text("Doorstroompunt: traject Nieuwe voortijdig schoolverlater gemeld").is_visible()


def test_one_click_to_the_next_step_and_an_outcome_that_moves_on(page, coach, org, assert_accessible):
    jongere = JongereFactory(organisatie=org, voornamen="Ravi", achternaam="Bos", geboortedatum=years_ago(19))
    traject = TrajectFactory(dossier=jongere.dossier, stap=Stap.INTAKE_PLANNEN, behandelaar=coach)
    log_in(page, "coach", f"/trajecten/{traject.pk}/")
    page.get_by_role("heading", name="Volgende stap").wait_for()
    assert_accessible(page)
    page.get_by_role("button", name="Door naar 5. Systeem in kaart brengen").click()
    page.get_by_text("Het traject staat nu op de volgende stap.").wait_for()
    assert page.locator("[aria-current=step]").inner_text().startswith("5. Systeem in kaart brengen")

    form = page.locator("#benadering-form")
    form.get_by_label("Soort contact").select_option(label="Telefoon")
    form.get_by_label("Uitkomst").select_option(label="Jongere bereikt")
    form.get_by_label("Daarna door naar 6. Privacy en gegevensuitwisseling").check()
    form.get_by_role("button", name="Contactpoging vastleggen").click()
    page.get_by_text("De contactpoging is vastgelegd.").wait_for()
    assert page.locator("[aria-current=step]").inner_text().startswith("6. Privacy")
    assert_accessible(page)
    assert Traject.objects.get(pk=traject.pk).stap == Stap.PRIVACY
