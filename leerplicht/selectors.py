"""Reads of meldingen and vrijstellingen; every one starts from `visible_to(user)`."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Q, QuerySet

from cases.models import User

from . import rules
from .constants import DEFAULT_BESLISTERMIJN_VRIJSTELLING, DEFAULT_TERMIJN_DAGEN, Besluit
from .models import Melding, MeldingActie, MeldingRoute, MeldingTransitie, Termijn, Vrijstelling


def dossiers_met_vrijstelling(dossier_ids, today: date) -> set[int]:
    """The dossiers among `dossier_ids` with a granted vrijstelling valid on `today`. One query
    for a page of the werkvoorraad: as a subquery of the list PostgreSQL hashes it over every
    granted vrijstelling of the country before applying the page limit."""
    return set(
        Vrijstelling.objects.filter(
            dossier_id__in=dossier_ids, besluit=Besluit.VERLEEND, geldig_van__lte=today
        )
        .filter(Q(geldig_tot__isnull=True) | Q(geldig_tot__gte=today))
        .values_list("dossier_id", flat=True)
    )


def meldingen_for(user) -> QuerySet[Melding]:
    return Melding.objects.visible_to(user).select_related(
        "dossier__jongere", "school", "behandelaar", "gemeente", "reden", "resultaat"
    )


def werkvoorraad_meldingen(user, today: date) -> QuerySet[Melding]:
    # Only the relations the werkvoorraad shows: every extra join costs planning time.
    return (
        Melding.objects.visible_to(user)
        .select_related("dossier__jongere", "school", "behandelaar")
        .open()
        .order_by("ontvangen_op", "pk")
    )


def open_vrijstellingen(user) -> QuerySet[Vrijstelling]:
    return (
        Vrijstelling.objects.visible_to(user)
        .filter(besluit="")
        .select_related("dossier__jongere", "behandelaar", "gemeente")
        .order_by("aangevraagd_op", "pk")
    )


def termijnen_for(organisatie_id: int) -> dict[str, int]:
    days = dict(DEFAULT_TERMIJN_DAGEN)
    days.update(Termijn.objects.filter(organisatie_id=organisatie_id).values_list("soort", "dagen"))
    return days


@dataclass
class Werkregel:
    """One open item of the werkvoorraad with its deadline and signals."""

    item: object
    deadline: date
    dagen_open: int
    te_laat: bool
    mogelijk_thuiszitter: bool = False


def werkregels_meldingen(meldingen, termijnen: dict[str, int], today: date) -> list[Werkregel]:
    regels = []
    meldingen = list(meldingen)
    met_vrijstelling = dossiers_met_vrijstelling({m.dossier_id for m in meldingen}, today)
    for melding in meldingen:
        deadline = melding.ontvangen_op + timedelta(days=termijnen[melding.soort])
        regels.append(
            Werkregel(
                item=melding,
                deadline=deadline,
                dagen_open=(today - melding.ontvangen_op).days,
                te_laat=deadline < today,
                mogelijk_thuiszitter=rules.is_mogelijk_thuiszitter(
                    soort=melding.soort,
                    open=melding.is_open,
                    verzuim_van=melding.verzuim_van,
                    heeft_vrijstelling=melding.dossier_id in met_vrijstelling,
                    today=today,
                ),
            )
        )
    return regels


def werkregels_vrijstellingen(vrijstellingen, today: date) -> list[Werkregel]:
    regels = []
    for vrijstelling in vrijstellingen:
        deadline = vrijstelling.aangevraagd_op + timedelta(days=DEFAULT_BESLISTERMIJN_VRIJSTELLING)
        regels.append(
            Werkregel(
                item=vrijstelling,
                deadline=deadline,
                dagen_open=(today - vrijstelling.aangevraagd_op).days,
                te_laat=deadline < today,
            )
        )
    return regels


def melding_detail(user, pk: int) -> Melding:
    return meldingen_for(user).get(pk=pk)


def melding_history(melding: Melding) -> dict:
    """Routes, actions and transitions of one melding (three queries)."""
    return {
        "routes": list(MeldingRoute.objects.filter(melding=melding).select_related("gekozen_door")),
        "acties": list(
            MeldingActie.objects.filter(melding=melding)
            .select_related("actie__gebruiker", "jgz_in_staat", "jgz_follow_up")
            .order_by("-actie__datum", "-pk")
        ),
        "transities": list(MeldingTransitie.objects.filter(melding=melding).select_related("gebruiker")),
    }


def lpa_choices(organisatie_id: int) -> QuerySet[User]:
    """Users of the organisation who may handle meldingen."""
    return (
        User.objects.filter(
            organisatie_id=organisatie_id, is_active=True, groups__permissions__codename="change_melding"
        )
        .distinct()
        .order_by("first_name", "last_name")
    )
