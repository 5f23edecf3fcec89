"""Deadlines of meldingen and aanvragen: the configured terms, the daily signal job and the items
of the e-mail digest.

A melding has two terms counted from its receipt: the first contact (met by an action in which
the LPA spoke to the jongere or parents) and the handling (met by closing it). An aanvraag has one:
the decision. The job stores the earliest open deadline and its signal on each open item.
"""

from dataclasses import dataclass
from datetime import date

from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cases.constants import ActieSoort, TermijnEenheid
from cases.models import Organisatie
from cases.registry import DigestItem, TermijnBron, TermijnDefinitie
from cases.selectors import kalender_voor
from cases.termijnen.signalen import NO_STATE, STATE_FIELDS, store_changed
from cases.termijnen.werkdagen import Kalender, Termijnregel

from .constants import (
    DEFAULT_BESLISTERMIJN_VRIJSTELLING,
    DEFAULT_EERSTE_CONTACT_WERKDAGEN,
    DEFAULT_TERMIJN_DAGEN,
    Fase,
    MeldingSoort,
    TermijnSoort,
)
from .models import Melding, MeldingActie, Termijn, Vrijstelling

#: Actions that count as the first contact with the jongere or the parents.
CONTACT_ACTIES = (ActieSoort.VERZUIMGESPREK, ActieSoort.PREVENTIEF_SPREEKUUR, ActieSoort.HUISBEZOEK)


def default_regels() -> dict[tuple[str, str], Termijnregel]:
    regels = {
        (TermijnSoort.BESLISSING.value, ""): Termijnregel(
            DEFAULT_BESLISTERMIJN_VRIJSTELLING, TermijnEenheid.KALENDERDAGEN
        )
    }
    for soort in MeldingSoort:
        regels[(TermijnSoort.EERSTE_CONTACT.value, soort.value)] = Termijnregel(
            DEFAULT_EERSTE_CONTACT_WERKDAGEN[soort], TermijnEenheid.WERKDAGEN, schoolvakanties_overslaan=True
        )
        regels[(TermijnSoort.AFHANDELING.value, soort.value)] = Termijnregel(
            DEFAULT_TERMIJN_DAGEN[soort], TermijnEenheid.KALENDERDAGEN
        )
    return regels


@dataclass(frozen=True)
class Termijnen:
    """The terms and the working-day calendar of one organisation (two queries to build)."""

    regels: dict[tuple[str, str], Termijnregel]
    kalender: Kalender

    @classmethod
    def voor(cls, organisatie_id: int | None) -> "Termijnen":
        regels = default_regels()
        for termijn in Termijn.objects.filter(organisatie_id=organisatie_id):
            regels[(termijn.termijn, termijn.soort)] = Termijnregel(
                termijn.dagen, termijn.eenheid, termijn.schoolvakanties_overslaan
            )
        return cls(regels, kalender_voor(organisatie_id))

    def afhandeling(self, melding: Melding) -> date:
        regel = self.regels[(TermijnSoort.AFHANDELING, melding.soort)]
        return self.kalender.deadline(melding.ontvangen_op, regel)

    def eerste_contact(self, melding: Melding) -> date:
        regel = self.regels[(TermijnSoort.EERSTE_CONTACT, melding.soort)]
        return self.kalender.deadline(melding.ontvangen_op, regel)

    def beslissing(self, vrijstelling: Vrijstelling) -> date:
        return self.kalender.deadline(vrijstelling.aangevraagd_op, self.regels[(TermijnSoort.BESLISSING, "")])

    def eerstvolgende(self, melding: Melding, *, gecontacteerd: bool) -> tuple[date, str]:
        """The earliest open deadline of an open melding and its kind."""
        afhandeling = self.afhandeling(melding)
        if not gecontacteerd:
            contact = self.eerste_contact(melding)
            if contact <= afhandeling:
                return contact, TermijnSoort.EERSTE_CONTACT.value
        return afhandeling, TermijnSoort.AFHANDELING.value


def gecontacteerd() -> Exists:
    return Exists(MeldingActie.objects.filter(melding=OuterRef("pk"), actie__soort__in=CONTACT_ACTIES))


def melding_state(termijnen: Termijnen, melding: Melding, today: date) -> tuple:
    """(termijn_op, termijn_soort, signaal) of an open melding annotated with `gecontacteerd`."""
    op, soort = termijnen.eerstvolgende(melding, gecontacteerd=melding.gecontacteerd)
    return op, soort, termijnen.kalender.signaal(op, today)


def aanvraag_state(termijnen: Termijnen, vrijstelling: Vrijstelling, today: date) -> tuple:
    """(termijn_op, termijn_soort, signaal) of an aanvraag without a decision."""
    op = termijnen.beslissing(vrijstelling)
    return op, TermijnSoort.BESLISSING.value, termijnen.kalender.signaal(op, today)


