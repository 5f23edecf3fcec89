"""The PDF a gemeente publishes as it is: tagged PDF/UA with language, title, headings, table
headers and alternative text for charts; tables never split over pages; the teamleider's words
and logo in place."""

import base64
from io import BytesIO

import pikepdf
import pytest
from PIL import Image

from reporting.renderers.pdf import render_pdf
from reporting.tables.base import LEERPLICHT, Column, Row, Table
from tests.reporting.demo_pdf_checks import pdf_pages
from tests.reporting.reports import fake_report


def struct_tags(pdf: pikepdf.Pdf) -> tuple[dict, list[str]]:
    counts: dict[str, int] = {}
    alts: list[str] = []

    def walk(node):
        if isinstance(node, pikepdf.Dictionary):
            tag = node.get("/S")
            if tag is not None:
                counts[str(tag)] = counts.get(str(tag), 0) + 1
                if tag == "/Figure":
                    alts.append(str(node.get("/Alt", "")))
            if "/K" in node:
                walk(node.K)
        elif isinstance(node, pikepdf.Array):
            for item in node:
                walk(item)

    walk(pdf.Root.StructTreeRoot)
    return counts, alts


def logo_png() -> str:
    buffer = BytesIO()
    Image.new("RGB", (40, 20), "black").save(buffer, "PNG")
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode()


@pytest.fixture
def pdf_bytes():
    report = fake_report()
    report.teksten = {
        "voorwoord": "Een **bewogen** jaar.\n\n<script>alert(1)</script>",
        "deel:leerplicht": "Over de leerplicht.",
        "tabel:meldingen_per_soort": "- meer meldingen\n- minder verzuim",
    }
    report.logo, report.logo_tekst = logo_png(), "Logo gemeente Zoetermeer"
    return render_pdf(report).content


def test_the_pdf_is_tagged_pdf_ua_with_language_title_headings_table_headers_and_alt_texts(pdf_bytes):
    pdf = pikepdf.open(BytesIO(pdf_bytes))
    assert str(pdf.Root.Lang) == "nl"
    assert bool(pdf.Root.MarkInfo.Marked)
    assert bool(pdf.Root.ViewerPreferences.DisplayDocTitle)
    with pdf.open_metadata() as meta:
        assert (
            meta.get("dc:title") == "Jaarverslag Leerplicht en Doorstroompunt Leerplicht Zoetermeer 2024-2025"
        )
        assert str(meta.get("pdfuaid:part")) == "1"
    counts, alts = struct_tags(pdf)
    for tag in ("/Document", "/H1", "/H2", "/Table", "/THead", "/TH", "/TD", "/Figure"):
        assert counts.get(tag), tag
    # Every figure (charts and the logo) has a text alternative; a chart's names its numbers.
    assert all(alts) and "Logo gemeente Zoetermeer" in alts
    assert any(alt.startswith("Meldingen per soort.") and "Luxe verzuim: 35" in alt for alt in alts)


def test_the_words_stand_with_their_tables_and_nothing_unsafe_gets_through(pdf_bytes, tmp_path):
    pages = pdf_pages(pdf_bytes, tmp_path)
    voorwoord = next(p for p in pages if "Voorwoord" in p and "Een bewogen jaar." in p)
    assert "alert(1)" not in voorwoord and "<script>" not in "".join(pages)
    assert "Inhoud" in pages[1] and "Voorwoord" in pages[1]
    leerplicht = next(p for p in pages if "Over de leerplicht." in p)
    assert "Meldingen per soort" in leerplicht and "meer meldingen" in leerplicht


def numbered_tables(count: int, rows: int, titel: str, label: str) -> list[Table]:
    """`count` tables titled "<titel> <t>" of `rows` rows labelled "<label><t>-regel-<r>"."""
    return [
        Table(
            id=f"tabel_{t}",
            titel=f"{titel} {t}",
            deel=LEERPLICHT,
            columns=[Column("aantal", "Aantal")],
            rows=[Row(f"{label}{t}-regel-{r}", {"aantal": r}) for r in range(rows)],
            total={"aantal": sum(range(rows))},
        )
        for t in range(count)
    ]


def test_no_table_is_split_over_two_pages(tmp_path):
    # Twelve tables of 14 rows with unique labels: without care some would straddle a page.
    tables = numbered_tables(12, 14, "Tabel nummer", "T")
    pages = pdf_pages(render_pdf(fake_report(tables)).content, tmp_path)
    for t in range(12):
        labels = [f"T{t}-regel-{r} " for r in range(14)]
        holding = {i for i, page in enumerate(pages) for label in labels if label in page}
        assert len(holding) == 1, (f"Tabel nummer {t}", sorted(holding))
        # The Totaal row appears once per table: it is not repeated on a following page.
    assert sum(page.count("Totaal") for page in pages) == 12


def test_a_table_title_never_stays_behind_on_a_page_without_its_table(tmp_path):
    # 34 rows fit a page, but not under their title: found in the PDF at 1,000,000 meldingen,
    # where "Afhandeling aanvragen vrijstelling en verlof" stood alone on page 17 and its table
    # on page 18. Such a table starts under its title and continues on the next page with its
    # header repeated; a table that fits a page with its title is never split (test above).
    rows = 34
    tables = numbered_tables(3, rows, "Lange tabel", "L")
    pages = pdf_pages(render_pdf(fake_report(tables)).content, tmp_path)
    for t in range(3):
        titled = [i for i, page in enumerate(pages) if f"Lange tabel {t}\n" in page]
        holding = sorted(
            {i for i, page in enumerate(pages) for r in range(rows) if f"L{t}-regel-{r} " in page}
        )
        assert len(titled) == 1 and holding[0] == titled[0], (f"Lange tabel {t}", titled, holding)
        for page in holding[1:]:
            assert "Omschrijving" in pages[page]  # the header row repeated
