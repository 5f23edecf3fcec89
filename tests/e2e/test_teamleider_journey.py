"""A teamleider transfers all open work of an LPA on leave to a colleague, who finds it in the
werkvoorraad."""

import pytest

from cases.constants import Role
from tests.e2e.conftest import pass_second_factor
from tests.factories import JongereFactory, MeldingFactory, UserFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PASSWORD = "een-lang-wachtwoord"


def log_in(page, username):
    page.goto("/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    pass_second_factor(page, username)


def test_teamleider_transfers_the_work_of_an_lpa_on_leave(page, organisatie_a, assert_accessible):
    def user(username, role, first, last):
        return UserFactory(
            username=username,
            organisatie=organisatie_a,
            role=role,
            first_name=first,
            last_name=last,
            password=PASSWORD,
        )

    user("tl", Role.TEAMLEIDER, "Tom", "Leenders")
    lotte = user("lotte", Role.LEERPLICHTAMBTENAAR, "Lotte", "Pauwels")
    user("karim", Role.LEERPLICHTAMBTENAAR, "Karim", "Amrani")
    for naam in ("Jansen", "Bakker"):
        MeldingFactory(
            dossier=JongereFactory(organisatie=organisatie_a, achternaam=naam).dossier, behandelaar=lotte
        )

    log_in(page, "tl")
    page.goto("/teamoverzicht/")
    page.get_by_role("heading", name="Werk overdragen").wait_for()
    assert_accessible(page)
    page.get_by_label("Werk van").select_option(label="Lotte Pauwels")
    page.get_by_label("Overdragen aan").select_option(label="Karim Amrani")
    page.get_by_role("button", name="Overdragen").click()
    page.get_by_text("Overgedragen aan Karim Amrani: 2 × melding").wait_for()
    assert_accessible(page)
    page.get_by_role("button", name="Uitloggen").click()

    log_in(page, "karim")
    page.goto("/werkvoorraad/")
    page.get_by_role("heading", name="2 open meldingen").wait_for()
    assert page.get_by_role("link", name="Sam Jansen").is_visible()
    assert page.get_by_role("link", name="Sam Bakker").is_visible()
