"""Meldingen through the API: the same services, rules and Dutch messages as the pages."""

import pytest
from django.urls import reverse

from cases.constants import Role
from leerplicht.models import Melding
from tests.api.conftest import token_client
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

CLOSE_WITHOUT_RESULT = "Kies een resultaat om de melding af te sluiten."


def test_forbidden_transition_is_refused_with_the_message_of_the_page(client, api_a, seed_a):
    melding = seed_a.melding
    url = f"/api/v1/meldingen/{melding.pk}/transitie/"
    response = api_a.post(url, {"naar": "afgesloten", "reden": "Klaar."}, format="json")
    assert response.status_code == 400
    assert response.json()["detail"] == CLOSE_WITHOUT_RESULT
    melding.refresh_from_db()
    assert (melding.fase, melding.versie) == ("waarnemen", 1)

    # the browser shows exactly the same sentence for the same attempt
    client.force_login(seed_a.lpa)
    page = client.post(
        reverse("melding_fase", args=[melding.pk]),
        {"naar": "afgesloten", "afsluiten-versie": melding.versie, "afsluiten-afgesloten_op": "2025-11-01",
         "afsluiten-reden": "Klaar."},
        follow=True,
    ).content.decode()  # fmt: skip
    assert CLOSE_WITHOUT_RESULT in page


def test_skipping_a_phase_is_refused_like_on_the_page(api_a, seed_a):
    response = api_a.post(
        f"/api/v1/meldingen/{seed_a.melding.pk}/transitie/", {"naar": "handelen"}, format="json"
    )
    assert response.status_code == 400
    assert response.json()["detail"] == (
        "Van 'Waarnemen' kan niet naar 'Handelen'. Toegestaan: Analyseren, Afgesloten."
    )


def test_transition_moves_the_melding_and_returns_the_new_etag(api_a, seed_a):
    melding = seed_a.melding
    detail = api_a.get(f"/api/v1/meldingen/{melding.pk}/")
    assert detail["ETag"] == '"1"'
    response = api_a.post(
        f"/api/v1/meldingen/{melding.pk}/transitie/",
        {"naar": "analyseren"},
        format="json",
        HTTP_IF_MATCH=detail["ETag"],
    )
    assert response.status_code == 200
    assert response.json()["fase"] == "analyseren"
    assert response["ETag"] == '"2"'
    assert [t["naar"] for t in response.json()["transities"]][:1] == ["analyseren"]


def test_stale_if_match_answers_412_and_changes_nothing(api_a, seed_a):
    melding = seed_a.melding
    etag = api_a.get(f"/api/v1/meldingen/{melding.pk}/")["ETag"]
    # a colleague moves the melding first
    assert (
        api_a.post(
            f"/api/v1/meldingen/{melding.pk}/transitie/", {"naar": "analyseren"}, format="json"
        ).status_code
        == 200
    )
    stale = api_a.patch(
        f"/api/v1/meldingen/{melding.pk}/", {"uren_verzuim": 40}, format="json", HTTP_IF_MATCH=etag
    )
    assert stale.status_code == 412
    assert stale.json()["detail"].startswith("Iemand anders heeft dit intussen gewijzigd.")
    melding.refresh_from_db()
    assert (melding.uren_verzuim, melding.fase, melding.versie) == (20, "analyseren", 2)
    stale_transition = api_a.post(
        f"/api/v1/meldingen/{melding.pk}/transitie/", {"naar": "plannen"}, format="json", HTTP_IF_MATCH=etag
    )
    assert stale_transition.status_code == 412
    melding.refresh_from_db()
    assert melding.fase == "analyseren"


def test_stale_versie_in_the_body_answers_409(api_a, seed_a):
    melding = seed_a.melding
    response = api_a.patch(
        f"/api/v1/meldingen/{melding.pk}/", {"uren_verzuim": 40, "versie": 7}, format="json"
    )
    assert response.status_code == 409
    assert "Iemand anders heeft dit intussen gewijzigd" in response.json()["detail"]
    ok = api_a.patch(f"/api/v1/meldingen/{melding.pk}/", {"uren_verzuim": 40, "versie": 1}, format="json")
    assert ok.status_code == 200
    assert (ok.json()["uren_verzuim"], ok["ETag"]) == (40, '"2"')


