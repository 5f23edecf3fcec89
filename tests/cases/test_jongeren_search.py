import time
from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from cases import zoekopdrachten
from cases.constants import Role
from tests.factories import JongereFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def logged_in(client, lpa_a):
    client.force_login(lpa_a)
    return client


def results(response) -> str:
    assert response.status_code == 200
    return response.content.decode()


def search(client, **data) -> str:
    """Post the search form and follow the redirect to the stored search, as a browser does."""
    return results(client.post(reverse("jongeren"), data, follow=True))


def test_search_by_bsn_finds_exactly_that_jongere(logged_in, jongere_a, organisatie_a):
    JongereFactory(organisatie=organisatie_a, voornamen="Anders", achternaam="Iemand")
    page = search(logged_in, q=jongere_a.bsn)
    assert "1 jongere gevonden" in page
    assert "Visser, Noor" in page


def test_partial_or_invalid_bsn_finds_nothing(logged_in, jongere_a):
    page = search(logged_in, q=jongere_a.bsn[:6])
    assert "0 jongeren gevonden" in page


def test_search_by_part_of_the_name_and_birth_date(logged_in, organisatie_a):
    JongereFactory(
        organisatie=organisatie_a, voornamen="Fleur", achternaam="Bakker", geboortedatum=date(2011, 1, 2)
    )
    JongereFactory(
        organisatie=organisatie_a, voornamen="Fleur", achternaam="Bakker", geboortedatum=date(2013, 3, 4)
    )
    JongereFactory(organisatie=organisatie_a, voornamen="Bram", achternaam="Smit")
    assert "2 jongeren gevonden" in search(logged_in, q="bakk")
    page = search(logged_in, q="fleur bakker", geboortedatum="2013-03-04")
    assert "1 jongere gevonden" in page and "04-03-2013" in page


def test_results_are_paginated_by_25(logged_in, organisatie_a):
    for n in range(30):
        JongereFactory(organisatie=organisatie_a, achternaam=f"Mulder{n:02d}")
    response = logged_in.post(reverse("jongeren"), {"q": "mulder"}, follow=True)
    first_url = response.redirect_chain[-1][0].split("#")[0]
    first = results(response)
    assert "30 jongeren gevonden" in first and "Pagina 1 van 2" in first
    assert first.count("Mulder") == 25
    second = results(logged_in.get(f"{first_url}&page=2"))
    assert second.count("Mulder") == 5


def test_a_broad_search_stops_counting_and_asks_to_refine(logged_in, organisatie_a):
    # "Jansen" in a large municipality: the page says there are more than 200 and how to narrow
    # the search, and pages through the first 200 in name order.
    JongereFactory.create_batch(201, organisatie=organisatie_a, achternaam="Jansen")
    response = logged_in.post(reverse("jongeren"), {"q": "jansen"}, follow=True)
    first = results(response)
    assert "Meer dan 200 jongeren gevonden" in first
    assert "voeg een voornaam, de geboortedatum of de woongemeente toe" in first
    assert "Pagina 1 van 8" in first
    last = results(logged_in.get(response.redirect_chain[-1][0].split("#")[0] + "&page=9"))
    assert "Pagina 8 van 8" in last and last.count("Jansen, Sam") == 25
    exact = search(logged_in, q="jansen", geboortedatum="2011-01-01")
    assert "0 jongeren gevonden" in exact


def test_search_terms_are_not_taken_from_the_url(logged_in, jongere_a):
    # A BSN in a URL ends up in browser history and access logs: GET shows only the form.
    page = results(logged_in.get(reverse("jongeren"), {"q": jongere_a.bsn}))
    assert "gevonden" not in page
    assert "Visser" not in page


def test_empty_search_explains_what_to_fill_in(logged_in):
    page = search(logged_in, q="")
    assert "Vul een BSN, naam, geboortedatum of gemeente in" in page


def test_invalid_birth_date_gets_a_dutch_message(logged_in):
    page = search(logged_in, geboortedatum="31-02-2012")
    assert "Voer een geldige datum in" in page


def test_the_results_have_their_own_address_without_personal_data(logged_in, jongere_a):
    # Back, reload and a new tab GET the stored search: same results, no BSN or name in the URL.
    response = logged_in.post(reverse("jongeren"), {"q": jongere_a.bsn})
    assert response.status_code == 302
    url = response["Location"]
    assert "zoekopdracht=" in url
    assert jongere_a.bsn not in url and "Visser" not in url
    for _again in range(2):
        page = results(logged_in.get(url))
        assert "1 jongere gevonden" in page and "Visser, Noor" in page


def test_a_stored_search_is_bound_to_the_session(logged_in, jongere_a, organisatie_a):
    url = logged_in.post(reverse("jongeren"), {"q": "Visser"})["Location"]
    colleague = Client()
    colleague.force_login(UserFactory(organisatie=organisatie_a, role=Role.LEERPLICHTAMBTENAAR))
    page = results(colleague.get(url))
    assert "Visser" not in page and "gevonden" not in page
    assert "Deze zoekopdracht is verlopen" in page


def test_a_stored_search_expires(logged_in, jongere_a, monkeypatch):
    url = logged_in.post(reverse("jongeren"), {"q": "Visser"})["Location"]
    later = time.time() + zoekopdrachten.ZOEKOPDRACHT_TTL + 1
    monkeypatch.setattr(zoekopdrachten.time, "time", lambda: later)
    page = results(logged_in.get(url))
    assert "Deze zoekopdracht is verlopen" in page and "Visser, Noor" not in page


@pytest.mark.parametrize("typed", ["chloe", "CHLOE michiels", "Chloé", "michiëls", "chloe\u0301"])
def test_name_search_ignores_accents_and_case(logged_in, organisatie_a, typed):
    JongereFactory(organisatie=organisatie_a, voornamen="Chloé", achternaam="Michiels")
    JongereFactory(organisatie=organisatie_a, voornamen="Chris", achternaam="Michels")
    page = search(logged_in, q=typed)
    assert "1 jongere gevonden" in page and "Michiels, Chloé" in page


def test_accents_in_the_stored_name_are_ignored_too(logged_in, organisatie_a):
    JongereFactory(organisatie=organisatie_a, voornamen="Zoë", tussenvoegsel="", achternaam="Çelik")
    JongereFactory(organisatie=organisatie_a, voornamen="Emre", tussenvoegsel="", achternaam="Yılmaz")
    assert "1 jongere gevonden" in search(logged_in, q="zoe celik")
    assert "1 jongere gevonden" in search(logged_in, q="yilmaz")


@pytest.mark.parametrize("written", ["{0} {1} {2}", "{0}.{1}.{2}", " {0}-{1}-{2} "])
def test_a_bsn_written_with_spaces_or_dots_is_found(logged_in, jongere_a, written):
    bsn = jongere_a.bsn
    page = search(logged_in, q=written.format(bsn[:4], bsn[4:6], bsn[6:]))
    assert "1 jongere gevonden" in page and "Visser, Noor" in page


def test_export_of_a_stored_search(logged_in, jongere_a):
    url = logged_in.post(reverse("jongeren"), {"q": "Visser"})["Location"].split("#")[0]
    response = logged_in.get(f"{url}&export=csv")
    assert response.status_code == 200
    assert (
        "Visser"
        in b"".join(response.streaming_content if response.streaming else [response.content]).decode()
    )
