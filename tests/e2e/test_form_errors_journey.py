"""A failed submit keeps the work: the typed text is still there and the focus is on the error
summary at the top, whose link takes the keyboard to the field (WCAG 2.1 AA 3.3.1, 3.3.3)."""

from datetime import date, timedelta

import pytest

from cases.constants import Role
from tests.e2e.conftest import pass_second_factor
from tests.factories import JongereFactory, UserFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_an_action_with_an_error_keeps_the_text_and_focuses_the_summary(
    page, organisatie_a, assert_accessible
):
    UserFactory(
        username="lpa",
        organisatie=organisatie_a,
        role=Role.LEERPLICHTAMBTENAAR,
        password="een-lang-wachtwoord",
    )
    jongere = JongereFactory(organisatie=organisatie_a, voornamen="Noor", achternaam="Visser")
    page.goto(f"/dossiers/{jongere.dossier.pk}/")
    page.get_by_label("Gebruikersnaam").fill("lpa")
    page.get_by_label("Wachtwoord").fill("een-lang-wachtwoord")
    page.get_by_role("button", name="Inloggen").click()
    pass_second_factor(page, "lpa")

    page.get_by_text("Actie vastleggen").click()
    page.get_by_label("Soort actie").select_option(label="Huisbezoek")
    page.locator("#id_datum").fill((date.today() + timedelta(days=1)).isoformat())
    page.get_by_label("Omschrijving").fill("Moeder sprak over pesten op school.")
    page.get_by_role("button", name="Vastleggen").click()

    summary = page.locator("#foutoverzicht")
    summary.wait_for()
    assert page.evaluate("document.activeElement.id") == "foutoverzicht"
    assert "Controleer uw invoer: er is 1 probleem" in summary.inner_text()
    assert page.get_by_label("Omschrijving").input_value() == "Moeder sprak over pesten op school."
    assert_accessible(page)

    summary.get_by_role("link").click()
    assert page.evaluate("document.activeElement.id") == "id_datum"