def signaleren(*, today: date) -> int:
    """Store the earliest open deadline and its signal on every open melding and aanvraag, and
    clear it on closed ones. Only rows whose state changes are written: a rerun writes nothing."""
    cleared = dict(zip(STATE_FIELDS, NO_STATE, strict=True))
    changed = (
        Melding.objects.filter(fase=Fase.AFGESLOTEN)
        .filter(Q(termijn_op__isnull=False) | ~Q(signaal=""))
        .update(**cleared)
    )
    changed += (
        Vrijstelling.objects.exclude(besluit="")
        .filter(Q(termijn_op__isnull=False) | ~Q(signaal=""))
        .update(**cleared)
    )
    for organisatie_id in Organisatie.objects.values_list("pk", flat=True):
        termijnen = Termijnen.voor(organisatie_id)
        meldingen = (
            Melding.objects.filter(organisatie_id=organisatie_id)
            .open()
            .annotate(gecontacteerd=gecontacteerd())
            .only("pk", "soort", "ontvangen_op", *STATE_FIELDS)
        )
        changed += store_changed(
            Melding, ((m, melding_state(termijnen, m, today)) for m in meldingen.iterator(chunk_size=2000))
        )
        aanvragen = Vrijstelling.objects.filter(organisatie_id=organisatie_id, besluit="").only(
            "pk", "aangevraagd_op", *STATE_FIELDS
        )
        changed += store_changed(
            Vrijstelling,
            ((v, aanvraag_state(termijnen, v, today)) for v in aanvragen.iterator(chunk_size=2000)),
        )
    return changed


def melding_bijwerken(melding_id: int, *, today: date | None = None) -> None:
    """Refresh one melding's deadline state right after a change (registered, action recorded,
    closed, reopened), by the same rules as the daily job, so the werkvoorraad does not show a
    stale signal until the next morning. Does not touch the version (no edit conflicts)."""
    today = today or timezone.localdate()
    melding = (
        Melding.objects.annotate(gecontacteerd=gecontacteerd())
        .only("pk", "organisatie_id", "soort", "ontvangen_op", "fase")
        .get(pk=melding_id)
    )
    state = (
        melding_state(Termijnen.voor(melding.organisatie_id), melding, today) if melding.is_open else NO_STATE
    )
    Melding.objects.filter(pk=melding_id).update(**dict(zip(STATE_FIELDS, state, strict=True)))


def vrijstelling_bijwerken(vrijstelling_id: int, *, today: date | None = None) -> None:
    """Refresh one aanvraag's deadline state after it was registered or decided."""
    today = today or timezone.localdate()
    vrijstelling = Vrijstelling.objects.only("pk", "organisatie_id", "aangevraagd_op", "besluit").get(
        pk=vrijstelling_id
    )
    state = (
        NO_STATE
        if vrijstelling.besluit
        else aanvraag_state(Termijnen.voor(vrijstelling.organisatie_id), vrijstelling, today)
    )
    Vrijstelling.objects.filter(pk=vrijstelling_id).update(**dict(zip(STATE_FIELDS, state, strict=True)))


def digest_items(user) -> list[DigestItem]:
    """Open meldingen and aanvragen assigned to `user` (two queries, through visible_to)."""
    items = [
        DigestItem(
            soort="melding",
            soort_label=str(Melding._meta.verbose_name).capitalize(),
            pk=pk,
            url=reverse("melding", args=[pk]),
            termijn_label=str(TermijnSoort(termijn_soort).label) if termijn_soort else "",
            termijn_op=termijn_op,
            signaal=signaal,
        )
        for pk, termijn_op, termijn_soort, signaal in Melding.objects.visible_to(user)
        .open()
        .filter(behandelaar=user)
        .values_list("pk", "termijn_op", "termijn_soort", "signaal")
    ]
    items += [
        DigestItem(
            soort="vrijstelling",
            soort_label=str(Vrijstelling._meta.verbose_name).capitalize(),
            pk=pk,
            url=reverse("vrijstelling", args=[pk]),
            termijn_label=str(TermijnSoort.BESLISSING.label) if termijn_op else "",
            termijn_op=termijn_op,
            signaal=signaal,
        )
        for pk, termijn_op, signaal in Vrijstelling.objects.visible_to(user)
        .filter(besluit="", behandelaar=user)
        .values_list("pk", "termijn_op", "signaal")
    ]
    return items


def beheer_definities() -> list[TermijnDefinitie]:
    """The terms a functioneel beheerder can set on the beheer page, with their defaults."""
    eigen = _("Standaard van de applicatie (geen wettelijke termijn)")
    definities = []
    for (termijn, soort), regel in default_regels().items():
        if termijn == TermijnSoort.BESLISSING:
            # Awb art. 4:13 lid 2: without a statutory term, a decision is due within eight weeks.
            omschrijving = str(TermijnSoort.BESLISSING.label).capitalize()
            grondslag = _("Algemene wet bestuursrecht, art. 4:13 lid 2: uiterlijk acht weken")
        else:
            omschrijving = f"{MeldingSoort(soort).label}: {TermijnSoort(termijn).label}"
            grondslag = eigen
        definities.append(
            TermijnDefinitie(
                sleutel={"termijn": termijn, "soort": soort},
                omschrijving=omschrijving,
                standaard_dagen=regel.aantal,
                standaard_eenheid=regel.eenheid,
                standaard_vakanties_overslaan=regel.schoolvakanties_overslaan,
                grondslag=grondslag,
            )
        )
    return definities


BEHEER_BRON = TermijnBron(
    code="leerplicht",
    titel=_("Meldingen en aanvragen"),
    model="leerplicht.Termijn",
    definities=beheer_definities,
)
