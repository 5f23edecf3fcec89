"""Formatting filters for every template (a builtin, see TEMPLATES in the settings).

`datum` writes a date as dd-mm-jjjj, as Dutch forms and letters do. It does what
`|date:"d-m-Y"` does in a tenth of the time: the lists show two or three dates on each of
their 25 rows, and Django's format parser costs ~20 µs per date.
"""

from datetime import date, datetime

from django import template
from django.utils import timezone

register = template.Library()


@register.filter
def datum(value) -> str:
    """'07-03-2026' for a date or datetime (in local time), '' for anything else."""
    if isinstance(value, datetime):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
    if not isinstance(value, date):
        return ""
    return f"{value.day:02d}-{value.month:02d}-{value.year:04d}"
