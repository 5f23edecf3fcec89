"""A token of organisation B reaches nothing of organisation A: every detail and action route of
the router answers 404 for A's records, and no list shows them. The routes are read from the
router, so a new endpoint is covered without touching this test."""

import pytest
from django.urls import reverse
from knox.models import AuthToken

from config.api_urls import router
from tests.api.conftest import token_client

pytestmark = pytest.mark.django_db

#: Resources without an owner: shared reference data, the same for every organisation.
SHARED = {"school"}


def routes():
    for pattern in router.urls:
        actions = getattr(pattern.callback, "actions", None)
        if not actions or pattern.name.endswith("-root"):
            continue
        basename = pattern.name.rsplit("-", 1)[0]
        kwargs = set(pattern.pattern.regex.groupindex) - {"format"}
        yield pattern.name, basename, kwargs, actions


def test_the_router_has_the_expected_resources():
    basenames = {basename for _name, basename, _kw, _actions in routes()}
    assert basenames == {
        "jongere", "dossier", "actie", "melding", "vrijstelling", "traject", "codeitem", "school",
        "populatie", "token", "import", "reportrun", "ouder",
    }  # fmt: skip


def test_detail_and_action_routes_answer_404_for_another_organisation(seed_a, seed_b, api_b):
    ids = seed_a.ids()
    _token, plain = AuthToken.objects.create(user=seed_a.lpa)
    ids["token"] = {plain[:15]}
    checked = []
    for name, basename, kwargs, actions in routes():
        if not kwargs or basename in SHARED:
            continue
        (kwarg,) = kwargs
        for record_id in ids[basename]:
            url = reverse(name, kwargs={kwarg: record_id})
            for method in list(actions):
                response = getattr(api_b, method)(url, {}, format="json")
                assert response.status_code == 404, (method, url, response.status_code)
                checked.append((method, name))
    # every detail route of an owned resource was tried
    assert {n for _m, n in checked} == {
        name for name, basename, kwargs, _a in routes() if kwargs and basename not in SHARED
    }
    # and nothing of A changed
    seed_a.melding.refresh_from_db()
    seed_a.traject.refresh_from_db()
    seed_a.ouder.refresh_from_db()
    assert (seed_a.melding.versie, seed_a.traject.versie, seed_a.ouder.versie) == (1, 1, 1)
    assert seed_a.ouder.actief
    assert AuthToken.objects.filter(user=seed_a.lpa).count() == 1


def test_lists_show_nothing_of_another_organisation(seed_a, seed_b, api_b):
    ids = seed_a.ids()
    for name, basename, kwargs, actions in routes():
        if kwargs or "get" not in actions or basename in SHARED or basename == "token":
            continue
        response = api_b.get(reverse(name))
        assert response.status_code == 200, name
        shown = {item["id"] for item in response.json()["results"]}
        assert shown, f"{name} shows B's own records"
        assert not shown & ids[basename], name


def test_search_and_creation_cannot_reach_another_organisation(seed_a, seed_b, api_b):
    found = api_b.post("/api/v1/jongeren/zoeken/", {"bsn": seed_a.jongere.bsn}, format="json")
    assert (found.status_code, found.json()["results"]) == (200, [])
    dossier_a = seed_a.jongere.dossier.pk
    for url, data in [
        ("/api/v1/meldingen/", {"dossier": dossier_a, "soort": "absoluut", "ontvangen_op": "2025-10-01"}),
        ("/api/v1/acties/", {"dossier": dossier_a, "soort": "notitie", "datum": "2025-10-01"}),
        ("/api/v1/vrijstellingen/", {"dossier": dossier_a, "grondslag": "art5a", "onderwijs": "vo",
                                     "aangevraagd_op": "2025-10-01"}),
        ("/api/v1/trajecten/", {"dossier": seed_a.volwassene.dossier.pk, "doelgroep": "oud_vsv",
                                "gemeld_op": "2025-10-01"}),
    ]:  # fmt: skip
        response = api_b.post(url, data, format="json")
        assert response.status_code == 400, url
        assert "dossier" in response.json()["fouten"]
    code_a = seed_a.organisatie.gemeenten.first().code
    response = api_b.post("/api/v1/populatie/", {"gemeente": code_a, "schooljaar": "2023-2024",
                                                 "leerplichtigen": 5}, format="json")  # fmt: skip
    assert response.status_code == 400


def test_a_restricted_user_of_the_same_organisation_gets_404_too(seed_a):
    from tests.factories import GemeenteFactory, UserFactory

    other = GemeenteFactory(code="GM0999", naam="Elders")
    seed_a.organisatie.gemeenten.add(other)
    user = UserFactory(username="beperkt", organisatie=seed_a.organisatie)
    user.gemeenten.add(other)
    client, _token = token_client(user)
    assert client.get(f"/api/v1/meldingen/{seed_a.melding.pk}/").status_code == 404
    assert client.get(f"/api/v1/dossiers/{seed_a.jongere.dossier.pk}/").status_code == 404
