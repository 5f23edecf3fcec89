"""The words of the jaarverslag: Markdown the teamleider writes, made safe, and the BSN warning.

Texts are stored per organisation, schooljaar and place (`sleutel`): `voorwoord`, `deel:<deel>`
for the introduction of a part, `tabel:<table id>` for the toelichting under a table. The
Markdown is converted and then sanitised with an allow-list (nh3), so a text can never carry a
script, a style or a link that makes the self-contained PDF load something.
"""

import re

from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from cases.rules import is_valid_bsn

from .tables.base import DOORSTROOM, LEERPLICHT

VOORWOORD = "voorwoord"
DELEN = [(LEERPLICHT, "Leerplicht"), (DOORSTROOM, "Doorstroompunt")]

#: What a text may contain after conversion: structure and emphasis, nothing that loads or runs.
ALLOWED_TAGS = {"p", "br", "strong", "em", "b", "i", "ul", "ol", "li", "blockquote", "h3", "h4"}
#: The longest text per place, so one paste cannot blow up the PDF.
MAX_LENGTE = 20_000

# Nine digits, possibly written in groups with spaces or dots (123 456 782, 123.45.6782).
BSN_LIKE = re.compile(r"(?<![\d.])\d(?:[ .]?\d){8}(?![\d])")


def deel_sleutel(deel: str) -> str:
    return f"deel:{deel}"


def tabel_sleutel(table_id: str) -> str:
    return f"tabel:{table_id}"


def to_html(text: str) -> SafeString:
    """Markdown -> sanitised HTML. Headings # and ## become h3 (a text sits below the report's
    own h1/h2 headings, so it cannot break the document outline)."""
    import markdown
    import nh3

    if not text.strip():
        return mark_safe("")  # noqa: S308 - empty
    html = markdown.markdown(text, extensions=[], output_format="html")
    html = re.sub(r"<(/?)h[12]>", r"<\1h3>", html)
    html = re.sub(r"<(/?)h[56]>", r"<\1h4>", html)
    clean = nh3.clean(html, tags=ALLOWED_TAGS, attributes={}, link_rel=None)
    return mark_safe(clean)  # noqa: S308 - sanitised by nh3 with an allow-list without attributes


def bsn_like_numbers(text: str) -> list[str]:
    """The numbers in `text` that pass the BSN elfproef (cases.rules.is_valid_bsn), masked
    except their last two digits so the warning itself does not repeat them."""
    found = []
    for match in BSN_LIKE.finditer(text):
        digits = re.sub(r"\D", "", match.group())
        if is_valid_bsn(digits):
            found.append("•••••••" + digits[-2:])
    return found


def bsn_warning(text: str) -> str | None:
    numbers = bsn_like_numbers(text)
    if not numbers:
        return None
    return _(
        "Deze tekst bevat een nummer dat op een burgerservicenummer lijkt (%(nummers)s). Een BSN hoort "
        "niet in een openbaar jaarverslag: haal het weg, tenzij u zeker weet dat het geen BSN is."
    ) % {"nummers": ", ".join(numbers)}
