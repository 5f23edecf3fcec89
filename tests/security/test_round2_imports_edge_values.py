# ruff: noqa: F811 (the fixtures org and users are imported from imports_world)
"""Security round 2, point 10 (imports): edge values gave 500s. Each is now a Dutch import
problem naming the row and column, over the API a 400, and nothing is written."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from leerplicht.models import Melding
from reporting.models import Populatie
from tests.api.conftest import token_client
from tests.security.imports_world import org, users  # noqa: F401

pytestmark = pytest.mark.django_db

MELDING = "extern_id,gemeente,bsn,voornamen,geboortedatum,soort,ontvangen_op,afgesloten_op"
GOOD = {
    "extern_id": "E-1",
    "gemeente": "GM0957",
    "bsn": "102470728",
    "voornamen": "Noor",
    "geboortedatum": "2011-04-02",
    "soort": "absoluut",
    "ontvangen_op": "2025-10-01",
    "afgesloten_op": "",
}
DATE_PROBLEM = "datum buiten het toegestane bereik; gebruik een datum van 01-01-1900 tot en met 31-12-2099."


def post(client, soort, data, name="import.csv"):
    return client.post(
        "/api/v1/imports/", {"soort": soort, "bestand": SimpleUploadedFile(name, data)}, format="multipart"
    )


@pytest.fixture
def api(users):
    client, _token = token_client(users["lpa"])
    return client


@pytest.mark.parametrize(
    "column, value, message",
    [
        ("geboortedatum", "0001-01-01", DATE_PROBLEM),
        ("geboortedatum", "9999-12-31", DATE_PROBLEM),
        ("ontvangen_op", "0001-01-01", DATE_PROBLEM),
        ("ontvangen_op", "01-01-0001", DATE_PROBLEM),
        ("afgesloten_op", "9999-12-31", DATE_PROBLEM),
        ("voornamen", "N" * 201, "te lang: 201 tekens; ten hoogste 200 toegestaan."),
        ("extern_id", "E" * 65, "te lang: 65 tekens; ten hoogste 64 toegestaan."),
    ],
)
def test_edge_values_in_a_melding_are_import_problems(api, column, value, message):
    row = {**GOOD, column: value}
    response = post(api, "meldingen", f"{MELDING}\n{','.join(row.values())}\n".encode())
    assert response.status_code == 400, response.content
    problems = response.json()["problemen"]
    assert [(p["rij"], p["kolom"], p["melding"]) for p in problems] == [(2, column, message)]
    assert len(problems[0]["waarde"]) <= 101
    assert not Melding.objects.exists()


@pytest.mark.parametrize(
    "value, message",
    [
        ("2147483648", "te groot; het hoogste toegestane getal is 2147483647."),
        ("99999999999999999999999", "te groot; het hoogste toegestane getal is 2147483647."),
        ("1e23", "geen geheel getal."),
    ],
)
def test_huge_population_figures_are_import_problems(users, value, message):
    client, _token = token_client(users["medewerker"])
    response = post(
        client, "populatie", f"gemeente,schooljaar,leerplichtigen\nGM0957,2024-2025,{value}\n".encode()
    )
    assert response.status_code == 400, response.content
    assert [(p["kolom"], p["melding"]) for p in response.json()["problemen"]] == [("leerplichtigen", message)]
    assert not Populatie.objects.exists()


def test_a_number_of_1e23_in_an_xlsx_is_an_import_problem(users):
    workbook = Workbook()
    workbook.active.append(["gemeente", "schooljaar", "leerplichtigen", "kwalificatieplichtigen"])
    workbook.active.append(["GM0957", "2024-2025", 1e23, 2**31])
    buffer = io.BytesIO()
    workbook.save(buffer)
    client, _token = token_client(users["medewerker"])
    response = post(client, "populatie", buffer.getvalue(), name="populatie.xlsx")
    assert response.status_code == 400, response.content
    assert {p["kolom"] for p in response.json()["problemen"]} == {"leerplichtigen", "kwalificatieplichtigen"}
    assert not Populatie.objects.exists()
