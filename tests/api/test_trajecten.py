"""Trajecten through the API: Routekaart steps, contact attempts and concurrency."""

import pytest
from django.utils import timezone

from cases.constants import Role
from tests.api.conftest import token_client
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def api_coach(seed_a):
    return token_client(seed_a.coach)[0]


def test_step_with_if_match_and_a_stale_one(api_coach, seed_a):
    url = f"/api/v1/trajecten/{seed_a.traject.pk}/"
    etag = api_coach.get(url)["ETag"]
    moved = api_coach.post(url + "stap/", {"naar": "02_dossier_checken"}, format="json", HTTP_IF_MATCH=etag)
    assert moved.status_code == 200
    assert (moved.json()["stap"], moved["ETag"]) == ("02_dossier_checken", '"2"')
    stale = api_coach.post(
        url + "stap/", {"naar": "03_doelgroep_vaststellen"}, format="json", HTTP_IF_MATCH=etag
    )
    assert stale.status_code == 412
    seed_a.traject.refresh_from_db()
    assert (seed_a.traject.stap, seed_a.traject.versie) == ("02_dossier_checken", 2)


def test_a_refused_step_has_the_message_of_the_page(api_coach, seed_a):
    response = api_coach.post(
        f"/api/v1/trajecten/{seed_a.traject.pk}/stap/", {"naar": "09_uitvoeren"}, format="json"
    )
    assert response.status_code == 400
    assert response.json()["detail"].startswith(
        "Van '1. Signaleren' kan niet naar '9. Plan van aanpak uitvoeren'."
    )


def test_contact_attempt_is_recorded(api_coach, seed_a):
    response = api_coach.post(
        f"/api/v1/trajecten/{seed_a.traject.pk}/benadering/",
        {"soort": "telefoon", "datum": str(timezone.localdate()), "uitkomst": "bereikt"},
        format="json",
    )
    assert response.status_code == 201
    detail = api_coach.get(f"/api/v1/trajecten/{seed_a.traject.pk}/").json()
    assert [(b["soort"], b["uitkomst"]) for b in detail["benaderingen"]] == [("telefoon", "bereikt")]


def test_a_leerplichtambtenaar_cannot_change_a_traject(seed_a):
    lpa = UserFactory(username="alleen-lpa", organisatie=seed_a.organisatie, role=Role.LEERPLICHTAMBTENAAR)
    client, _token = token_client(lpa)
    response = client.post(
        f"/api/v1/trajecten/{seed_a.traject.pk}/stap/", {"naar": "02_dossier_checken"}, format="json"
    )
    assert response.status_code == 403
