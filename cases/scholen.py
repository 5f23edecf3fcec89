"""Choosing a school: the typeahead (combobox) field, its search endpoint, and resolving what was typed.

The school register holds ~7,000 locations nationally, too many for one <select>. The field is a
text input; with JavaScript (static/js/combobox.js) it becomes an accessible combobox fed by
`school_zoeken`, which searches the organisation's own region first (schools in one of the
organisation's gemeenten, see `regio`) and then the national list, at most `MAX_RESULTATEN` matches in a
fixed number of queries. Without JavaScript the text typed (a BRIN code with or without vestiging,
or a name) is resolved on the server, with a Dutch message when it is unknown or ambiguous.

Schools are reference data without personal data; the endpoint still needs a login.
"""

import re
from datetime import date
from functools import reduce
from operator import or_

from django import forms
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import ValidationError
from django.db.models import Case, IntegerField, Q, Value, When
from django.http import JsonResponse
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from .models import Gemeente, Inschrijving, Organisatie, School

MAX_RESULTATEN = 20
MIN_TEKENS = 2
MAX_KANDIDATEN = 5  # named in the message when a typed name fits more than one school
# A BRIN code (4 characters), optionally followed by the 2-digit vestiging number.
BRIN = re.compile(r"([0-9A-Z]{4})(\d{2})?")
# The code in a label as the combobox writes it: "Naam (12AB00), Plaats".
CODE_IN_LABEL = re.compile(r"\(([0-9A-Z]{4}(?:\d{2})?)\)")


def school_label(school: School) -> str:
    """What the field shows for a chosen school; `school_oplossen` reads it back by its code."""
    label = f"{school.naam} ({school.brin}{school.vestiging})"
    return f"{label}, {school.plaats}" if school.plaats else label


def regio(organisatie: Organisatie | int | None) -> Q | None:
    """The schools in the organisation's gemeenten, as a filter; None when it has none. A school is
    there when DUO's register puts it in one of them (`School.gemeente`, manage.py import_scholen);
    a school without a gemeente (added by hand) when its plaats is named as one of them. One query:
    the organisation's gemeenten."""
    if organisatie is None:
        return None
    pk = organisatie.pk if isinstance(organisatie, Organisatie) else organisatie
    gemeenten = list(Gemeente.objects.filter(organisaties=pk).values_list("pk", "naam"))
    if not gemeenten:
        return None
    op_plaats = reduce(or_, (Q(plaats__iexact=naam) for _pk, naam in gemeenten))
    return Q(gemeente__in=[gemeente for gemeente, _naam in gemeenten]) | (
        Q(gemeente__isnull=True) & op_plaats
    )


def in_regio(organisatie: Organisatie | int | None, school: School) -> bool:
    """`school` lies in one of the organisation's gemeenten (see `regio`)."""
    filter_ = regio(organisatie)
    return filter_ is not None and School.objects.filter(filter_, pk=school.pk).exists()


def _met_regio(queryset, filter_: Q | None):
    return queryset.annotate(
        buiten_regio=Case(When(filter_, then=Value(0)), default=Value(1), output_field=IntegerField())
        if filter_ is not None
        else Value(1, output_field=IntegerField()),
    )


def scholen_zoeken(
    organisatie: Organisatie | int | None, tekst: str, limit: int = MAX_RESULTATEN
) -> list[School]:
    """Schools whose name, plaats or BRIN code fit `tekst`: the region's first, then the rest of
    the country; names that start with the text before names that only contain it. Two queries
    (the region's gemeenten, the schools), however many schools there are."""
    tekst = " ".join(tekst.split())
    if len(tekst) < MIN_TEKENS:
        return []
    query = Q(naam__icontains=tekst) | Q(plaats__icontains=tekst)
    code = tekst.upper().replace(" ", "")
    match = BRIN.fullmatch(code)
    if match:
        query |= Q(brin=match[1], vestiging=match[2]) if match[2] else Q(brin=match[1])
    schools = _met_regio(School.objects.filter(query), regio(organisatie)).annotate(
        begint_niet=Case(
            When(naam__istartswith=tekst, then=Value(0)), default=Value(1), output_field=IntegerField()
        )
    )
    return list(schools.order_by("buiten_regio", "begint_niet", "naam", "brin", "vestiging")[:limit])


