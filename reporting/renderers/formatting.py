"""Dutch number notation for the PDF: `2.318`, `29,9%`, `n.b.` for an unknown value."""

from decimal import Decimal

from django.utils.translation import gettext as _

from reporting.tables.base import Column


def not_available() -> str:
    return _("n.b.")


def format_int(value: int) -> str:
    text = f"{abs(value):,}".replace(",", ".")
    return f"-{text}" if value < 0 else text


def format_decimal(value: float | Decimal, decimals: int = 1) -> str:
    text = f"{abs(value):,.{decimals}f}".translate(str.maketrans({",": ".", ".": ","}))
    return f"-{text}" if value < 0 else text


def format_value(value, column: Column | None = None, *, percentage: bool = False) -> str:
    """One cell: integers with a thousands dot, percentages with one decimal comma and `%`.
    `percentage` marks a row of percentages (e.g. the vsv-percentage among key figures)."""
    if value is None:
        return not_available()
    if (column is not None and column.percentage) or (percentage and isinstance(value, int | float)):
        return f"{format_decimal(value)}%"
    if isinstance(value, bool):
        return str(int(value))
    if isinstance(value, int):
        return format_int(value)
    if isinstance(value, Decimal | float):
        if value == int(value):
            return format_int(int(value))
        return format_decimal(value)
    return str(value)
