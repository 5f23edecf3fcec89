from datetime import date

import pytest
from django.urls import reverse

from tests.factories import JongereFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def logged_in(client, lpa_a):
    client.force_login(lpa_a)
    return client


def results(response) -> str:
    assert response.status_code == 200
    return response.content.decode()


def test_search_by_bsn_finds_exactly_that_jongere(logged_in, jongere_a, organisatie_a):
    JongereFactory(organisatie=organisatie_a, voornamen="Anders", achternaam="Iemand")
    page = results(logged_in.post(reverse("jongeren"), {"q": jongere_a.bsn}))
    assert "1 jongere gevonden" in page
    assert "Visser, Noor" in page


def test_partial_or_invalid_bsn_finds_nothing(logged_in, jongere_a):
    page = results(logged_in.post(reverse("jongeren"), {"q": jongere_a.bsn[:6]}))
    assert "0 jongeren gevonden" in page


def test_search_by_part_of_the_name_and_birth_date(logged_in, organisatie_a):
    JongereFactory(
        organisatie=organisatie_a, voornamen="Fleur", achternaam="Bakker", geboortedatum=date(2011, 1, 2)
    )
    JongereFactory(
        organisatie=organisatie_a, voornamen="Fleur", achternaam="Bakker", geboortedatum=date(2013, 3, 4)
    )
    JongereFactory(organisatie=organisatie_a, voornamen="Bram", achternaam="Smit")
    assert "2 jongeren gevonden" in results(logged_in.post(reverse("jongeren"), {"q": "bakk"}))
    page = results(logged_in.post(reverse("jongeren"), {"q": "fleur bakker", "geboortedatum": "2013-03-04"}))
    assert "1 jongere gevonden" in page and "04-03-2013" in page


def test_results_are_paginated_by_25(logged_in, organisatie_a):
    for n in range(30):
        JongereFactory(organisatie=organisatie_a, achternaam=f"Mulder{n:02d}")
    first = results(logged_in.post(reverse("jongeren"), {"q": "mulder"}))
    assert "30 jongeren gevonden" in first and "Pagina 1 van 2" in first
    assert first.count("Mulder") == 25
    second = results(logged_in.post(reverse("jongeren"), {"q": "mulder", "page": "2"}))
    assert second.count("Mulder") == 5


def test_a_broad_search_stops_counting_and_asks_to_refine(logged_in, organisatie_a):
    # "Jansen" in a large municipality: the page says there are more than 200 and how to narrow
    # the search, and pages through the first 200 in name order.
    JongereFactory.create_batch(201, organisatie=organisatie_a, achternaam="Jansen")
    first = results(logged_in.post(reverse("jongeren"), {"q": "jansen"}))
    assert "Meer dan 200 jongeren gevonden" in first
    assert "voeg een voornaam, de geboortedatum of de woongemeente toe" in first
    assert "Pagina 1 van 8" in first
    last = results(logged_in.post(reverse("jongeren"), {"q": "jansen", "page": "9"}))
    assert "Pagina 8 van 8" in last and last.count("Jansen, Sam") == 25
    exact = results(logged_in.post(reverse("jongeren"), {"q": "jansen", "geboortedatum": "2011-01-01"}))
    assert "0 jongeren gevonden" in exact


def test_search_terms_are_not_taken_from_the_url(logged_in, jongere_a):
    # A BSN in a URL ends up in browser history and access logs: GET shows only the form.
    page = results(logged_in.get(reverse("jongeren"), {"q": jongere_a.bsn}))
    assert "gevonden" not in page
    assert "Visser" not in page


def test_empty_search_explains_what_to_fill_in(logged_in):
    page = results(logged_in.post(reverse("jongeren"), {"q": ""}))
    assert "Vul een BSN, naam, geboortedatum of gemeente in" in page


def test_invalid_birth_date_gets_a_dutch_message(logged_in):
    page = results(logged_in.post(reverse("jongeren"), {"geboortedatum": "31-02-2012"}))
    assert "Voer een geldige datum in" in page
