"""The demo organisation's jaarverslag as a reader sees it, page by page: a cover with the
organisation's name and logo, a table of contents, the team's words, and every table on one page."""

import re
import subprocess
from datetime import date

from PIL import Image

from cases.models import Organisatie
from cases.rules import Schooljaar
from reporting.renderers.pdf import render_pdf
from reporting.tables import build_report

# The demo logo's colour (reporting/demo.py): a dark blue block on a white page.
LOGO_RGB = (0x15, 0x42, 0x73)


def pdf_pages(content: bytes, tmp_path) -> list[str]:
    path = tmp_path / "jaarverslag.pdf"
    path.write_bytes(content)
    result = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    )
    return result.stdout.split("\f")


def cover_png(content: bytes, tmp_path) -> Image.Image:
    path = tmp_path / "jaarverslag.pdf"
    path.write_bytes(content)
    subprocess.run(
        ["pdftoppm", "-png", "-r", "40", "-f", "1", "-l", "1", str(path), str(tmp_path / "pagina")],
        check=True,
    )
    return Image.open(next(tmp_path.glob("pagina*.png"))).convert("RGB")


def check_demo_jaarverslag(tmp_path):
    """The demo jaarverslag has a cover with logo, contents, the team's words and unbroken
    tables (called from the one demo test, tests/cases/test_demo_and_health.py)."""
    organisatie = Organisatie.objects.get(slug="zoetermeer")
    schooljaar = Schooljaar.of(date.today()).previous()  # the year the demo texts are written for
    report = build_report(organisatie, schooljaar, schooljaar.previous())
    content = render_pdf(report).content
    pages = pdf_pages(content, tmp_path)

    assert organisatie.naam in pages[0] and str(schooljaar) in pages[0]
    colours = cover_png(content, tmp_path).getcolors(maxcolors=1_000_000)
    logo_pixels = sum(
        count for count, rgb in colours if all(abs(a - b) <= 8 for a, b in zip(rgb, LOGO_RGB, strict=True))
    )
    assert logo_pixels > 100, "the cover shows no logo"

    contents = next(i for i, page in enumerate(pages) if "Inhoud" in page)
    assert contents <= 2 and "Voorwoord" in pages[contents]
    body = pages[contents + 1 :]
    assert any("Ieder kind heeft recht op onderwijs" in page for page in body)  # the voorwoord
    assert any("kwalificatieplichtige jongeren" in page for page in body)  # the leerplicht introduction

    for table in report.tables:
        holding = [i for i, page in enumerate(body) if str(table.titel) in page]
        assert holding, f"{table.titel} is missing"
        page = body[holding[-1]]
        # All of the table's rows stand on the page of its title: the table is not split. (A long
        # label may wrap inside its cell, so each of its words is looked for.)
        missing = [
            row.label
            for row in table.rows
            if not all(word in page for word in re.findall(r"\w{3,}", str(row.label)))
        ]
        assert not missing, (table.titel, missing)
