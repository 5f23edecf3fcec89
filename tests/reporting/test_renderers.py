"""The renderers format a Report: what a reader of the JSON, the spreadsheet and the PDF sees."""

import json
import subprocess
from io import BytesIO

import pytest
from openpyxl import load_workbook

from reporting.renderers.formatting import format_value
from reporting.renderers.json import render_json, render_json_bytes
from reporting.renderers.pdf import render_pdf
from reporting.renderers.svg import table_chart
from reporting.renderers.xlsx import render_xlsx, sheet_names
from reporting.tables.base import Column
from tests.reporting.reports import fake_report, large_report, thuiszitters_leeftijd

PERCENT = Column("percentage", "%", percentage=True)


@pytest.mark.parametrize(
    ("value", "column", "expected"),
    [
        (2318, None, "2.318"),
        (1234567, None, "1.234.567"),
        (12, None, "12"),
        (29.9, PERCENT, "29,9%"),
        (100.0, PERCENT, "100,0%"),
        (0.0, PERCENT, "0,0%"),
        (2.5, None, "2,5"),
        (None, None, "n.b."),
        (None, PERCENT, "n.b."),
    ],
)
def test_numbers_are_written_the_dutch_way(value, column, expected):
    assert format_value(value, column) == expected


def test_json_has_one_object_per_table_with_numbers_not_strings():
    data = render_json(fake_report())
    assert data["organisatie"] == "Leerplicht Zoetermeer"
    assert data["schooljaar"] == "2024-2025"
    assert list(data["tabellen"]) == [
        "kerncijfers",
        "meldingen_per_soort",
        "vsv_onderwijsachtergrond_leeftijd",
    ]
    soort = data["tabellen"]["meldingen_per_soort"]
    assert soort["titel"] == "Meldingen per soort"
    assert soort["kolommen"] == ["aantal", "percentage"]
    assert soort["rijen"][0] == {
        "label": "Relatief verzuim (wettelijk)",
        "waarden": {"aantal": 2318, "percentage": 29.9},
    }
    assert soort["totaal"] == {"aantal": 7753, "percentage": 100.0}
    assert isinstance(soort["rijen"][0]["waarden"]["aantal"], int)
    kerncijfers = data["tabellen"]["kerncijfers"]
    assert kerncijfers["rijen"][2] == {
        "label": "Verzuimpercentage",
        "waarden": {"aantal": None, "vorig_jaar": None},
    }
    assert kerncijfers["totaal"] is None  # key figures: no Totaal row
    # The file a user downloads is the same data, UTF-8, with null for 'n.b.'.
    text = render_json_bytes(fake_report()).decode("utf-8")
    assert json.loads(text) == data
    assert '"aantal": null' in text


def test_xlsx_has_a_sheet_per_table_with_the_json_keys_as_header_and_a_totaal_row():
    workbook = load_workbook(BytesIO(render_xlsx(fake_report())))
    # Readable Dutch titles (at most 31 characters, Excel's limit), after a table of contents.
    assert workbook.sheetnames == [
        "Inhoud",
        "Kerncijfers leerplicht",
        "Meldingen per soort",
        "Uitstroom van begeleide vsv'ers",
    ]
    inhoud = list(workbook["Inhoud"].iter_rows(values_only=True))
    assert inhoud[0] == ("werkblad", "tabel_id", "titel")
    assert (
        "Uitstroom van begeleide vsv'ers",
        "vsv_onderwijsachtergrond_leeftijd",
        "Uitstroom van begeleide vsv'ers",
    ) in inhoud
    rows = list(workbook["Meldingen per soort"].iter_rows(values_only=True))
    assert rows[0] == ("label", "aantal", "percentage")
    assert rows[1] == ("Relatief verzuim (wettelijk)", 2318, 29.9)
    # The stable id stays in a cell below the table.
    assert ("tabel_id", "meldingen_per_soort", None) in rows
    totaal = rows.index(("Totaal", 7753, 100))
    assert rows[totaal + 1] == (None, None, None)
    kerncijfers = list(workbook["Kerncijfers leerplicht"].iter_rows(values_only=True))
    assert kerncijfers[0] == ("label", "aantal", "vorig_jaar")
    assert ("Verzuimpercentage", None, None) in kerncijfers  # no Totaal row; n.b. is empty
    uitstroom = workbook["Uitstroom van begeleide vsv'ers"]
    assert uitstroom["A3"].value == "Mbo niveau 2" and uitstroom["A3"].alignment.indent == 1
    assert uitstroom["A1"].comment.text == "Uitstroom van begeleide vsv'ers"


def test_a_long_title_is_cut_at_a_word_and_sheet_names_stay_unique():
    report = fake_report()
    long = "Onderwijsachtergrond uitvallers naar leeftijd bij uitval"
    for table in report.tables:
        table.titel = long
    names = list(sheet_names(report).values())
    assert names[0] == "Onderwijsachtergrond uitvallers"
    assert len({n.lower() for n in names}) == 3 and all(len(n) <= 31 for n in names)


