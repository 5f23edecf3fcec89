"""The spreadsheet export: one sheet per table, named after the table's Dutch title.

Row 1 holds the same predictable keys as the JSON export (`label`, then the column keys), then
one row per table row and a `Totaal` row. Below the table, after an empty row, the cells
`tabel_id` | id and `titel` | title say which table it is, so the stable id stays readable by a
program; the first sheet `Inhoud` lists every sheet with its id. Numbers stay numbers; an
unknown value ('n.b.') is an empty cell; every text cell is safe to open (cases.spreadsheet).
"""

import re
from decimal import Decimal
from io import BytesIO

from django.utils.translation import gettext as _

from cases.spreadsheet import safe_text, xlsx_row
from reporting.tables.base import TOTAAL, Report, Table

MAX_SHEET_NAME = 31  # Excel's limit
LABEL_KEY = "label"
ID_KEY = "tabel_id"
TITLE_KEY = "titel"
#: Characters Excel does not allow in a sheet name.
FORBIDDEN = re.compile(r"[\\/*?:\[\]]")


def _short(title: str, limit: int) -> str:
    """The title cut at a word boundary to fit `limit` characters."""
    # Excel refuses an apostrophe at the start or end of a sheet name, not inside it.
    title = " ".join(FORBIDDEN.sub(" ", title).split()).strip("'")
    if len(title) <= limit:
        return title
    cut = title[:limit] if title[limit] == " " else title[:limit].rsplit(" ", 1)[0]
    return (cut if len(cut) >= limit // 2 else title[:limit]).strip("'")


def sheet_names(report: Report) -> dict[str, str]:
    """Table id -> sheet name: the Dutch title, shortened to 31 characters and made unique
    (Excel compares sheet names without regard to case)."""
    names: dict[str, str] = {}
    used: set[str] = {_("Inhoud").lower()}
    for table in report.tables:
        name = _short(str(table.titel), MAX_SHEET_NAME) or table.id[:MAX_SHEET_NAME]
        counter = 2
        while name.lower() in used:
            suffix = f" ({counter})"
            name = _short(str(table.titel), MAX_SHEET_NAME - len(suffix)) + suffix
            counter += 1
        used.add(name.lower())
        names[table.id] = name
    return names


def _cell(value):
    if isinstance(value, Decimal):
        return float(value)
    if value is None or isinstance(value, int | float):
        return value
    return safe_text(value)  # e.g. a lazily translated text


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
        if row.percentage:
            for cell in sheet[sheet.max_row][1:]:
                cell.number_format = '0.0"%"'

    if table.has_total:
        sheet.append(xlsx_row(sheet, [TOTAAL, *(_cell(table.total.get(key)) for key in keys)]))
        for cell in sheet[sheet.max_row]:
            cell.font = bold
    last_data_row = sheet.max_row
    for index, column in enumerate(table.columns, start=2):
        if column.percentage:
            for (cell,) in sheet.iter_rows(min_row=2, max_row=last_data_row, min_col=index, max_col=index):
                cell.number_format = "0.0"
    sheet.append([])
    sheet.append([ID_KEY, table.id])
    sheet.append([TITLE_KEY, safe_text(table.titel)])
    for note in table.voetnoten:
        sheet.append([_("voetnoot"), safe_text(note)])
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
    inhoud = workbook.create_sheet(_("Inhoud"))
    inhoud.append([_("werkblad"), ID_KEY, TITLE_KEY])
    for table in report.tables:
        inhoud.append([safe_text(names[table.id]), table.id, safe_text(table.titel)])
        _fill_sheet(workbook.create_sheet(names[table.id]), table)
    for message in report.controle:
        inhoud.append([_("controle"), "", safe_text(message)])
    inhoud.column_dimensions["A"].width = 34
    inhoud.column_dimensions["C"].width = 70
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
