"""Reads of meldingen and vrijstellingen; every one starts from `visible_to(user)`."""

from dataclasses import dataclass
from datetime import date

from django.contrib.auth.models import Group
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils.translation import ngettext

from cases.constants import Signaal
from cases.models import User
from cases.paths import path_per_pk

from . import rules
from .constants import Besluit, TermijnSoort
from .models import Melding, MeldingActie, MeldingRoute, MeldingTransitie, Vrijstelling
from .termijnen import Termijnen


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


# The werkvoorraad's columns: the jongere's name, the deadline signal, and for a melding its school
# and behandelaar. Loading only these halves the cost of building a page of rows (and leaves the
# behandelaar's password hash and the jongere's address in the database).
SIGNAAL_FIELDS = ("signaal", "termijn_op", "termijn_soort")
JONGERE_NAAM = tuple(
    f"dossier__jongere__{f}" for f in ("organisatie_id", "voornamen", "tussenvoegsel", "achternaam")
)


def werkvoorraad_meldingen(user, today: date) -> QuerySet[Melding]:
    # Only the relations the werkvoorraad shows: every extra join costs planning time.
    return (
        Melding.objects.visible_to(user)
        .select_related("dossier__jongere", "school", "behandelaar")
        .only(
            *("organisatie_id", "dossier_id", "soort", "fase", "ontvangen_op", "verzuim_van", "verzuim_tot"),
            "duo_meldingnummer",
            *SIGNAAL_FIELDS,
            *JONGERE_NAAM,
            *("school__naam", "behandelaar__username", "behandelaar__first_name", "behandelaar__last_name"),
        )
        .open()
        .order_by("ontvangen_op", "pk")
    )


def meldingen_lijst(queryset: QuerySet[Melding]) -> QuerySet[Melding]:
    """A page of the meldingen list: only the relations and columns its table shows (jongere,
    soort, dates, fase, resultaat, behandelaar). `meldingen_for` joins six tables and reads every
    column of them (the export needs them); for 25 rows of a large organisation that is a third of
    the page's work."""
    return (
        queryset.select_related(None)
        .select_related("dossier__jongere", "behandelaar", "resultaat")
        .only(
            *(
                "organisatie_id",
                "dossier_id",
                "soort",
                "ontvangen_op",
                "fase",
                "resultaat_id",
                "behandelaar_id",
            ),
            *JONGERE_NAAM,
            "resultaat__label",
            *("behandelaar__username", "behandelaar__first_name", "behandelaar__last_name"),
        )
    )


def open_vrijstellingen(user) -> QuerySet[Vrijstelling]:
    return (
        Vrijstelling.objects.visible_to(user)
        .filter(besluit="")
        .select_related("dossier__jongere")
        .only("organisatie_id", "dossier_id", "grondslag", "aangevraagd_op", *SIGNAAL_FIELDS, *JONGERE_NAAM)
        .order_by("aangevraagd_op", "pk")
    )


def termijnen_for(organisatie_id: int) -> Termijnen:
    """The organisation's terms and working-day calendar (two queries)."""
    return Termijnen.voor(organisatie_id)


@dataclass
class Werkregel:
    """One open item of the werkvoorraad: its handling deadline, and the signal the daily job
    stored (the earliest open deadline, its kind and whether it is near or past)."""

    item: object
    url: str
    deadline: date
    dagen_open: int
    mogelijk_thuiszitter: bool = False

    @property
    def dagen_open_tekst(self) -> str:
        return ngettext("%(dagen)d dag", "%(dagen)d dagen", self.dagen_open) % {"dagen": self.dagen_open}

    @property
    def signaal(self) -> str:
        return self.item.signaal

    @property
    def te_laat(self) -> bool:
        return self.item.signaal == Signaal.VERLOPEN

    @property
    def binnenkort(self) -> bool:
        return self.item.signaal == Signaal.BINNENKORT


def werkregels_meldingen(meldingen, termijnen: Termijnen, today: date) -> list[Werkregel]:
    meldingen = list(meldingen)
    met_vrijstelling = dossiers_met_vrijstelling({m.dossier_id for m in meldingen}, today)
    url = path_per_pk("melding")
    return [
        Werkregel(
            item=melding,
            url=url(melding.pk),
            deadline=termijnen.afhandeling(melding),
            dagen_open=(today - melding.ontvangen_op).days,
            mogelijk_thuiszitter=rules.is_mogelijk_thuiszitter(
                soort=melding.soort,
                open=melding.is_open,
                verzuim_van=melding.verzuim_van,
                verzuim_tot=melding.verzuim_tot,
                heeft_vrijstelling=melding.dossier_id in met_vrijstelling,
                today=today,
                in_schoolvakantie=termijnen.kalender.in_schoolvakantie,
            ),
        )
        for melding in meldingen
    ]


def werkregels_vrijstellingen(vrijstellingen, termijnen: Termijnen, today: date) -> list[Werkregel]:
    url = path_per_pk("vrijstelling")
    return [
        Werkregel(
            item=vrijstelling,
            url=url(vrijstelling.pk),
            deadline=termijnen.beslissing(vrijstelling),
            dagen_open=(today - vrijstelling.aangevraagd_op).days,
        )
        for vrijstelling in vrijstellingen
    ]


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


def melding_termijnen(melding: Melding, history: dict, today: date) -> list[dict]:
    """The melding's two terms for its page: first contact and handling, each with its date and
    whether it is met, open, near or past (the same rules as the daily signal job)."""
    from .termijnen import CONTACT_ACTIES

    termijnen = termijnen_for(melding.organisatie_id)
    gecontacteerd = any(ma.actie.soort in CONTACT_ACTIES for ma in history["acties"])
    rows = []
    for soort, op, gehaald in (
        (TermijnSoort.EERSTE_CONTACT, termijnen.eerste_contact(melding), gecontacteerd),
        (TermijnSoort.AFHANDELING, termijnen.afhandeling(melding), not melding.is_open),
    ):
        signaal = "" if gehaald else termijnen.kalender.signaal(op, today)
        rows.append({"soort": soort.label, "op": op, "gehaald": gehaald, "signaal": signaal})
    return rows


def lpa_choices(organisatie_id: int) -> QuerySet[User]:
    """Users of the organisation who may handle meldingen. An EXISTS rather than a join: no
    DISTINCT, and checking one chosen user (the werkvoorraad's default filter) is a key lookup."""
    handles_meldingen = Group.objects.filter(
        user=OuterRef("pk"),
        permissions__content_type__app_label="leerplicht",
        permissions__codename="change_melding",
    )
    return (
        User.objects.filter(Exists(handles_meldingen), organisatie_id=organisatie_id, is_active=True)
        .only("pk", "username", "first_name", "last_name")
        .order_by("first_name", "last_name")
    )
