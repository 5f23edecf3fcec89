"""Reading an import file: CSV (UTF-8, optional BOM, comma or semicolon) or XLSX, header row.

The limits below are checked while reading, before a table is built: a small file must not
make the server pad every row to 16,384 columns, hold a 10 MB line of commas as ten million
cells, or copy a 1 MB cell into every problem (security round 2, point 7).
"""

import csv
import io
import zipfile
from dataclasses import dataclass

from django.utils.translation import gettext as _

#: The widest format has 19 columns; more than this is not an import file of ours.
MAX_COLUMNS = 50
#: Data rows per file (at ~2,300 rows/s an import of this size takes about a minute and a half).
MAX_ROWS = 200_000
#: Characters per cell; the longest database text an import writes has 200.
MAX_CELL_CHARS = 1000
#: A physical CSV line longer than this cannot be MAX_COLUMNS cells of MAX_CELL_CHARS (quoted).
MAX_LINE_CHARS = MAX_COLUMNS * (MAX_CELL_CHARS + 3)
#: Unpacked size of an XLSX (a zip): refuses a small file that unpacks to gigabytes.
MAX_XLSX_UNPACKED_BYTES = 300 * 1024 * 1024
#: Marks a row whose cells broke a limit: {"__te_veel__": extra cells, "__te_lang__": columns}.
TOO_MANY = "__te_veel__"
TOO_LONG = "__te_lang__"


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
    end_of_first_line = text.find("\n")
    first_line = text[: end_of_first_line if end_of_first_line >= 0 else len(text)]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.reader(_guarded_lines(text), delimiter=delimiter)
    headers = None
    rows = []
    try:
        for number, record in enumerate(reader, start=1):
            if headers is None:
                headers = _headers(record)
                continue
            if not any(cell.strip() for cell in record):
                continue  # blank line
            _count_row(rows)
            values = {h: (record[i].strip() if i < len(record) else "") for i, h in enumerate(headers)}
            extra = record[len(headers) : len(headers) + MAX_COLUMNS]
            if any(cell.strip() for cell in extra):
                values[TOO_MANY] = ";".join(extra)[:MAX_CELL_CHARS]
            rows.append((number, _capped(values)))
    except csv.Error as exc:
        raise UnreadableFile(_("Het CSV-bestand is niet te lezen: %(fout)s.") % {"fout": exc}) from exc
    return Table(headers or [], rows)


def _guarded_lines(text: str):
    """The file's lines for the csv reader, refusing one too long to be a row of ours before
    the reader splits it into cells."""
    for number, line in enumerate(io.StringIO(text, newline=""), start=1):
        if len(line) > MAX_LINE_CHARS:
            raise UnreadableFile(
                _(
                    "Regel %(n)s is langer dan %(max)s tekens; een importbestand heeft ten hoogste "
                    "%(cols)s kolommen van %(cell)s tekens."
                )
                % {"n": number, "max": MAX_LINE_CHARS, "cols": MAX_COLUMNS, "cell": MAX_CELL_CHARS}
            )
        yield line


def _headers(record) -> list[str]:
    headers = [str(h or "").strip().lower() for h in record]
    while headers and not headers[-1]:
        headers.pop()  # trailing empty header cells (a spreadsheet's formatting)
    if len(headers) > MAX_COLUMNS:
        raise UnreadableFile(
            _("De kopregel heeft %(n)s kolommen; ten hoogste %(max)s zijn toegestaan.")
            % {"n": len(headers), "max": MAX_COLUMNS}
        )
    return headers


def _count_row(rows: list) -> None:
    if len(rows) >= MAX_ROWS:
        raise UnreadableFile(
            _("Het bestand heeft meer dan %(max)s gegevensregels; splits het in kleinere bestanden.")
            % {"max": f"{MAX_ROWS:,}".replace(",", ".")}
        )


def _capped(values: dict[str, str]) -> dict[str, str]:
    """Cut cells over MAX_CELL_CHARS and name their columns, so the row gets a problem."""
    too_long = [h for h, v in values.items() if len(v) > MAX_CELL_CHARS and h != TOO_MANY]
    if too_long:
        for h in too_long:
            values[h] = values[h][:MAX_CELL_CHARS]
        values[TOO_LONG] = ";".join(too_long)
    return values


def _read_xlsx(data: bytes) -> Table:
    from openpyxl import load_workbook

    unreadable = UnreadableFile(_("Het Excel-bestand (.xlsx) is niet te openen."))
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, ValueError) as exc:
        raise unreadable from exc
    if unpacked > MAX_XLSX_UNPACKED_BYTES:
        raise UnreadableFile(
            _("Het Excel-bestand is uitgepakt groter dan %(mb)s MB; sla het op als CSV of splits het.")
            % {"mb": MAX_XLSX_UNPACKED_BYTES // (1024 * 1024)}
        )
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        sheet = workbook.worksheets[0]
        # The sheet's declared dimension is the file's word, not its content: padding every row
        # to a declared 16,384 columns or 1,048,576 rows costs seconds per thousand rows.
        sheet.reset_dimensions()
        records = sheet.iter_rows(max_col=MAX_COLUMNS + 1, values_only=True)
        first = next(records, None)
    except UnreadableFile:
        raise
    except Exception as exc:  # openpyxl raises several types for a broken file
        raise unreadable from exc
    if first is None:
        raise UnreadableFile(_("Het bestand is leeg."))
    headers = _headers(first)
    rows = []
    try:
        for number, record in enumerate(records, start=2):
            if number > 2 * MAX_ROWS:
                # Rows far past the limit, even empty ones, are not a file of ours.
                raise UnreadableFile(
                    _("Het bestand heeft meer dan %(max)s regels; splits het in kleinere bestanden.")
                    % {"max": f"{2 * MAX_ROWS:,}".replace(",", ".")}
                )
            cells = ["" if v is None else _cell_text(v) for v in record]
            if not any(cells):
                continue
            _count_row(rows)
            values = {h: (cells[i] if i < len(cells) else "") for i, h in enumerate(headers)}
            rows.append((number, _capped(values)))
    except UnreadableFile:
        raise
    except Exception as exc:
        raise unreadable from exc
    return Table(headers, rows)


def _cell_text(value) -> str:
    from datetime import date, datetime

    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    # One over the limit is enough to flag the cell; a 1 MB shared string is not copied per row.
    return str(value)[: MAX_CELL_CHARS + 1].strip()
