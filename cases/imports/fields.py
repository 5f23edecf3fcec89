"""Parsing and checking the cells of an import row; every problem is a Dutch message that says
what is wrong and what is allowed."""

from dataclasses import dataclass
from datetime import date, datetime

from django.utils.translation import gettext as _

from ..rules import is_valid_bsn

#: A value is shown in a problem with at most this many characters: a problem list repeats a
#: file's cells, and a 1 MB cell must not become a 1 MB problem (security round 2, point 7).
MAX_SHOWN_CHARS = 100
#: Dates outside these years are typing errors in this domain and overflow the date arithmetic
#: (ages, schooljaren, termijnen) near year 1 and 9999.
EARLIEST_DATE = date(1900, 1, 1)
LATEST_DATE = date(2099, 12, 31)
#: The largest number an integer column of the database holds (PostgreSQL `integer`).
MAX_INT = 2**31 - 1


def shorten(value: str) -> str:
    value = str(value)
    return value if len(value) <= MAX_SHOWN_CHARS else value[:MAX_SHOWN_CHARS] + "…"


@dataclass(frozen=True)
class Problem:
    row: int
    column: str
    value: str
    message: str

    def __post_init__(self):
        object.__setattr__(self, "value", shorten(self.value))
        object.__setattr__(self, "column", shorten(self.column))

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
    parsed = _date(value)
    if parsed is None:
        raise RowProblems(column, value, _("geen geldige datum; schrijf JJJJ-MM-DD (of DD-MM-JJJJ)."))
    if not EARLIEST_DATE <= parsed <= LATEST_DATE:
        raise RowProblems(
            column,
            value,
            _("datum buiten het toegestane bereik; gebruik een datum van %(van)s tot en met %(tot)s.")
            % {"van": EARLIEST_DATE.strftime("%d-%m-%Y"), "tot": LATEST_DATE.strftime("%d-%m-%Y")},
        )
    return parsed


def _date(value: str) -> date | None:
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
    return None


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
    if number > MAX_INT:
        raise RowProblems(
            column, value, _("te groot; het hoogste toegestane getal is %(max)s.") % {"max": MAX_INT}
        )
    return number


def check_length(column: str, value: str, max_length: int) -> str:
    """A text longer than its database column is a problem, not a 500 at the write."""
    if len(value) > max_length:
        raise RowProblems(
            column,
            value,
            _("te lang: %(n)s tekens; ten hoogste %(max)s toegestaan.")
            % {"n": len(value), "max": max_length},
        )
    return value


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
