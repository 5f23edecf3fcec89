"""The spreadsheet export: one sheet per table, named after the table id.

Row 1 holds the same predictable keys as the JSON export (`label`, then the column keys), then
one row per table row and a `Totaal` row. Numbers stay numbers; an unknown value ('n.b.') is an
empty cell. The title is the sheet's print header and a comment on A1. Labels (code-list texts
an organisation chose) go through cases.spreadsheet: written as text, never as a formula.
"""

from decimal import Decimal
from io import BytesIO

from cases.spreadsheet import xlsx_row
from reporting.tables.base import TOTAAL, Report, Table

MAX_SHEET_NAME = 31  # Excel's limit
LABEL_KEY = "label"


def sheet_names(report: Report) -> dict[str, str]:
    """Table id -> sheet name: the id, cut to 31 characters and made unique."""
    names: dict[str, str] = {}
    used: set[str] = set()
    for table in report.tables:
        name = table.id[:MAX_SHEET_NAME]
        counter = 2
        while name in used:
            suffix = f"_{counter}"
            name = table.id[: MAX_SHEET_NAME - len(suffix)] + suffix
            counter += 1
        used.add(name)
        names[table.id] = name
    return names


def _cell(value):
    if isinstance(value, Decimal):
        return float(value)
    if value is None or isinstance(value, int | float):
        return value
    return str(value)  # e.g. a lazily translated text


def _fill_sheet(sheet, table: Table) -> None:
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Font

    bold = Font(bold=True)
    keys = [column.key for column in table.columns]
    sheet.append(xlsx_row(sheet, [LABEL_KEY, *(str(key) for key in keys)]))
    for cell in sheet[1]:
        cell.font = bold
    for row in table.rows:
        sheet.append(xlsx_row(sheet, [str(row.label), *(_cell(row.values.get(key)) for key in keys)]))
        if row.level:
            sheet.cell(row=sheet.max_row, column=1).alignment = Alignment(indent=row.level)
    if table.has_total:
        sheet.append(xlsx_row(sheet, [TOTAAL, *(_cell(table.total.get(key)) for key in keys)]))
        for cell in sheet[sheet.max_row]:
            cell.font = bold
    for index, column in enumerate(table.columns, start=2):
        if column.percentage:
            for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
                cell.number_format = "0.0"
    sheet.freeze_panes = "B2"
    sheet.column_dimensions["A"].width = min(
        60, max([len(LABEL_KEY), *(len(str(r.label)) for r in table.rows)]) + 2
    )
    sheet["A1"].comment = Comment(str(table.titel), "jaarverslag")
    sheet.oddHeader.center.text = str(table.titel)


def render_xlsx(report: Report) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.remove(workbook.active)
    workbook.properties.title = f"Jaarverslag {report.organisatie_naam} {report.schooljaar}"
    workbook.properties.creator = report.organisatie_naam
    names = sheet_names(report)
    for table in report.tables:
        _fill_sheet(workbook.create_sheet(names[table.id]), table)
    if not report.tables:
        workbook.create_sheet("leeg")
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
