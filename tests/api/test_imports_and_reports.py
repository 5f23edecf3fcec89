"""Imports and jaarverslag runs over the API."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from leerplicht.models import Melding
from reporting.models import ReportRun

pytestmark = pytest.mark.django_db

HEADER = "extern_id,gemeente,bsn,geboortedatum,soort,ontvangen_op"


def csv_file(*rows):
    return SimpleUploadedFile("meldingen.csv", "\n".join([HEADER, *rows]).encode())


def test_a_small_file_is_imported_at_once(api_a, seed_a):
    gemeente = seed_a.organisatie.gemeenten.first().code
    response = api_a.post(
        "/api/v1/imports/",
        {"soort": "meldingen", "bestand": csv_file(f"API-1,{gemeente},111222333,2011-04-02,zorg,2025-10-01")},
        format="multipart",
    )
    assert response.status_code == 201, response.content
    assert (response.json()["status"], response.json()["aangemaakt"]) == ("klaar", 1)
    assert Melding.objects.filter(extern_id="API-1", organisatie=seed_a.organisatie).exists()


def test_a_refused_file_answers_400_with_every_problem_and_writes_nothing(api_a, seed_a):
    before = Melding.objects.count()
    response = api_a.post(
        "/api/v1/imports/",
        {"soort": "meldingen", "bestand": csv_file("API-2,GM9999,123456789,2011-04-02,spijbelen,2025-10-01")},
        format="multipart",
    )
    assert response.status_code == 400
    problems = {(p["rij"], p["kolom"]) for p in response.json()["problemen"]}
    assert {(2, "gemeente"), (2, "bsn"), (2, "soort")} <= problems
    assert Melding.objects.count() == before


def test_a_jaarverslag_is_started_once_and_listed(api_a, seed_a, api_b):
    first = api_a.post("/api/v1/rapportages/", {"schooljaar": "2024-2025"}, format="json")
    second = api_a.post("/api/v1/rapportages/", {"schooljaar": "2024-2025"}, format="json")
    assert (first.status_code, second.status_code) == (202, 202)
    assert first.json()["id"] == second.json()["id"]
    assert first.json()["schooljaar"] == "2024-2025"
    listed = {run["id"] for run in api_a.get("/api/v1/rapportages/").json()["results"]}
    assert first.json()["id"] in listed
    assert api_b.get(f"/api/v1/rapportages/{first.json()['id']}/").status_code == 404
    bad = api_a.post("/api/v1/rapportages/", {"schooljaar": "2024-2026"}, format="json")
    assert bad.status_code == 400 and "2024-2025" in bad.content.decode()
    assert ReportRun.objects.filter(organisatie=seed_a.organisatie, schooljaar=2024).count() == 1