def test_warnings_answer_400_until_confirmed(api_a, seed_a):
    data = {
        "dossier": seed_a.jongere.dossier.pk,
        "soort": "relatief_wettelijk",
        "ontvangen_op": "2025-10-06",
        "uren_verzuim": 10,
    }
    response = api_a.post("/api/v1/meldingen/", data, format="json")
    assert response.status_code == 400
    assert any("16 uur of meer in 4 weken; hier staat 10 uur" in w for w in response.json()["waarschuwingen"])
    assert Melding.objects.count() == 1
    confirmed = api_a.post("/api/v1/meldingen/", {**data, "bevestigd": True}, format="json")
    assert confirmed.status_code == 201
    body = confirmed.json()
    assert (body["fase"], body["uren_verzuim"], body["leeftijd"]) == ("waarnemen", 10, 13)
    assert confirmed["ETag"] == '"1"'


def test_closing_with_a_result_of_the_right_list(api_a, seed_a):
    response = api_a.post(
        f"/api/v1/meldingen/{seed_a.melding.pk}/transitie/",
        {"naar": "afgesloten", "reden": "Weer naar school.", "resultaat": seed_a.code.pk,
         "afgesloten_op": "2025-11-01"},
        format="json",
    )  # fmt: skip
    assert response.status_code == 200, response.json()
    assert (response.json()["fase"], response.json()["resultaat"]) == ("afgesloten", seed_a.code.pk)


def test_a_role_without_the_permission_gets_403(seed_a):
    medewerker = UserFactory(
        username="medewerker", organisatie=seed_a.organisatie, role=Role.ADMINISTRATIEF_MEDEWERKER
    )
    client, _token = token_client(medewerker)
    # registering is allowed, deciding is not: as in the browser
    assert client.get(f"/api/v1/meldingen/{seed_a.melding.pk}/").status_code == 200
    response = client.post(
        f"/api/v1/meldingen/{seed_a.melding.pk}/transitie/", {"naar": "analyseren"}, format="json"
    )
    assert response.status_code == 403
    teamleider = UserFactory(username="teamleider", organisatie=seed_a.organisatie, role=Role.TEAMLEIDER)
    client, _token = token_client(teamleider)
    assert client.get("/api/v1/meldingen/").status_code == 403
    assert client.get("/api/v1/jongeren/").status_code == 403


def test_a_field_that_does_not_fit_the_soort_is_refused_and_nothing_is_stored(api_a, seed_a):
    """Regression: the API stored e.g. hours of relatief verzuim on a luxe melding, which the
    form never lets one enter (SOORT_VELDEN)."""
    data = {
        "dossier": seed_a.jongere.dossier.pk,
        "soort": "luxe",
        "ontvangen_op": "2025-10-06",
        "verzuim_van": "2025-09-29",
        "uren_verzuim": 30,
        "bevestigd": True,
    }
    response = api_a.post("/api/v1/meldingen/", data, format="json")
    assert response.status_code == 400
    assert response.json()["fouten"]["uren_verzuim"] == [
        "Dit veld hoort niet bij een melding luxe verzuim. "
        "Daarbij horen: verzuim_van, verzuim_tot, verlof_dagen, gezin_id."
    ]
    assert Melding.objects.count() == 1
    zorg = {"dossier": seed_a.jongere.dossier.pk, "soort": "zorg", "ontvangen_op": "2025-10-06"}
    response = api_a.post("/api/v1/meldingen/", {**zorg, "verzuim_van": "2025-09-29"}, format="json")
    assert response.status_code == 400
    assert "daarbij horen geen verzuimgegevens" in response.json()["fouten"]["verzuim_van"][0]
    melding = seed_a.melding  # relatief verzuim
    response = api_a.patch(
        f"/api/v1/meldingen/{melding.pk}/", {"verlof_dagen": 3, "versie": 1}, format="json"
    )
    assert response.status_code == 400
    melding.refresh_from_db()
    assert (melding.verlof_dagen, melding.versie) == (None, 1)


def test_changing_the_soort_clears_the_fields_of_the_old_soort_as_the_form_does(api_a, seed_a):
    melding = seed_a.melding  # relatief verzuim with 20 uren
    response = api_a.patch(
        f"/api/v1/meldingen/{melding.pk}/",
        {"soort": "luxe", "verlof_dagen": 4, "versie": 1, "bevestigd": True},
        format="json",
    )
    assert response.status_code == 200, response.json()
    melding.refresh_from_db()
    assert (melding.soort, melding.verlof_dagen, melding.uren_verzuim) == ("luxe", 4, None)
    assert melding.verzuim_van is not None  # a field both soorten have stays
