"""The deadline badge of an open item (melding, aanvraag, traject) in lists.

A tag in Python rather than an included template: the werkvoorraad and caseload show it on every
row, and an include per row costs more than the rest of the row.
"""

from django import template
from django.utils.html import format_html
from django.utils.translation import gettext as _

from cases.constants import Signaal
from cases.templatetags.opmaak import datum

register = template.Library()

BADGES = {Signaal.VERLOPEN: "app-badge--danger", Signaal.BINNENKORT: "app-badge--warning"}


@register.simple_tag
def termijn_signaal(item) -> str:
    """'Termijn verstreken: eerste contact 21-11-2026' (or 'Termijn nadert: ...'), or nothing."""
    if item.signaal not in BADGES:
        return ""
    label = _("Termijn verstreken") if item.signaal == Signaal.VERLOPEN else _("Termijn nadert")
    return format_html(
        '<span class="app-badge {}">{}: {} {}</span>',
        BADGES[item.signaal],
        label,
        item.get_termijn_soort_display(),
        datum(item.termijn_op),
    )
