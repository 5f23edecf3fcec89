"""Lists as CSV or XLSX, for the users who live in Excel. The caller logs the export.

Every cell goes through cases.spreadsheet, so no text can become a formula (CSV injection)."""

import csv
import io
from datetime import date

from django.http import HttpResponse
from django.utils import timezone

from .spreadsheet import safe_value, xlsx_row

MAX_EXPORT_ROWS = 50_000
FORMATS = ("csv", "xlsx")


def _cell(value):
    if value is None:
        return ""
    if isinstance(value, date):
        return value.strftime("%d-%m-%Y")
    return safe_value(value)


def tabular_response(*, basename: str, headers: list[str], rows, fmt: str) -> HttpResponse:
    """CSV in UTF-8 with BOM and semicolons (what Dutch Excel opens directly) or XLSX."""
    stamp = timezone.localdate().isoformat()
    if fmt == "xlsx":
        from openpyxl import Workbook

        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet(basename[:31])
        sheet.append(xlsx_row(sheet, headers))
        for row in rows:
            sheet.append(xlsx_row(sheet, [_cell(v) for v in row]))
        buffer = io.BytesIO()
        workbook.save(buffer)
        response = HttpResponse(
            buffer.getvalue(),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = f'attachment; filename="{basename}-{stamp}.xlsx"'
        return response
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow([_cell(h) for h in headers])
    writer.writerows([_cell(v) for v in row] for row in rows)
    response = HttpResponse(
        ("\ufeff" + buffer.getvalue()).encode("utf-8"), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{basename}-{stamp}.csv"'
    return response
