"""Ouders through the API: nested on the jongere, written at /ouders/ with the jongere's
permissions, versioned (409/412), logged."""

import pytest

from cases.constants import AuditAction, Role
from cases.models import AuditEntry, Ouder
from tests.api.conftest import token_client
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

NIEUW = {
    "voornamen": "Kees",
    "achternaam": "de Boer",
    "relatie": "vader",
    "straat": "Stationsweg",
    "huisnummer": "12a",
    "postcode": "2611ab",
    "woonplaats": "Delft",
}


def test_the_jongere_shows_its_ouders(api_a, seed_a):
    data = api_a.get(f"/api/v1/jongeren/{seed_a.jongere.pk}/").json()

    assert [(o["voornamen"], o["achternaam"], o["bron"]) for o in data["ouders"]] == [
        ("Anna", "Visser", "handmatig")
    ]
    listed = api_a.get("/api/v1/jongeren/").json()["results"]
    assert {j["id"]: len(j["ouders"]) for j in listed} == {seed_a.jongere.pk: 1, seed_a.volwassene.pk: 0}


def test_create_change_and_remove_an_ouder(api_a, seed_a):
    created = api_a.post("/api/v1/ouders/", {**NIEUW, "jongere": seed_a.jongere.pk}, format="json")
    assert created.status_code == 201, created.json()
    body = created.json()
    assert (body["postcode"], body["versie"]) == ("2611 AB", 1)
    assert created["ETag"] == '"1"'

    url = f"/api/v1/ouders/{body['id']}/"
    changed = api_a.patch(url, {"telefoon": "015-1234567"}, format="json", HTTP_IF_MATCH='"1"')
    assert changed.status_code == 200 and changed.json()["versie"] == 2
    stale = api_a.patch(url, {"telefoon": "015-7654321"}, format="json", HTTP_IF_MATCH='"1"')
    assert stale.status_code == 412
    stale_body = api_a.patch(url, {"telefoon": "015-7654321", "versie": 1}, format="json")
    assert stale_body.status_code == 409

    assert api_a.delete(url, HTTP_IF_MATCH='"2"').status_code == 204
    assert not Ouder.objects.get(pk=body["id"]).actief
    assert api_a.get(url).status_code == 404
    assert AuditEntry.objects.filter(
        object_type="cases.ouder", object_id=body["id"], actie=AuditAction.VERWIJDEREN
    ).exists()


def test_bad_input_answers_400_with_the_dutch_reason(api_a, seed_a):
    response = api_a.post(
        "/api/v1/ouders/", {**NIEUW, "jongere": seed_a.jongere.pk, "postcode": "26110"}, format="json"
    )
    assert response.status_code == 400
    assert "4 cijfers en 2 letters" in response.json()["fouten"]["postcode"][0]
    assert Ouder.objects.filter(jongere=seed_a.jongere).count() == 1


def test_a_jongere_of_another_organisation_is_not_found(api_b, seed_a):
    response = api_b.post("/api/v1/ouders/", {**NIEUW, "jongere": seed_a.jongere.pk}, format="json")
    assert response.status_code == 400
    assert "jongere" in response.json()["fouten"]
    assert Ouder.objects.filter(jongere=seed_a.jongere).count() == 1


def test_reading_is_logged_and_writing_needs_the_right_to_change_the_jongere(seed_a):
    teamleider = UserFactory(username="tl", organisatie=seed_a.organisatie, role=Role.TEAMLEIDER)
    client, _token = token_client(teamleider)
    assert (
        client.post("/api/v1/ouders/", {**NIEUW, "jongere": seed_a.jongere.pk}, format="json").status_code
        == 403
    )

    lpa_client, _token = token_client(seed_a.lpa)
    lpa_client.get(f"/api/v1/ouders/{seed_a.ouder.pk}/")
    assert AuditEntry.objects.filter(
        object_type="cases.ouder", object_id=seed_a.ouder.pk, actie=AuditAction.INZIEN
    ).exists()
