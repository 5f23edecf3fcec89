"""Every API read of a jongere's data writes the processing log, exactly like the pages."""

import pytest

from cases.constants import AuditAction, Role, Verwerkingsactiviteit
from cases.models import AuditEntry
from tests.api.conftest import token_client
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def lpa(seed_a):
    return UserFactory(username="alleen-lpa", organisatie=seed_a.organisatie, role=Role.LEERPLICHTAMBTENAAR)


@pytest.fixture
def api_lpa(lpa):
    return token_client(lpa)[0]


@pytest.fixture
def api_coach(seed_a):
    return token_client(seed_a.coach)[0]


def entries(**filters):
    return list(
        AuditEntry.objects.filter(**filters).values_list("actie", "doel", "object_type", "jongere_id")
    )


def test_lists_log_one_search_entry_per_jongere_shown(api_lpa, api_coach, lpa, seed_a):
    response = api_lpa.get("/api/v1/jongeren/")
    assert response.json()["count"] == 2
    logged = entries(actie=AuditAction.ZOEKEN, gebruiker_id=lpa.pk)
    assert sorted(j for *_rest, j in logged) == sorted([seed_a.jongere.pk, seed_a.volwassene.pk])
    assert {d for _a, d, _t, _j in logged} == {Verwerkingsactiviteit.HANDHAVING_LEERPLICHT}

    before = AuditEntry.objects.count()
    api_coach.get("/api/v1/trajecten/?status=alle")
    new = AuditEntry.objects.order_by("-pk")[: AuditEntry.objects.count() - before]
    assert [(e.actie, e.doel, e.jongere_id) for e in new] == [
        (AuditAction.ZOEKEN, Verwerkingsactiviteit.BEGELEIDING_DOORSTROOMPUNT, seed_a.volwassene.pk)
    ]


def test_search_logs_the_jongeren_found(api_lpa, seed_a):
    response = api_lpa.post("/api/v1/jongeren/zoeken/", {"bsn": seed_a.jongere.bsn}, format="json")
    assert [j["id"] for j in response.json()["results"]] == [seed_a.jongere.pk]
    assert entries(actie=AuditAction.ZOEKEN) == [
        ("zoeken", "handhaving_leerplicht", "cases.jongere", seed_a.jongere.pk)
    ]


@pytest.mark.parametrize(
    ("path", "record", "object_type", "doel"),
    [
        ("jongeren", "jongere", "cases.jongere", "handhaving_leerplicht"),
        ("meldingen", "melding", "leerplicht.melding", "handhaving_leerplicht"),
        ("vrijstellingen", "vrijstelling", "leerplicht.vrijstelling", "handhaving_leerplicht"),
        ("trajecten", "traject", "doorstroom.traject", "begeleiding_doorstroompunt"),
    ],
)
def test_detail_logs_an_inzien_entry(api_lpa, api_coach, lpa, seed_a, path, record, object_type, doel):
    obj = getattr(seed_a, record)
    user, client = (seed_a.coach, api_coach) if record == "traject" else (lpa, api_lpa)
    assert client.get(f"/api/v1/{path}/{obj.pk}/").status_code == 200
    entry = AuditEntry.objects.get(actie=AuditAction.INZIEN)
    jongere = obj if record == "jongere" else obj.dossier.jongere
    assert (entry.object_type, entry.object_id, entry.jongere_id, entry.doel, entry.gebruiker_id) == (
        object_type,
        obj.pk,
        jongere.pk,
        doel,
        user.pk,
    )


def test_dossier_detail_logs_and_shows_the_timeline(api_lpa, seed_a):
    response = api_lpa.get(f"/api/v1/dossiers/{seed_a.jongere.dossier.pk}/")
    body = response.json()
    assert body["jongere"]["id"] == seed_a.jongere.pk
    assert {regel["soort"] for regel in body["tijdlijn"]} >= {"actie", "melding", "vrijstelling"}
    assert entries(actie=AuditAction.INZIEN) == [
        ("inzien", "handhaving_leerplicht", "cases.dossier", seed_a.jongere.pk)
    ]


def test_a_refused_read_logs_nothing(api_b, seed_a, seed_b):
    assert api_b.get(f"/api/v1/meldingen/{seed_a.melding.pk}/").status_code == 404
    assert not AuditEntry.objects.filter(jongere_id=seed_a.jongere.pk).exists()
