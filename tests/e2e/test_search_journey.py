"""A leerplichtambtenaar logs in, finds a jongere and opens the dossier."""

import pytest

from cases.constants import ActieSoort, Role
from tests.e2e.conftest import pass_second_factor
from tests.factories import ActieFactory, JongereFactory, UserFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def lpa(organisatie_a):
    return UserFactory(
        username="lpa",
        organisatie=organisatie_a,
        role=Role.LEERPLICHTAMBTENAAR,
        password="een-lang-wachtwoord",
    )


def test_login_search_and_open_a_dossier(page, lpa, organisatie_a, assert_accessible):
    jongere = JongereFactory(organisatie=organisatie_a, voornamen="Noor", achternaam="Visser")
    JongereFactory(organisatie=organisatie_a, voornamen="Daan", achternaam="de Groot")
    ActieFactory(
        dossier=jongere.dossier, soort=ActieSoort.HUISBEZOEK, gebruiker=lpa, omschrijving="Moeder gesproken."
    )

    page.goto("/jongeren/")
    assert "/inloggen/" in page.url  # not logged in yet
    assert_accessible(page)
    page.get_by_label("Gebruikersnaam").fill("lpa")
    page.get_by_label("Wachtwoord").fill("fout-wachtwoord")
    page.get_by_role("button", name="Inloggen").click()
    assert page.get_by_role("alert").is_visible()
    page.get_by_label("Wachtwoord").fill("een-lang-wachtwoord")
    page.get_by_role("button", name="Inloggen").click()
    pass_second_factor(page, "lpa")

    page.get_by_role("heading", name="Jongeren zoeken").wait_for()
    assert page.get_by_text(organisatie_a.naam).is_visible()
    page.get_by_label("BSN of naam").fill(jongere.bsn)
    page.get_by_role("button", name="Zoeken").click()
    page.get_by_role("heading", name="1 jongere gevonden").wait_for()
    assert jongere.bsn not in page.url
    assert_accessible(page)

    page.get_by_role("link", name="Visser, Noor").click()
    page.get_by_role("heading", name="Noor Visser").wait_for()
    assert page.get_by_text("Moeder gesproken.").is_visible()
    assert_accessible(page)
