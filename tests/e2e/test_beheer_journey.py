"""A functioneel beheerder changes a termijn, adds population figures, creates a user with a role
and uploads the logo from the start page, without opening the Django admin (issue 19 item 7);
every page passes axe."""

import io

import pytest
from PIL import Image

from cases.accounts.models import RolToekenning
from cases.constants import Role
from cases.models import User
from leerplicht.models import Termijn
from reporting.models import Huisstijl, Populatie
from tests.e2e.conftest import pass_second_factor
from tests.factories import UserFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
PASSWORD = "geheim-wachtwoord-123"


def test_beheerder_changes_a_termijn_and_adds_population_figures(
    page, organisatie_a, assert_accessible, tmp_path
):
    UserFactory(
        username="beheerder", organisatie=organisatie_a, role=Role.FUNCTIONEEL_BEHEERDER, is_staff=True
    )
    admin_requests = []
    page.on("request", lambda request: "/beheer/" in request.url and admin_requests.append(request.url))

    page.goto("/")
    page.get_by_label("Gebruikersnaam").fill("beheerder")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    pass_second_factor(page, "beheerder")

    # The start page shows beheer, not reports.
    page.get_by_role("heading", name="Beheer", exact=True).wait_for()
    assert page.get_by_role("link", name="Rapportages").count() == 0
    assert_accessible(page)

    page.get_by_role("main").get_by_role("link", name="Termijnen", exact=True).click()
    page.get_by_role("heading", name="Termijnen", exact=True).wait_for()
    assert page.get_by_text("Algemene wet bestuursrecht, art. 4:13 lid 2").first.is_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Langdurig relatief verzuim (thuiszitter): eerste contact").click()
    page.get_by_label("Aantal dagen").fill("1")
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_text("De termijn is opgeslagen.").wait_for()
    row = page.get_by_role("row", name="Langdurig relatief verzuim (thuiszitter): eerste contact")
    assert "1 werkdag" in row.inner_text()
    assert_accessible(page)
    assert (
        Termijn.objects.get(organisatie=organisatie_a, soort="thuiszitter", termijn="eerste_contact").dagen
        == 1
    )

    page.get_by_role("link", name="Beheer", exact=True).first.click()
    page.get_by_role("main").get_by_role("link", name="Populatie", exact=True).click()
    page.get_by_role("link", name="Populatie toevoegen").click()
    assert_accessible(page)
    page.get_by_label("Schooljaar (beginjaar)").fill("2025")
    page.get_by_label("Leerplichtigen", exact=True).fill("-5")
    page.get_by_role("button", name="Opslaan").click()
    # A wrong number is refused with a Dutch message, and what was typed elsewhere stays.
    page.get_by_role("alert").wait_for()
    assert page.get_by_label("Schooljaar (beginjaar)").input_value() == "2025"
    assert_accessible(page)
    page.get_by_label("Leerplichtigen", exact=True).fill("14350")
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_text("De populatie is opgeslagen.").wait_for()
    assert page.get_by_role("row", name="2025-2026").inner_text().count("14350") == 1
    assert Populatie.objects.get(gemeente__code="GM0637", schooljaar=2025).leerplichtigen == 14350

    # A new colleague with a role: the role with personal data waits for a second beheerder.
    page.get_by_role("link", name="Beheer", exact=True).first.click()
    page.get_by_role("main").get_by_role("link", name="Gebruikers en rollen", exact=True).click()
    assert_accessible(page)
    page.get_by_role("link", name="Gebruiker toevoegen").click()
    page.get_by_label("Gebruikersnaam").fill("s.dewit")
    page.get_by_label("Voornaam").fill("Sanne")
    page.get_by_label("Achternaam").fill("de Wit")
    page.get_by_label("Nieuw wachtwoord").fill("kort")
    page.get_by_label("Leerplichtambtenaar").check()
    page.get_by_role("button", name="Gebruiker toevoegen").click()
    page.locator("#foutoverzicht").get_by_role(
        "link", name="Nieuw wachtwoord: Dit wachtwoord is te kort"
    ).wait_for()
    assert page.locator(".app-error-summary").count() == 1
    assert page.get_by_label("Voornaam").input_value() == "Sanne"
    assert_accessible(page)
    page.get_by_label("Nieuw wachtwoord").fill("een-lange-zin-als-wachtwoord")
    page.get_by_role("button", name="Gebruiker toevoegen").click()
    page.get_by_text("Het account s.dewit is aangemaakt.").wait_for()
    page.get_by_text("wacht op goedkeuring door een tweede beheerder").wait_for()
    assert_accessible(page)
    nieuw = User.objects.get(username="s.dewit")
    assert nieuw.organisatie_id == organisatie_a.pk and not nieuw.groups.exists()
    assert RolToekenning.objects.get(gebruiker=nieuw).rol.name == "Leerplichtambtenaar"

    # The logo, for letters and the jaarverslag.
    logo = tmp_path / "logo.png"
    buffer = io.BytesIO()
    Image.new("RGB", (120, 40), (0, 90, 160)).save(buffer, "PNG")
    logo.write_bytes(buffer.getvalue())
    page.get_by_role("link", name="Beheer", exact=True).first.click()
    page.get_by_role("main").get_by_role("link", name="Briefhoofd en logo", exact=True).click()
    page.get_by_label("Adres (afzender)").fill("Postbus 15\n2700 AA Zoetermeer")
    page.get_by_label("Logo", exact=True).set_input_files(str(logo))
    page.get_by_label("Beschrijving van het logo").fill("Logo gemeente Zoetermeer")
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_text("Het briefhoofd en het logo zijn opgeslagen.").wait_for()
    page.get_by_role("img", name="Logo gemeente Zoetermeer").wait_for()
    assert_accessible(page)
    assert Huisstijl.objects.get(organisatie=organisatie_a).logo

    assert admin_requests == []
