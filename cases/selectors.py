"""Reads that more than one caller needs. Every one starts from `visible_to(user)`."""

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from cases.termijnen.werkdagen import Kalender

from . import registry
from .models import Actie, Dossier, Jongere, Ouder, OuderWijziging, SchoolVakantie, Toewijzing, User
from .registry import TimelineEntry

#: What the timeline shows of a user ("door", "toegewezen aan"): the name, nothing else.
NAAM_VELDEN = ("id", "first_name", "last_name", "username")
_NIET_VOOR_DE_NAAM = [f.name for f in User._meta.concrete_fields if f.name not in NAAM_VELDEN]


def met_namen(queryset: QuerySet, *relations: str) -> QuerySet:
    """`select_related(*relations)` for users of whom only the name is shown: their other columns,
    the password hash above all, are not read."""
    return queryset.select_related(*relations).defer(
        *(f"{relation}__{veld}" for relation in relations for veld in _NIET_VOOR_DE_NAAM)
    )


def naam(user) -> str:
    """A user's name as the timeline shows it; an empty string for no user."""
    return (user.get_full_name() or user.get_username()) if user else ""


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
            door=naam(actie.gebruiker),
            soort="actie",
        )
        for actie in met_namen(Actie.objects.visible_to(user).filter(dossier=dossier), "gebruiker")
    ]
    entries.extend(_ouder_entries(user, dossier))
    entries.extend(
        TimelineEntry(
            datum=toewijzing.tijdstip.date(),
            titel=_("%(onderwerp)s toegewezen aan %(naar)s")
            % {"onderwerp": toewijzing.get_onderwerp_display(), "naar": naam(toewijzing.naar)},
            omschrijving=_("Was: %(van)s.")
            % {"van": naam(toewijzing.van) if toewijzing.van else _("niet toegewezen")},
            door=naam(toewijzing.door),
            soort="toewijzing",
        )
        for toewijzing in met_namen(Toewijzing.objects.filter(dossier=dossier), "van", "naar", "door")
    )
    for provider in registry.timeline_providers:
        entries.extend(provider(user, dossier))
    return sorted(entries, key=lambda entry: entry.datum, reverse=True)


def _ouder_entries(user, dossier: Dossier) -> list[TimelineEntry]:
    """The history of the ouders/verzorgers: who was added, changed (which fields) or removed."""
    wijzigingen = (
        OuderWijziging.objects.visible_to(user)
        .filter(ouder__jongere_id=dossier.jongere_id)
        .select_related("ouder")
    )
    wijzigingen = met_namen(wijzigingen, "gebruiker")
    entries = []
    for wijziging in wijzigingen:
        ouder = wijziging.ouder
        velden = ", ".join(str(Ouder._meta.get_field(name).verbose_name) for name in wijziging.velden)
        door = naam(wijziging.gebruiker) if wijziging.gebruiker else wijziging.get_bron_display()
        entries.append(
            TimelineEntry(
                datum=timezone.localtime(wijziging.tijdstip).date(),
                titel=f"{wijziging.get_soort_display()}: {ouder.volledige_naam} ({ouder.get_relatie_display().lower()})",
                omschrijving=_("Gewijzigd: %(velden)s") % {"velden": velden} if velden else "",
                door=door,
                soort="ouder",
            )
        )
    return entries


def kalender_voor(organisatie_id: int | None) -> Kalender:
    """The working-day calendar of an organisation (one query: its school holidays)."""
    return Kalender(SchoolVakantie.objects.filter(organisatie_id=organisatie_id).values_list("van", "tot"))


def actieve_ouders_for(user) -> QuerySet[Ouder]:
    """The active ouders/verzorgers `user` may see (the visibility gate): those with gezag first,
    then those who care for the jongere in fact, in the order they were added."""
    return Ouder.objects.visible_to(user).actief().order_by("-gezag", "-feitelijke_verzorging", "pk")


def ouders_van(user, jongere) -> QuerySet[Ouder]:
    """The active ouders/verzorgers of one jongere, as `user` may see them."""
    return actieve_ouders_for(user).filter(jongere=jongere)
