"""The school typeahead's endpoint: region first, a limit, a login, and a fixed query count."""

import pytest
from django.urls import reverse

from cases.scholen import MAX_RESULTATEN
from tests.factories import SchoolFactory

pytestmark = pytest.mark.django_db


def zoek(client, q):
    response = client.get(reverse("school_zoeken"), {"q": q})
    assert response.status_code == 200
    return response.json()["resultaten"]


@pytest.fixture
def regenbogen(db):
    return [
        SchoolFactory(naam="Basisschool De Regenboog", brin="10AA", vestiging="00", plaats="Amsterdam"),
        SchoolFactory(naam="De Regenboog", brin="11AA", vestiging="00", plaats="Roermond"),
        SchoolFactory(naam="De Regenboog", brin="12AA", vestiging="00", plaats="Zoetermeer"),
    ]


def test_the_organisations_own_region_comes_first(client, lpa_a, lpa_b, regenbogen):
    client.force_login(lpa_a)  # Zoetermeer
    resultaten = zoek(client, "regenboog")
    assert [r["label"] for r in resultaten] == [
        "De Regenboog (12AA00), Zoetermeer",
        "Basisschool De Regenboog (10AA00), Amsterdam",
        "De Regenboog (11AA00), Roermond",
    ]
    assert [r["regio"] for r in resultaten] == [True, False, False]
    client.force_login(lpa_b)  # Roermond and Roerdalen: their own school first
    assert zoek(client, "regenboog")[0]["label"] == "De Regenboog (11AA00), Roermond"


def test_finds_by_brin_code_and_by_plaats(client, lpa_a, regenbogen):
    client.force_login(lpa_a)
    assert [r["label"] for r in zoek(client, "11AA")] == ["De Regenboog (11AA00), Roermond"]
    assert [r["label"] for r in zoek(client, "amsterdam")] == ["Basisschool De Regenboog (10AA00), Amsterdam"]


def test_at_most_twenty_results_and_nothing_for_one_letter(client, lpa_a):
    for n in range(30):
        SchoolFactory(naam=f"Montessorischool {n}", brin=f"{n:02d}MM", vestiging="00", plaats="Utrecht")
    client.force_login(lpa_a)
    assert MAX_RESULTATEN == 20
    assert len(zoek(client, "montessori")) == 20
    assert zoek(client, "m") == []


def test_needs_a_login(client, regenbogen):
    response = client.get(reverse("school_zoeken"), {"q": "regenboog"})
    assert response.status_code == 302
    assert "regenboog" not in response.content.decode().lower()


def test_answers_only_reference_data(client, lpa_a, regenbogen):
    client.force_login(lpa_a)
    assert set(zoek(client, "regenboog")[0]) == {"id", "label", "regio"}


def test_the_query_count_does_not_grow_with_the_number_of_schools(
    client, lpa_a, regenbogen, django_assert_max_num_queries
):
    client.force_login(lpa_a)
    zoek(client, "regenboog")  # warm the session and permission caches
    with django_assert_max_num_queries(8):
        zoek(client, "regenboog")
    for n in range(200):
        SchoolFactory(
            naam="Regenboogschool", brin=f"{n % 100:02d}RB", vestiging=f"{n // 100:02d}", plaats="Delft"
        )
    with django_assert_max_num_queries(8) as captured:
        assert len(zoek(client, "regenboog")) == 20
    school_queries = [q for q in captured.captured_queries if "cases_school" in q["sql"]]
    assert len(school_queries) == 1
