"""Parsing and checking the cells of an import row; every problem is a Dutch message that says
what is wrong and what is allowed."""

from dataclasses import dataclass
from datetime import date, datetime

from django.utils.translation import gettext as _

from ..rules import is_valid_bsn


@dataclass(frozen=True)
class Problem:
    row: int
    column: str
    value: str
    message: str

    def __str__(self) -> str:
        where = _("rij %(row)s, kolom '%(column)s'") % {"row": self.row, "column": self.column}
        shown = f" ('{self.value}')" if self.value else ""
        return f"{where}{shown}: {self.message}"


class RowProblems(Exception):
    """Raised by a field parser; the importer collects them per row."""

    def __init__(self, column: str, value: str, message: str):
        super().__init__(message)
        self.column, self.value, self.message = column, value, message


def parse_date(column: str, value: str) -> date | None:
    if not value:
        return None
    if len(value) == 10 and value[4] == "-":
        try:
            return date.fromisoformat(value)  # the common case, fast
        except ValueError:
            pass
    for fmt in ("%Y-%m-%d", "%d-%m-%Y"):
        try:
            return datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    raise RowProblems(column, value, _("geen geldige datum; schrijf JJJJ-MM-DD (of DD-MM-JJJJ)."))


def parse_choice(column: str, value: str, allowed: list[str]) -> str:
    if value.lower() in allowed:
        return value.lower()
    raise RowProblems(
        column, value, _("onbekende code; toegestaan: %(allowed)s.") % {"allowed": ", ".join(allowed)}
    )


def parse_bool(column: str, value: str) -> bool | None:
    if not value:
        return None
    lowered = value.lower()
    if lowered in ("ja", "j", "1", "true"):
        return True
    if lowered in ("nee", "n", "0", "false"):
        return False
    raise RowProblems(column, value, _("vul 'ja' of 'nee' in (of laat leeg)."))


def parse_int(column: str, value: str, *, minimum: int = 0) -> int | None:
    if not value:
        return None
    try:
        number = int(value)
    except ValueError:
        raise RowProblems(column, value, _("geen geheel getal.")) from None
    if number < minimum:
        raise RowProblems(column, value, _("moet %(min)s of meer zijn.") % {"min": minimum})
    return number


def parse_bsn(column: str, value: str) -> str:
    digits = value.replace(" ", "").replace(".", "")
    if len(digits) == 8 and digits.isdigit():
        digits = "0" + digits  # leading zero lost by a spreadsheet
    if not is_valid_bsn(digits):
        raise RowProblems(column, value, _("geen geldig BSN: 9 cijfers die voldoen aan de elfproef."))
    return digits


def require(column: str, value: str) -> str:
    if not value:
        raise RowProblems(column, value, _("verplicht; deze cel is leeg."))
    return value


class RowProblemList(Exception):
    def __init__(self, problems: list[RowProblems]):
        super().__init__(f"{len(problems)} problems")
        self.problems = problems


class Cells:
    """Parses the cells of one row and collects every problem instead of stopping at the first:
    `value = cells(parse_date, "ontvangen_op", text)` gives None for a cell with a problem."""

    def __init__(self):
        self.problems: list[RowProblems] = []

    def __call__(self, func, *args, **kwargs):
        try:
            return func(*args, **kwargs)
        except RowProblems as exc:
            self.problems.append(exc)
            return None

    def add(self, column: str, value: str, message: str) -> None:
        self.problems.append(RowProblems(column, value, message))

    def done(self) -> None:
        if self.problems:
            raise RowProblemList(self.problems)


def required_choice(column: str, value: str, allowed: list[str]) -> str:
    return parse_choice(column, require(column, value), allowed)


def required_date(column: str, value: str) -> date:
    return parse_date(column, require(column, value))
