"""What leerplicht adds to letters (cases/letters): meldingen and vrijstellingen as sources.

A letter on a melding records its action through `melding_actie_register`, exactly as a case
worker does by hand: a waarschuwingsbrief is the melding's formele waarschuwing."""

from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from cases import services as case_services
from cases.constants import BriefSoort
from cases.registry import LetterSource

from . import services
from .models import Melding, Vrijstelling
from .services import PURPOSE


def _date(value) -> str:
    return date_format(value, "j F Y") if value else ""


def _load_melding(user, pk: int) -> Melding:
    return (
        Melding.objects.visible_to(user).select_related("dossier__jongere__organisatie", "school").get(pk=pk)
    )


def _melding_values(melding: Melding) -> dict[str, str]:
    values = {
        "melding.soort": melding.get_soort_display(),
        "melding.ontvangen_op": _date(melding.ontvangen_op),
        "melding.verzuim_van": _date(melding.verzuim_van),
        "melding.verzuim_tot": _date(melding.verzuim_tot),
        "melding.uren_verzuim": "" if melding.uren_verzuim is None else str(melding.uren_verzuim),
    }
    if melding.school:
        values["school.naam"] = melding.school.naam
        values["school.plaats"] = melding.school.plaats
    return values


def _melding_action(*, actor, obj: Melding, soort, datum, omschrijving):
    link = services.melding_actie_register(
        actor=actor, melding_id=obj.pk, soort=soort, datum=datum, omschrijving=omschrijving
    )
    return link.actie


def _load_vrijstelling(user, pk: int) -> Vrijstelling:
    return Vrijstelling.objects.visible_to(user).select_related("dossier__jongere__organisatie").get(pk=pk)


def _vrijstelling_values(vrijstelling: Vrijstelling) -> dict[str, str]:
    return {
        "vrijstelling.grondslag": vrijstelling.get_grondslag_display(),
        "vrijstelling.aangevraagd_op": _date(vrijstelling.aangevraagd_op),
        "vrijstelling.besluit": vrijstelling.get_besluit_display() if vrijstelling.besluit else "",
        "vrijstelling.besluit_op": _date(vrijstelling.besluit_op),
        "vrijstelling.geldig_van": _date(vrijstelling.geldig_van),
        "vrijstelling.geldig_tot": _date(vrijstelling.geldig_tot),
    }


def _vrijstelling_action(*, actor, obj: Vrijstelling, soort, datum, omschrijving):
    return case_services.actie_register(
        actor=actor, dossier=obj.dossier, soort=soort, datum=datum, omschrijving=omschrijving, purpose=PURPOSE
    )


def _vrijstelling_refusal(vrijstelling: Vrijstelling, soort: str) -> str | None:
    if soort == BriefSoort.BESLUIT_VRIJSTELLING and not vrijstelling.besluit:
        return _("Leg eerst het besluit vast; daarna kunt u de besluitbrief maken.")
    return None


MELDING = LetterSource(
    key="melding",
    soorten=(BriefSoort.UITNODIGING_VERZUIMGESPREK, BriefSoort.WAARSCHUWING, BriefSoort.KENNISGEVING_SCHOOL),
    permission="leerplicht.change_melding",
    purpose=PURPOSE,
    load=_load_melding,
    dossier=lambda melding: melding.dossier,
    values=_melding_values,
    record_action=_melding_action,
    url=lambda melding: reverse("melding", args=[melding.pk]),
)

VRIJSTELLING = LetterSource(
    key="vrijstelling",
    soorten=(BriefSoort.BESLUIT_VRIJSTELLING,),
    permission="leerplicht.change_vrijstelling",
    purpose=PURPOSE,
    load=_load_vrijstelling,
    dossier=lambda vrijstelling: vrijstelling.dossier,
    values=_vrijstelling_values,
    record_action=_vrijstelling_action,
    url=lambda vrijstelling: reverse("vrijstelling", args=[vrijstelling.pk]),
    refusal=_vrijstelling_refusal,
)
