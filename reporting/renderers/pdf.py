"""The jaarverslag as PDF: HTML from a template, laid out by WeasyPrint.

WeasyPrint is imported inside `render_pdf`: it runs in the Celery worker (and the jaarverslag
command), never while a web request waits. The HTML stays lean (pre-formatted strings, one small
stylesheet, inline SVG) so a report of 30 tables lays out in a few seconds.
"""

from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from reporting.tables.base import DOORSTROOM, LEERPLICHT, TOTAAL, Report, Table
from reporting.teksten import VOORWOORD, deel_sleutel, tabel_sleutel, to_html

from .formatting import format_value
from .svg import table_chart

PARTS = [(LEERPLICHT, "Leerplicht"), (DOORSTROOM, "Doorstroompunt")]


@dataclass
class PdfResult:
    content: bytes
    pages: int


def _row_cells(table: Table, values: dict, *, percentage: bool = False) -> list[str]:
    return [format_value(values.get(column.key), column, percentage=percentage) for column in table.columns]


def table_context(table: Table, tekst="") -> dict:
    return {
        "tekst": tekst,
        "id": table.id,
        "titel": table.titel,
        "toelichting": table.toelichting,
        "voetnoten": table.voetnoten,
        "bron": any(row.bron for row in table.rows),
        "columns": [column.label for column in table.columns],
        "rows": [
            {
                "label": row.label,
                "level": min(row.level, 3),
                "cells": _row_cells(table, row.values, percentage=row.percentage),
                "bron": row.bron,
            }
            for row in table.rows
        ],
        "total": {"label": TOTAAL, "cells": _row_cells(table, table.total)} if table.has_total else None,
        "chart": mark_safe(table_chart(table)),  # noqa: S308 - built by svg.py, every text escaped
    }


#: The tables of the kerncijfers page, in order: this year against last year, and the indicators.
KERNCIJFERS = ["kerncijfers", "kerncijfers_drie_jaren", "vsv_kerncijfers", "bbv_indicatoren"]
#: Per-gemeente figures for a contactgemeente: (table id, row label or None for its Totaal, text).
GEMEENTE_CIJFERS = [
    ("relatief_per_gemeente", None, gettext_lazy("Meldingen relatief verzuim")),
    ("jongeren_in_beeld", None, gettext_lazy("Jongeren in Beeld")),
    ("doorstroom_resultaten_per_gemeente", None, gettext_lazy("Werkprocessen vsv")),
    ("verzuim_18plus_resultaten", None, gettext_lazy("Werkprocessen verzuim 18+")),
]


def _text(report: Report, sleutel: str):
    return to_html(report.teksten.get(sleutel, ""))


def gemeente_sections(report: Report) -> list[dict]:
    """For an organisation of several gemeenten: per gemeente its own figures, read from the
    per-gemeente columns of the tables (so they are the same numbers)."""
    if len(report.gemeenten) < 2:
        return []
    tables = {t.id: t for t in report.tables}
    sections = []
    for code, naam in report.gemeenten:
        rows = []
        kern = tables.get("kerncijfers")
        if kern is not None:
            for row in kern.rows:
                rows.append((row.label, format_value(row.values.get(code))))
        pv = tables.get("processen_verbaal")
        if pv is not None:
            row = next((r for r in pv.rows if r.label == naam), None)
            if row is not None:
                rows.append((_("Processen-verbaal"), format_value(row.values.get("totaal"))))
        for table_id, _label, text in GEMEENTE_CIJFERS:
            table = tables.get(table_id)
            if table is not None and table.has_total:
                rows.append((str(text), format_value(table.total.get(code))))
        sections.append({"id": f"gemeente-{code}", "naam": naam, "rows": rows})
    return sections


def report_context(report: Report, *, databasis: str = "") -> dict:
    kern_ids = [t.id for t in report.tables if t.id in KERNCIJFERS]
    kern = [table_context(report.table(i), _text(report, tabel_sleutel(i))) for i in kern_ids]
    parts = [
        {
            "id": f"deel-{deel}",
            "titel": titel,
            "intro": _text(report, deel_sleutel(deel)),
            "tables": [
                table_context(t, _text(report, tabel_sleutel(t.id)))
                for t in report.part(deel)
                if t.id not in KERNCIJFERS
            ],
        }
        for deel, titel in PARTS
    ]
    other = [t for t in report.tables if t.deel not in dict(PARTS)]
    if other:
        parts.append(
            {
                "id": "deel-overig",
                "titel": _("Overig"),
                "intro": "",
                "tables": [table_context(t, _text(report, tabel_sleutel(t.id))) for t in other],
            }
        )
    return {
        "report": report,
        "generated_at": timezone.localtime(report.generated_at),
        "voorwoord": _text(report, VOORWOORD),
        "kerncijfers": kern,
        "gemeenten": gemeente_sections(report),
        "parts": parts,
        "databasis": databasis,
    }


def render_html(report: Report, *, databasis: str = "") -> str:
    return render_to_string("reporting/pdf/jaarverslag.html", report_context(report, databasis=databasis))


def _url_fetcher():
    """The document is self-contained: it never loads anything from a file or the network; only
    the logo is embedded, as a data: URL. WeasyPrint's own fetcher, limited to data:."""
    from weasyprint.urls import URLFetcher

    return URLFetcher(allowed_protocols={"data"}, allow_redirects=False)


#: Tagged PDF conforming to PDF/UA-1: Dutch public bodies must publish accessible documents.
PDF_VARIANT = "pdf/ua-1"


def render_pdf(report: Report, *, databasis: str = "") -> PdfResult:
    from weasyprint import HTML  # lazily: heavy, and only for the worker

    document = HTML(string=render_html(report, databasis=databasis), url_fetcher=_url_fetcher()).render(
        pdf_variant=PDF_VARIANT
    )
    return PdfResult(content=document.write_pdf(pdf_variant=PDF_VARIANT), pages=len(document.pages))