def school_oplossen(organisatie: Organisatie | int | None, tekst: str) -> School | None:
    """The school meant by what was typed: a BRIN code (with or without vestiging), a label as
    the combobox writes it, or a name. Raises a Dutch ValidationError when unknown or ambiguous."""
    tekst = " ".join(tekst.split())
    if not tekst:
        return None
    code = tekst.upper().replace(" ", "")
    in_label = CODE_IN_LABEL.search(tekst.upper())
    match = BRIN.fullmatch(code) or (BRIN.fullmatch(in_label[1]) if in_label else None)
    if match:
        filters = {"brin": match[1]} if match[2] is None else {"brin": match[1], "vestiging": match[2]}
        kandidaten = list(School.objects.filter(**filters).order_by("vestiging")[: MAX_KANDIDATEN + 1])
        if len(kandidaten) == 1:
            return kandidaten[0]
        if kandidaten:
            raise ValidationError(_meer_dan_een(kandidaten), code="meerdere")
        if any(c.isdigit() for c in match[0]):
            raise ValidationError(
                _(
                    "Er is geen school met BRIN-code %(code)s. Controleer de code of zoek op de naam van de school."
                )
                % {"code": match[0]},
                code="onbekend",
            )
        # Four letters without a school of that code ("Hoek"): read it as (part of) a name.
    kandidaten = list(
        _met_regio(School.objects.filter(naam__iexact=tekst), regio(organisatie)).order_by(
            "buiten_regio", "naam", "brin"
        )[: MAX_KANDIDATEN + 1]
    )
    if not kandidaten:
        kandidaten = scholen_zoeken(organisatie, tekst, limit=MAX_KANDIDATEN + 1)
    if not kandidaten:
        raise ValidationError(
            _(
                "Er is geen school gevonden bij “%(tekst)s”. Typ een deel van de naam en kies uit de lijst, "
                "of vul de BRIN-code met vestigingsnummer in (bijvoorbeeld 12AB00)."
            )
            % {"tekst": tekst},
            code="onbekend",
        )
    in_regio = [s for s in kandidaten if s.buiten_regio == 0]
    if len(kandidaten) == 1:
        return kandidaten[0]
    if len(in_regio) == 1 and kandidaten[0].naam.lower() == tekst.lower():
        # The same name elsewhere in the country: the region's school is the one meant.
        return in_regio[0]
    raise ValidationError(_meer_dan_een(kandidaten), code="meerdere")


def _meer_dan_een(kandidaten: list[School]) -> str:
    namen = "; ".join(school_label(s) for s in kandidaten[:MAX_KANDIDATEN])
    if len(kandidaten) > MAX_KANDIDATEN:
        namen += "; …"
    return _(
        "Meer dan één school past bij wat u typte: %(namen)s. "
        "Vul de BRIN-code met vestigingsnummer in (bijvoorbeeld 12AB00) of kies uit de lijst."
    ) % {"namen": namen}


def huidige_inschrijving(jongere, op: date) -> Inschrijving | None:
    """The enrolment that runs on `op` (the latest started, if two overlap), with its school."""
    return (
        Inschrijving.objects.filter(jongere=jongere, van__lte=op)
        .filter(Q(tot__isnull=True) | Q(tot__gte=op))
        .select_related("school")
        .order_by("-van", "-pk")
        .first()
    )


class SchoolCombobox(forms.TextInput):
    """A text input that static/js/combobox.js turns into a combobox (ARIA 1.2 pattern)."""

    template_name = "cases/widgets/school_combobox.html"

    def __init__(self, attrs=None):
        super().__init__(attrs={"autocomplete": "off", "spellcheck": "false", **(attrs or {})})

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["zoek_url"] = reverse_lazy("school_zoeken")
        return context


class SchoolField(forms.CharField):
    """A school chosen by typing: cleans to a School (or None), region first. The form sets
    `organisatie` so that a name found in the region and elsewhere means the region's school."""

    widget = SchoolCombobox

    def __init__(self, *, organisatie: Organisatie | int | None = None, **kwargs):
        kwargs.setdefault(
            "help_text",
            gettext_lazy("Typ een deel van de naam, de plaats of de BRIN-code en kies uit de lijst."),
        )
        super().__init__(**kwargs)
        self.organisatie = organisatie

    def prepare_value(self, value):
        if isinstance(value, School):
            return school_label(value)
        if isinstance(value, int) or (isinstance(value, str) and value.isdigit()):
            school = School.objects.filter(pk=int(value)).first()
            return school_label(school) if school else ""
        return value

    def to_python(self, value):
        if isinstance(value, School):
            return value
        # What was typed is only read here, never stored: a long text is cut, not refused.
        return school_oplossen(self.organisatie, (super().to_python(value) or "")[:300])

    def has_changed(self, initial, data):
        return self.prepare_value(initial) != (data or "")


@login_required
@permission_required("cases.view_school", raise_exception=True)
@require_GET
def school_zoeken(request):
    """Up to MAX_RESULTATEN schools for the combobox, the user's region first, as JSON."""
    scholen = scholen_zoeken(request.user.organisatie, request.GET.get("q", "")[:100])
    return JsonResponse(
        {
            "resultaten": [
                {"id": s.pk, "label": school_label(s), "regio": s.buiten_regio == 0} for s in scholen
            ]
        }
    )
