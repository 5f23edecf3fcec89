"""Registering a melding with the form that fits its soort, in Chromium with axe-core: the reden
list holds only the soort's reasons, the school comes from the enrolment, another school is picked
with the keyboard in the typeahead; and without JavaScript the 'Soort kiezen' button does the same,
and Enter in a field saves."""

from datetime import date, timedelta

import pytest
import yaml
from django.conf import settings

from cases.models import Inschrijving
from leerplicht.models import Melding
from tests.e2e.test_leerplicht_journeys import login, team  # noqa: F401 (fixture)
from tests.factories import JongereFactory, SchoolFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def redenen(lijst):
    with open(settings.BASE_DIR / "fixtures" / "codelijsten.yaml", encoding="utf-8") as f:
        return yaml.safe_load(f)["redenen"][lijst]


@pytest.fixture
def ingeschreven(team):  # noqa: F811
    jongere = JongereFactory(
        organisatie=team["org"], voornamen="Sem", achternaam="Bakker", geboortedatum=date(2012, 5, 1)
    )
    school = SchoolFactory(naam="Stedelijk College", brin="22BB", vestiging="01", plaats="Zoetermeer")
    Inschrijving.objects.create(
        jongere=jongere, school=school, onderwijssoort="havo", van=date.today() - timedelta(days=200)
    )
    SchoolFactory(naam="Montessori Lyceum", brin="41MM", vestiging="00", plaats="Amsterdam")
    elders = SchoolFactory(naam="Montessori Lyceum", brin="42MM", vestiging="00", plaats="Zoetermeer")
    return {"jongere": jongere, "school": school, "montessori": elders}


def test_register_relatief_verzuim_with_its_own_reasons_and_a_school_from_the_typeahead(
    page,
    team,  # noqa: F811
    ingeschreven,
    assert_accessible,
):
    login(page, "lpa")
    page.goto(f"/meldingen/nieuw/?dossier={ingeschreven['jongere'].dossier.pk}")
    school = page.get_by_role("combobox", name="School")
    assert school.input_value() == "Stedelijk College (22BB01), Zoetermeer"  # from the enrolment
    assert_accessible(page)

    page.get_by_label("Soort melding").select_option("relatief_wettelijk")
    page.get_by_label("Uren verzuim").wait_for()
    reden = page.get_by_label("Reden", exact=True)
    opties = [o for o in reden.locator("option").all_inner_texts() if o.strip() not in ("", "---------")]
    assert opties == redenen("relatief")
    assert page.get_by_label("Schooldagen afwezig").count() == 0
    page.get_by_label("Verzuim vanaf").fill((date.today() - timedelta(days=30)).isoformat())
    page.get_by_label("Uren verzuim").fill("24")
    reden.select_option(label="Vaak te laat")

    # Another school, with the keyboard only: type, arrow down, Enter.
    school.fill("")
    school.press_sequentially("montessori")
    lijst = page.get_by_role("listbox", name="Gevonden scholen")
    eerste = lijst.get_by_role("option").first
    eerste.wait_for()
    assert "(42MM00), Zoetermeer" in eerste.inner_text()  # the region's school first
    assert school.get_attribute("aria-expanded") == "true"
    assert_accessible(page)
    school.press("ArrowDown")
    assert school.get_attribute("aria-activedescendant") == eerste.get_attribute("id")
    assert eerste.get_attribute("aria-selected") == "true"
    school.press("Enter")
    assert school.input_value() == "Montessori Lyceum (42MM00), Zoetermeer"
    assert school.get_attribute("aria-expanded") == "false"
    assert Melding.objects.count() == 0  # Enter chose the school; it did not submit the form

    page.get_by_role("button", name="Registreren").click()
    page.get_by_text("De melding is geregistreerd.").wait_for()
    assert_accessible(page)
    melding = Melding.objects.get()
    assert (melding.soort, melding.uren_verzuim, melding.reden.label, melding.school) == (
        "relatief_wettelijk",
        24,
        "Vaak te laat",
        ingeschreven["montessori"],
    )


@pytest.fixture
def luxe_zonder_javascript(browser, live_server, team, ingeschreven):  # noqa: F811
    """A new melding for the enrolled jongere in a browser without JavaScript, soort luxe chosen
    with the 'Soort kiezen' button; a toelichting typed before it."""
    context = browser.new_context(base_url=live_server.url, locale="nl-NL", java_script_enabled=False)
    page = context.new_page()
    page.set_default_timeout(15_000)
    try:
        login(page, "lpa")
        page.goto(f"/meldingen/nieuw/?dossier={ingeschreven['jongere'].dossier.pk}")
        page.get_by_label("Soort melding").select_option("luxe")
        page.get_by_label("Toelichting").fill("Vertrokken voor de herfstvakantie")
        page.get_by_role("button", name="Soort kiezen").click()
        yield page
    finally:
        context.close()


def test_without_javascript_soort_kiezen_shows_the_soorts_fields(luxe_zonder_javascript):
    page = luxe_zonder_javascript
    page.get_by_label("Schooldagen afwezig").fill("3")
    assert page.get_by_label("Toelichting").input_value() == "Vertrokken voor de herfstvakantie"
    assert page.get_by_label("Uren verzuim").count() == 0
    page.get_by_label("School", exact=True).fill("42MM00")
    page.get_by_role("button", name="Registreren").click()
    page.get_by_text("De melding is geregistreerd.").wait_for()
    melding = Melding.objects.get()
    assert (melding.soort, melding.verlof_dagen, melding.school.brin) == ("luxe", 3, "42MM")


def test_without_javascript_enter_in_a_field_registers_the_melding(luxe_zonder_javascript):
    # Enter submits a form with its first button. Without JavaScript that was "Soort kiezen": the
    # form came back with nothing saved and no word about it.
    page = luxe_zonder_javascript
    page.get_by_label("School", exact=True).fill("42MM00")
    page.get_by_label("Schooldagen afwezig").fill("3")
    page.get_by_label("Schooldagen afwezig").press("Enter")
    page.get_by_text("De melding is geregistreerd.").wait_for()
    melding = Melding.objects.get()
    assert (melding.soort, melding.verlof_dagen) == ("luxe", 3)
