"""The machine-readable export: one object per table id, numbers as JSON numbers.

    {"organisatie": ..., "schooljaar": ..., "tabellen": {TABLE_ID: {"titel": ..., "kolommen": [...],
     "rijen": [{"label": ..., "waarden": {COLUMN: number}}], "totaal": {COLUMN: number}}}}

Counts are integers, percentages numbers, an unknown value ('n.b.') is null. A table of key
figures without a meaningful total has "totaal": null.
"""

import json
from decimal import Decimal

from reporting.tables.base import Report, Table


def _number(value):
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def _values(table: Table, values: dict) -> dict:
    """Every column of the table (null where absent), then any extra key the row carries."""
    result = {str(column.key): _number(values.get(column.key)) for column in table.columns}
    result.update({str(key): _number(value) for key, value in values.items() if key not in result})
    return result


def table_data(table: Table) -> dict:
    return {
        "titel": str(table.titel),
        "kolommen": [str(column.key) for column in table.columns],
        "rijen": [{"label": str(row.label), "waarden": _values(table, row.values)} for row in table.rows],
        "totaal": _values(table, table.total) if table.has_total else None,
    }


def render_json(report: Report) -> dict:
    """The export as a JSON-ready dict."""
    return {
        "organisatie": str(report.organisatie_naam),
        "schooljaar": str(report.schooljaar),
        "tabellen": {table.id: table_data(table) for table in report.tables},
    }


def render_json_bytes(report: Report) -> bytes:
    """The export as the UTF-8 file a user downloads."""
    return json.dumps(render_json(report), ensure_ascii=False, indent=2).encode("utf-8")
