"""Reading an import file: CSV (UTF-8, optional BOM, comma or semicolon) or XLSX, header row."""

import csv
import io
from dataclasses import dataclass

from django.utils.translation import gettext as _


class UnreadableFile(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass
class Table:
    headers: list[str]
    #: (row number as the user sees it in the file, {column: text})
    rows: list[tuple[int, dict[str, str]]]


def read_table(data: bytes, filename: str) -> Table:
    if filename.lower().endswith(".xlsx"):
        return _read_xlsx(data)
    return _read_csv(data)


def _read_csv(data: bytes) -> Table:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UnreadableFile(
            _("Het bestand is geen UTF-8-tekst. Sla het op als 'CSV UTF-8' en probeer het opnieuw.")
        ) from exc
    if not text.strip():
        raise UnreadableFile(_("Het bestand is leeg."))
    if "\x00" in text:
        # A NUL character means a binary file; PostgreSQL cannot store it in text either.
        raise UnreadableFile(
            _("Het bestand bevat onleesbare tekens en lijkt geen CSV-bestand. Sla het op als 'CSV UTF-8'.")
        )
    first_line = text.splitlines()[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        records = list(reader)
    except csv.Error as exc:
        raise UnreadableFile(_("Het CSV-bestand is niet te lezen: %(fout)s.") % {"fout": exc}) from exc
    headers = [h.strip().lower() for h in records[0]]
    rows = []
    for number, record in enumerate(records[1:], start=2):
        if not any(cell.strip() for cell in record):
            continue  # blank line
        values = {h: (record[i].strip() if i < len(record) else "") for i, h in enumerate(headers)}
        if len(record) > len(headers):
            values["__te_veel__"] = ";".join(record[len(headers) :])
        rows.append((number, values))
    return Table(headers, rows)


def _read_xlsx(data: bytes) -> Table:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises several types for a broken file
        raise UnreadableFile(_("Het Excel-bestand (.xlsx) is niet te openen.")) from exc
    sheet = workbook.worksheets[0]
    records = list(sheet.iter_rows(values_only=True))
    if not records:
        raise UnreadableFile(_("Het bestand is leeg."))
    headers = [str(h or "").strip().lower() for h in records[0]]
    rows = []
    for number, record in enumerate(records[1:], start=2):
        cells = ["" if v is None else _cell_text(v) for v in record]
        if not any(cells):
            continue
        rows.append((number, {h: (cells[i] if i < len(cells) else "") for i, h in enumerate(headers)}))
    return Table(headers, rows)


def _cell_text(value) -> str:
    from datetime import date, datetime

    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()
