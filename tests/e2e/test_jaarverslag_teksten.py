"""A teamleider writes the jaarverslag's voorwoord in the browser: preview, BSN warning, save;
the page passes axe."""

import pytest

from cases.constants import Role
from reporting.models import JaarverslagTekst
from tests.e2e.conftest import pass_second_factor
from tests.factories import UserFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_teamleider_previews_and_saves_the_voorwoord(page, organisatie_a, assert_accessible):
    UserFactory(
        username="teamleider-t",
        organisatie=organisatie_a,
        role=Role.TEAMLEIDER,
        password="een-lang-wachtwoord",
    )
    page.goto("/rapportages/")
    page.get_by_label("Gebruikersnaam").fill("teamleider-t")
    page.get_by_label("Wachtwoord").fill("een-lang-wachtwoord")
    page.get_by_role("button", name="Inloggen").click()
    pass_second_factor(page, "teamleider-t")

    page.get_by_role("link", name="Teksten van het jaarverslag schrijven").click()
    page.get_by_role("heading", name="Teksten jaarverslag", exact=False).first.wait_for()
    assert_accessible(page)
    page.get_by_label("Voorwoord", exact=True).fill("Een **goed** jaar. Dossier 111222333.")
    page.get_by_role("button", name="Voorbeeld tonen").click()
    assert page.locator(".app-preview strong", has_text="goed").is_visible()
    assert page.get_by_text("nummer dat op een burgerservicenummer lijkt").first.is_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_text("zijn opgeslagen").wait_for()
    assert JaarverslagTekst.objects.get(sleutel="voorwoord").tekst == "Een **goed** jaar. Dossier 111222333."
