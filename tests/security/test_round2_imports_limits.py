# ruff: noqa: F811 (the fixtures org and users are imported from imports_world)
"""Security round 2, point 7: small hostile files cannot knock the import over. Columns, rows
and cell length are capped while reading, problems stop being collected after a limit (saying
how many more), values in problems are cut short, and the browser's check runs in the worker."""

import io
import json
import re
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from cases.imports import ImportFailed
from cases.models import ImportRecord
from tests.security.imports_world import MELDING_HEADER, csv, imported, org, users  # noqa: F401

pytestmark = pytest.mark.django_db

MAX_PROBLEMS = 1000  # cases.imports.MAX_PROBLEMS, the documented limit

ROW = "M-{n},GM0957,100752305,2011-04-02,absoluut,2025-10-01"


def xlsx(rows, dimension=None) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    if dimension is None:
        return buffer.getvalue()
    # Rewrite the sheet's declared size, as a hostile or broken file does.
    source, target = zipfile.ZipFile(io.BytesIO(buffer.getvalue())), io.BytesIO()
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = re.sub(rb'<dimension ref="[^"]*"', f'<dimension ref="{dimension}"'.encode(), data)
            out.writestr(item, data)
    return target.getvalue()


def test_an_xlsx_declaring_a_huge_dimension_is_read_at_its_real_size():
    from cases.imports.reading import read_table

    header = MELDING_HEADER.split(",")
    rows = [header] + [ROW.format(n=n).split(",") for n in range(1000)]
    data = xlsx(rows, dimension="A1:XFD1001")
    table = read_table(data, "meldingen.xlsx")
    # Before, every row was padded to the declared 16,384 columns (and the header with it).
    assert table.headers == header
    assert len(table.rows) == 1000 and all(len(values) == len(header) for _n, values in table.rows)


def test_a_csv_line_of_ten_million_commas_is_refused_before_it_is_split(org, users):
    data = csv(MELDING_HEADER, ROW.format(n=1)) + b"," * 10_000_000 + b"\n"
    failed = imported(org, users["lpa"], "meldingen", data)
    (problem,) = failed.problems
    assert problem.message.startswith(
        "Regel 3 is langer dan 50150 tekens; een importbestand heeft ten hoogste 50"
    )


def test_a_header_with_too_many_columns_is_refused(org, users):
    failed = imported(org, users["lpa"], "meldingen", csv(MELDING_HEADER + ",x" * 60, ROW.format(n=1)))
    assert failed.problems[0].message == "De kopregel heeft 66 kolommen; ten hoogste 50 zijn toegestaan."


def test_too_many_rows_are_refused(org, users, monkeypatch):
    from cases.imports import reading

    monkeypatch.setattr(reading, "MAX_ROWS", 5)  # 200,000 real rows would make a slow test
    failed = imported(
        org, users["lpa"], "meldingen", csv(MELDING_HEADER, *[ROW.format(n=n) for n in range(6)])
    )
    assert failed.problems[0].message == (
        "Het bestand heeft meer dan 5 gegevensregels; splits het in kleinere bestanden."
    )


def test_a_huge_shared_string_gives_a_small_capped_problem_list(org, users):
    huge = "A" * 1_000_000
    rows = [MELDING_HEADER.split(",")] + [
        [f"M-{n}", "GM0957", huge, "2011-04-02", "absoluut", "2025-10-01"] for n in range(1500)
    ]
    data = xlsx(rows)
    assert len(data) < 300_000  # one shared string, referenced 1,500 times
    failed = imported(org, users["lpa"], "meldingen", data)
    assert isinstance(failed, ImportFailed)
    assert len(failed.problems) == MAX_PROBLEMS and failed.more == 500 and failed.total == 1500
    assert failed.problems[0].message == "de cel is langer dan 1000 tekens."
    assert all(len(p.value) <= 101 for p in failed.problems)
    record = ImportRecord.objects.get()
    assert record.problemen_totaal == 1500 and len(record.problemen) == MAX_PROBLEMS
    assert len(json.dumps(record.problemen)) < 300_000  # was 100 MB


def test_the_page_says_how_many_problems_were_not_collected(client, org, users):
    rows = [
        ROW.format(n=n).replace("absoluut", "spijbelen").replace(",GM0957", f",GM0957{n}")
        for n in range(1200)
    ]
    failed = imported(org, users["lpa"], "meldingen", csv(MELDING_HEADER, *rows))
    assert failed.total == 2400 and len(failed.problems) == MAX_PROBLEMS
    client.force_login(users["lpa"])
    page = client.get(reverse("import_detail", args=[ImportRecord.objects.get().pk])).content.decode()
    assert "Het bestand is geweigerd: 2400 problemen." in page
    assert (
        "De eerste 1000 problemen staan hieronder; daarna stopte het verzamelen. Er zijn nog 1400 problemen."
        in page
    )


def test_the_browser_check_runs_in_the_worker_with_progress(
    client, org, users, django_capture_on_commit_callbacks
):
    client.force_login(users["lpa"])
    rows = [
        f"M-{n},GM0957,{bsn},2011-04-02,absoluut,2025-10-01" for n, bsn in enumerate(["100768143"] * 2500)
    ]
    data = csv(MELDING_HEADER, *rows)
    with django_capture_on_commit_callbacks(execute=False) as jobs:
        response = client.post(
            reverse("imports"), {"soort": "meldingen", "bestand": SimpleUploadedFile("m.csv", data)}
        )
    record = ImportRecord.objects.get()
    # The request only stored the file and queued the check.
    assert len(jobs) == 1 and record.status == ImportRecord.Status.CONTROLEREN and record.rijen == 0
    page = client.get(response["Location"]).content.decode()
    assert "Het bestand wordt gecontroleerd; deze pagina werkt zichzelf bij." in page
    ImportRecord.objects.filter(pk=record.pk).update(rijen=2500, verwerkt=1000)
    assert "1000 van 2500 rijen verwerkt." in client.get(response["Location"]).content.decode()
    from cases.tasks import import_controleren

    import_controleren(record.pk)  # what the worker runs
    record.refresh_from_db()
    assert (record.status, record.rijen, record.verwerkt, record.aangemaakt) == (
        "voorbeeld",
        2500,
        2500,
        2500,
    )
