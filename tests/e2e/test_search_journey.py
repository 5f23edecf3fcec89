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


def test_search_without_accents_open_the_dossier_and_go_back(page, lpa, organisatie_a, assert_accessible):
    # The search is posted (no BSN or name in the URL), yet Back shows the same results again
    # instead of Chromium's "Confirm Form Resubmission".
    JongereFactory(organisatie=organisatie_a, voornamen="Chloé", achternaam="Michiels")
    JongereFactory(organisatie=organisatie_a, voornamen="Chloë", achternaam="Peeters")
    JongereFactory(organisatie=organisatie_a, voornamen="Daan", achternaam="de Groot")
    page.goto("/jongeren/")
    page.get_by_label("Gebruikersnaam").fill("lpa")
    page.get_by_label("Wachtwoord").fill("een-lang-wachtwoord")
    page.get_by_role("button", name="Inloggen").click()
    pass_second_factor(page, "lpa")

    page.get_by_label("BSN of naam").fill("chloe")
    page.get_by_role("button", name="Zoeken").click()
    page.get_by_role("heading", name="2 jongeren gevonden").wait_for()
    assert "zoekopdracht=" in page.url and "chloe" not in page.url.lower()
    assert_accessible(page)
    results_url = page.url

    page.get_by_role("link", name="Michiels, Chloé").click()
    page.get_by_role("heading", name="Chloé Michiels").wait_for()
    page.go_back()
    page.get_by_role("heading", name="2 jongeren gevonden").wait_for()
    assert page.url == results_url
    assert page.get_by_role("link", name="Peeters, Chloë").is_visible()
    assert page.get_by_label("BSN of naam").input_value() == "chloe"

    page.reload()
    page.get_by_role("heading", name="2 jongeren gevonden").wait_for()

    other_tab = page.context.new_page()
    other_tab.goto(results_url)
    other_tab.get_by_role("link", name="Michiels, Chloé").wait_for()
    other_tab.close()