def test_text_cells_that_look_like_formulas_are_neutralised():
    report = fake_report()
    report.table("meldingen_per_soort").rows[0].label = '=HYPERLINK("http://x")'
    report.table("meldingen_per_soort").rows[1].label = "@SUM(1)"
    report.table("meldingen_per_soort").rows[2].label = "-2+3"
    workbook = load_workbook(BytesIO(render_xlsx(report)))
    sheet = workbook["Meldingen per soort"]
    assert [sheet[f"A{i}"].value for i in (2, 3, 4)] == ['\'=HYPERLINK("http://x")', "'@SUM(1)", "'-2+3"]
    assert all(sheet[f"A{i}"].data_type == "s" for i in (2, 3, 4))


def pdf_text(content: bytes, tmp_path) -> str:
    path = tmp_path / "jaarverslag.pdf"
    path.write_bytes(content)
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def pdf_pages(content: bytes, tmp_path) -> int:
    path = tmp_path / "pages.pdf"
    path.write_bytes(content)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def test_pdf_shows_cover_contents_tables_in_dutch_notation_and_a_colofon(tmp_path):
    result = render_pdf(fake_report(), databasis="Berekend uit de meldingen van Leerplicht Zoetermeer.")
    assert result.content.startswith(b"%PDF")
    text = pdf_text(result.content, tmp_path)
    pages = text.split("\f")
    # Cover: organisation and schooljaar.
    assert "Leerplicht Zoetermeer" in pages[0] and "Schooljaar 2024-2025" in pages[0]
    assert "vergelijking met schooljaar 2023-2024" in pages[0]
    # Table of contents with the page each part and table starts on.
    assert "Inhoud" in pages[1]
    toc = {line.split(" .")[0].strip(): line.split()[-1] for line in pages[1].splitlines() if " ..." in line}
    assert toc["Kerncijfers"] == "3"
    assert toc["Meldingen per soort"] == "4"
    assert toc["Uitstroom van begeleide vsv'ers"] == "5"
    # The kerncijfers page comes first, then one section per part.
    assert "Kerncijfers leerplicht" in pages[2] and "n.b." in pages[2]
    assert "Meldingen per soort" in pages[3]
    assert "Leerplicht" in pages[3] and "Doorstroompunt" in pages[4]
    # Numbers as a Dutch reader expects them, 'n.b.' for what is unknown, a Totaal row.
    assert "2.318" in text and "29,9%" in text and "7.753" in text and "100,0%" in text
    assert "Totaal" in pages[3]
    # The chart's legend repeats the numbers of its table.
    assert "Relatief verzuim (wettelijk): 2.318 (29,9%)" in text
    # Page numbers in the footer, and the colofon says when and from which data.
    assert f"Pagina 3 van {result.pages}" in text
    colofon = pages[result.pages - 1]
    assert "Colofon" in colofon
    assert "15 september 2025 om" in colofon and "10:30" in colofon
    assert "Berekend uit de meldingen van Leerplicht Zoetermeer." in colofon
    assert result.pages == pdf_pages(result.content, tmp_path) == 6


def test_a_report_of_thirty_tables_renders_every_table(tmp_path):
    # How long it takes is measured by `make bench BENCH=report` (docs/performance.md), not here:
    # a timed assertion fails on a busy machine and proves nothing about a quiet one.
    report = large_report(30)
    result = render_pdf(report)
    assert result.pages == pdf_pages(result.content, tmp_path)
    text = pdf_text(result.content, tmp_path)
    assert "Thuiszitters per leeftijd (30)" in text


def test_charts_read_in_black_and_white():
    report = fake_report()
    pie = table_chart(report.table("meldingen_per_soort"))
    assert pie.startswith("<svg") and 'aria-label="Meldingen per soort"' in pie
    # Distinct greys and patterns, ids unique to this chart, a legend with the numbers.
    assert 'id="c-meldingen_per_soort-p1"' in pie and "url(#c-meldingen_per_soort-p1)" in pie
    assert "Luxe verzuim: 35 (0,5%)" in pie and "29,9%" in pie
    donut = table_chart(report.table("vsv_onderwijsachtergrond_leeftijd"))
    assert ">60</text>" in donut  # the total in the middle
    assert "Mbo niveau 2" not in donut  # detail rows are in the table, not in the chart
    bar = table_chart(thuiszitters_leeftijd())
    assert bar.count('fill="#505050"') == sum(1 for age in range(5, 19) if (age * 3) % 11)
    assert table_chart(report.table("kerncijfers")) == ""  # no chart asked for


def test_labels_are_escaped_in_charts_and_pdf():
    report = fake_report()
    table = report.table("meldingen_per_soort")
    table.rows[0].label = "Verzuim <script> & zo"
    assert "Verzuim &lt;script&gt; &amp; zo" in table_chart(table)
    assert render_pdf(report).pages == 6
