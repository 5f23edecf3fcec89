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

from reporting.tables.base import DOORSTROOM, LEERPLICHT, TOTAAL, Report, Table

from .formatting import format_value
from .svg import table_chart

PARTS = [(LEERPLICHT, "Leerplicht"), (DOORSTROOM, "Doorstroompunt")]


@dataclass
class PdfResult:
    content: bytes
    pages: int


def _row_cells(table: Table, values: dict, *, percentage: bool = False) -> list[str]:
    return [format_value(values.get(column.key), column, percentage=percentage) for column in table.columns]


def table_context(table: Table) -> dict:
    return {
        "id": table.id,
        "titel": table.titel,
        "toelichting": table.toelichting,
        "voetnoten": table.voetnoten,
        "columns": [column.label for column in table.columns],
        "rows": [
            {
                "label": row.label,
                "level": min(row.level, 3),
                "cells": _row_cells(table, row.values, percentage=row.percentage),
            }
            for row in table.rows
        ],
        "total": {"label": TOTAAL, "cells": _row_cells(table, table.total)} if table.has_total else None,
        "chart": mark_safe(table_chart(table)),  # noqa: S308 - built by svg.py, every text escaped
    }


def report_context(report: Report, *, databasis: str = "") -> dict:
    parts = [
        {"id": f"deel-{deel}", "titel": titel, "tables": [table_context(t) for t in report.part(deel)]}
        for deel, titel in PARTS
    ]
    other = [t for t in report.tables if t.deel not in dict(PARTS)]
    if other:
        parts.append({"id": "deel-overig", "titel": _("Overig"), "tables": [table_context(t) for t in other]})
    return {
        "report": report,
        "generated_at": timezone.localtime(report.generated_at),
        "parts": parts,
        "databasis": databasis,
    }


def render_html(report: Report, *, databasis: str = "") -> str:
    return render_to_string("reporting/pdf/jaarverslag.html", report_context(report, databasis=databasis))


def _refuse_urls(url, *args, **kwargs):
    # The document is self-contained: it never loads anything from a file or the network.
    raise ValueError("Het jaarverslag laadt geen externe bestanden.")


def render_pdf(report: Report, *, databasis: str = "") -> PdfResult:
    from weasyprint import HTML  # lazily: heavy, and only for the worker

    document = HTML(string=render_html(report, databasis=databasis), url_fetcher=_refuse_urls).render()
    return PdfResult(content=document.write_pdf(), pages=len(document.pages))
