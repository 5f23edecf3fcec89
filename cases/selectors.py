"""Reads that more than one caller needs. Every one starts from `visible_to(user)`."""

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from . import registry
from .models import Actie, Dossier, Jongere, SchoolVakantie, Toewijzing
from .registry import TimelineEntry
from .werkdagen import Kalender


def jongeren_for(user) -> QuerySet[Jongere]:
    return Jongere.objects.visible_to(user).select_related("woongemeente")


def dossier_for(user, pk: int) -> Dossier:
    """The dossier with its jongere, or Dossier.DoesNotExist when not visible."""
    return (
        Dossier.objects.visible_to(user)
        .select_related("jongere", "jongere__woongemeente", "jongere__organisatie")
        .get(pk=pk)
    )


def timeline_for(user, dossier: Dossier) -> list[TimelineEntry]:
    """Everything on the dossier, newest first: core actions plus what the team apps provide.

    Each provider runs a fixed number of queries, so the page does not grow with the history.
    """
    entries = [
        TimelineEntry(
            datum=actie.datum,
            titel=actie.get_soort_display(),
            omschrijving=actie.omschrijving,
            door=actie.gebruiker.get_full_name() or actie.gebruiker.get_username(),
            soort="actie",
        )
        for actie in Actie.objects.visible_to(user).filter(dossier=dossier).select_related("gebruiker")
    ]
    entries.extend(
        TimelineEntry(
            datum=toewijzing.tijdstip.date(),
            titel=_("%(onderwerp)s toegewezen aan %(naar)s")
            % {"onderwerp": toewijzing.get_onderwerp_display(), "naar": _naam(toewijzing.naar)},
            omschrijving=_("Was: %(van)s.")
            % {"van": _naam(toewijzing.van) if toewijzing.van else _("niet toegewezen")},
            door=_naam(toewijzing.door),
            soort="toewijzing",
        )
        for toewijzing in Toewijzing.objects.filter(dossier=dossier).select_related("van", "naar", "door")
    )
    for provider in registry.timeline_providers:
        entries.extend(provider(user, dossier))
    return sorted(entries, key=lambda entry: entry.datum, reverse=True)


def _naam(user) -> str:
    return user.get_full_name() or user.get_username()


def kalender_voor(organisatie_id: int | None) -> Kalender:
    """The working-day calendar of an organisation (one query: its school holidays)."""
    return Kalender(SchoolVakantie.objects.filter(organisatie_id=organisatie_id).values_list("van", "tot"))
