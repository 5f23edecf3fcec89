"""The fixed placeholders of letter templates, and their substitution.

A template is plain text with placeholders like `{{ jongere.naam }}`. Nothing is executed: a
regular expression replaces each known placeholder by its value, every character of the text
and of the values is HTML-escaped, and blank lines become paragraphs. A template that names an
unknown placeholder, or uses any other template syntax, is refused when it is saved.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

#: name -> what it holds (shown to the beheerder). Values not applicable to a letter are empty.
PLACEHOLDERS: dict[str, str] = {
    "jongere.naam": gettext_lazy("volledige naam van de jongere"),
    "jongere.voornamen": gettext_lazy("voornamen van de jongere"),
    "jongere.achternaam": gettext_lazy("achternaam (met tussenvoegsel) van de jongere"),
    "jongere.geboortedatum": gettext_lazy("geboortedatum van de jongere"),
    "jongere.adres": gettext_lazy("straat en huisnummer"),
    "jongere.postcode": gettext_lazy("postcode"),
    "jongere.woonplaats": gettext_lazy("woonplaats"),
    "ouders.aanhef": gettext_lazy(
        "de geadresseerde ouder(s), voor de aanhef (bijvoorbeeld 'mevrouw Visser'); zonder vastgelegde "
        "ouders: de ouder(s)/verzorger(s) van de jongere"
    ),
    "geadresseerde.naam": gettext_lazy("naam of namen van de ouder(s) aan wie deze brief gaat"),
    "school.naam": gettext_lazy("naam van de school (van de melding, anders de huidige inschrijving)"),
    "school.plaats": gettext_lazy("plaats van de school"),
    "melding.soort": gettext_lazy("soort melding"),
    "melding.ontvangen_op": gettext_lazy("datum waarop de melding binnenkwam"),
    "melding.verzuim_van": gettext_lazy("begin van de verzuimperiode"),
    "melding.verzuim_tot": gettext_lazy("einde van de verzuimperiode"),
    "melding.uren_verzuim": gettext_lazy("aantal uren verzuim"),
    "vrijstelling.grondslag": gettext_lazy("grondslag van de aanvraag"),
    "vrijstelling.aangevraagd_op": gettext_lazy("datum van de aanvraag"),
    "vrijstelling.besluit": gettext_lazy("het besluit"),
    "vrijstelling.besluit_op": gettext_lazy("datum van het besluit"),
    "vrijstelling.geldig_van": gettext_lazy("begin van de geldigheid"),
    "vrijstelling.geldig_tot": gettext_lazy("einde van de geldigheid"),
    "traject.doelgroep": gettext_lazy("doelgroep van het traject"),
    "datum.vandaag": gettext_lazy("datum van de brief"),
    "datum.bezwaartermijn": gettext_lazy("laatste dag om bezwaar te maken (zes weken na de brief)"),
    "medewerker.naam": gettext_lazy("naam van de medewerker die de brief maakt"),
    "medewerker.email": gettext_lazy("e-mailadres van die medewerker"),
    "organisatie.naam": gettext_lazy("naam van de organisatie"),
    "organisatie.adres": gettext_lazy("adres uit het briefhoofd"),
    "organisatie.telefoon": gettext_lazy("telefoonnummer uit het briefhoofd"),
    "organisatie.email": gettext_lazy("e-mailadres uit het briefhoofd"),
}

#: Anything between double braces; its inside must be one known placeholder.
PLACEHOLDER = re.compile(r"\{\{(.*?)\}\}", re.DOTALL)
#: Template syntax we do not support (tags, comments, stray braces left after the above).
FORBIDDEN = re.compile(r"\{%|%\}|\{#|#\}|\{\{|\}\}")


def allowed_list() -> str:
    return ", ".join("{{ %s }}" % name for name in PLACEHOLDERS)  # noqa: UP031 - braces


def validate_template_text(text: str) -> None:
    """Raise ValidationError (Dutch) naming any unknown placeholder or other template syntax."""
    unknown = []
    for match in PLACEHOLDER.finditer(text):
        name = match.group(1).strip()
        if name not in PLACEHOLDERS and name not in unknown:
            unknown.append(name)
    if unknown:
        raise ValidationError(
            _("Onbekende plaatshouder: %(namen)s. Toegestaan zijn: %(toegestaan)s.")
            % {"namen": ", ".join("{{ %s }}" % n for n in unknown), "toegestaan": allowed_list()},  # noqa: UP031
            code="onbekende_plaatshouder",
        )
    if FORBIDDEN.search(PLACEHOLDER.sub("", text)):
        raise ValidationError(
            _(
                "Alleen plaatshouders tussen dubbele accolades zijn toegestaan, zoals {{ jongere.naam }}; "
                "andere opdrachten ({%% … %%}, {# … #}) of losse accolades niet. Toegestaan zijn: %(toegestaan)s."
            )
            % {"toegestaan": allowed_list()},
            code="ongeldige_opmaak",
        )


def substitute(text: str, values: dict[str, str]) -> str:
    """Plain text with each placeholder replaced by its value (unknown ones stay empty)."""
    return PLACEHOLDER.sub(lambda m: str(values.get(m.group(1).strip(), "")), text)


def render_html(text: str, values: dict[str, str]) -> SafeString:
    """The body as HTML paragraphs: template text and values escaped, blank line = paragraph."""
    parts = []
    position = 0
    for match in PLACEHOLDER.finditer(text):
        parts.append(escape(text[position : match.start()]))
        parts.append(escape(str(values.get(match.group(1).strip(), ""))))
        position = match.end()
    parts.append(escape(text[position:]))
    html = "".join(parts).replace("\r\n", "\n")
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", html) if p.strip()]
    return mark_safe("".join(f"<p>{p.replace(chr(10), '<br>')}</p>" for p in paragraphs))  # noqa: S308 - escaped above
