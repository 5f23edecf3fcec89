"""Every write of meldingen: registration, MAS transitions, routes, actions and edits.

Keyword-only, atomic, row-locked where two people may act at once, and each writes its history
and processing-log entry.
"""

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cases import services as case_services
from cases.concurrency import lock_and_check
from cases.constants import ActieSoort, AuditAction, Verwerkingsactiviteit
from cases.idempotency import AlVerwerkt, eerder_verwerkt, vastleggen
from cases.models import CodeItem, Dossier, Inschrijving, School, User
from cases.paths import path_per_pk
from cases.privacy.audit import log_access
from cases.rules import age_on, leerplicht_status
from cases.workflow import TransitionError

from . import rules, termijnen
from .constants import (
    PROCES_VERBAAL_ACTIES,
    REDEN_LIJST,
    RESULTAAT_LIJST,
    ROUTE_OF_ACTIE,
    USUAL_ROUTES,
    Fase,
    Route,
)
from .models import Melding, MeldingActie, MeldingRoute, MeldingTransitie
from .proces_verbaal import verdachte_voor
from .signals import melding_fase_gewijzigd
from .workflow import MAS

PURPOSE = Verwerkingsactiviteit.HANDHAVING_LEERPLICHT
MELDING_MODEL = "leerplicht.melding"


class MeldingWarnings(Exception):
    """Questioned input: allowed after the user confirms having read the warnings."""

    def __init__(self, warnings: list[str]):
        super().__init__(" ".join(warnings))
        self.warnings = warnings


class Waarschuwing(str):
    """A warning text that may point to a page (e.g. the melding that already runs)."""

    url = ""

    @classmethod
    def met_link(cls, text: str, url: str) -> "Waarschuwing":
        warning = cls(text)
        warning.url = url
        return warning


def inschrijvingen_van(jongere) -> list[tuple[date, date | None]]:
    """The jongere's enrolments as (van, tot): art. 4 counts full schooljaren attended."""
    return list(Inschrijving.objects.filter(jongere=jongere).values_list("van", "tot"))


def lopende_melding(dossier: Dossier, soort: str, exclude_pk: int | None = None) -> Melding | None:
    """The oldest open melding of `soort` on the dossier, if any."""
    return (
        Melding.objects.filter(dossier=dossier, soort=soort)
        .open()
        .exclude(pk=exclude_pk)
        .order_by("ontvangen_op", "pk")
        .first()
    )


def duo_nummer_bekend(organisatie_id: int, duo_meldingnummer: str) -> bool:
    """Whether a melding of the organisation carries this DUO number, as its own or added."""
    return (
        Melding.objects.filter(organisatie_id=organisatie_id, duo_meldingnummer=duo_meldingnummer).exists()
        or MeldingActie.objects.filter(
            melding__organisatie_id=organisatie_id, duo_meldingnummer=duo_meldingnummer
        ).exists()
    )


def _code(organisatie_id: int, lijst: str, code: CodeItem | None, field: str) -> CodeItem | None:
    if code is not None and (code.organisatie_id != organisatie_id or code.lijst != lijst):
        toegestaan = CodeItem.objects.filter(
            organisatie_id=organisatie_id, lijst=lijst, actief=True
        ).order_by("volgorde", "pk")
        raise ValidationError(
            {
                field: _("Deze keuze hoort niet bij dit soort melding. Toegestaan zijn: %(toegestaan)s.")
                % {"toegestaan": "; ".join(toegestaan.values_list("label", flat=True)) or "—"}
            }
        )
    return code


@dataclass
class MeldingGegevens:
    """The fields of a melding that a user enters (registration and edit)."""

    soort: str
    ontvangen_op: date
    school: School | None = None
    onderwijssoort: str = ""
    verzuim_van: date | None = None
    verzuim_tot: date | None = None
    uren_verzuim: int | None = None
    keer_te_laat: int | None = None
    verlof_dagen: int | None = None
    gezin_id: str = ""
    reden: CodeItem | None = None
    toelichting: str = ""
    behandelaar: User | None = None


def _validate(
    dossier: Dossier, data: MeldingGegevens, *, confirmed: bool, afgesloten_op=None, melding_pk=None
) -> None:
    errors = {}
    jongere = dossier.jongere
    inschrijvingen = inschrijvingen_van(jongere)
    if data.ontvangen_op > timezone.localdate():
        errors["ontvangen_op"] = _(
            "De ontvangstdatum ligt in de toekomst; vul de dag in waarop de melding binnenkwam."
        )
    elif data.ontvangen_op < dossier.jongere.geboortedatum:
        errors["ontvangen_op"] = _("De ontvangstdatum ligt voor de geboortedatum van de jongere.")
    elif afgesloten_op and data.ontvangen_op > afgesloten_op:
        errors["ontvangen_op"] = _(
            "De ontvangstdatum ligt na de afsluitdatum (%(datum)s) van deze melding."
        ) % {"datum": afgesloten_op.strftime("%d-%m-%Y")}
    if data.verzuim_van and data.verzuim_tot and data.verzuim_tot < data.verzuim_van:
        errors["verzuim_tot"] = _("Het einde van de verzuimperiode ligt voor het begin.")
    if data.behandelaar is not None and data.behandelaar.organisatie_id != jongere.organisatie_id:
        errors["behandelaar"] = _("Deze leerplichtambtenaar hoort niet bij uw organisatie.")
    leeftijd_fout, leeftijd_waarschuwing = None, None
    if "ontvangen_op" not in errors:
        # Plausibility: the soort's ages (art. 3, 4, 4a Lpw), on the first day of verzuim.
        leeftijd_fout, leeftijd_waarschuwing = rules.melding_leeftijd(
            soort=data.soort,
            geboortedatum=jongere.geboortedatum,
            peildatum=data.verzuim_van or data.ontvangen_op,
            startkwalificatie_op=jongere.startkwalificatie_op,
            inschrijvingen=inschrijvingen,
        )
        if leeftijd_fout:
            errors["soort"] = leeftijd_fout
    if errors:
        raise ValidationError(errors)
    _code(jongere.organisatie_id, REDEN_LIJST[data.soort], data.reden, "reden")
    if not confirmed:
        ingeschreven = any(
            van <= data.ontvangen_op and (tot is None or tot >= data.ontvangen_op)
            for van, tot in inschrijvingen
        )
        warnings = rules.melding_warnings(
            soort=data.soort,
            uren_verzuim=data.uren_verzuim,
            ingeschreven_op_ontvangst=ingeschreven,
        )
        if leeftijd_waarschuwing:
            warnings.append(leeftijd_waarschuwing)
        lopend = lopende_melding(dossier, data.soort, exclude_pk=melding_pk)
        if lopend is not None:
            warnings.append(
                Waarschuwing.met_link(
                    _(
                        "Er loopt al een melding %(soort)s voor deze jongere sinds %(datum)s; toch registreren?"
                    )
                    % {
                        "soort": lopend.get_soort_display().lower(),
                        "datum": lopend.ontvangen_op.strftime("%d-%m-%Y"),
                    },
                    path_per_pk("melding")(lopend.pk),
                )
            )
        if warnings:
            raise MeldingWarnings(warnings)


@transaction.atomic
def melding_register(
    *,
    actor: User,
    dossier: Dossier,
    data: MeldingGegevens,
    confirmed: bool = False,
    sleutel: str = "",
    duo_meldingnummer: str = "",
    request=None,
) -> Melding:
    """Register a new melding in phase Waarnemen on the jongere's dossier.

    `sleutel` is the form's idempotency key: a second submission of the same form raises
    AlVerwerkt with the melding the first one created, and creates nothing. A melding from DUO's
    verzuimregister carries DUO's number; a second melding with the same number is refused."""
    eerder = eerder_verwerkt(actor, sleutel, MELDING_MODEL)
    if eerder is not None:
        raise AlVerwerkt(eerder)
    _validate(dossier, data, confirmed=confirmed)
    jongere = dossier.jongere
    if duo_meldingnummer and duo_nummer_bekend(jongere.organisatie_id, duo_meldingnummer):
        raise ValidationError(
            _("Er is al een melding met DUO-meldingnummer %(nummer)s.") % {"nummer": duo_meldingnummer}
        )
    melding = Melding.objects.create(
        dossier=dossier,
        gemeente_id=jongere.woongemeente_id,
        leeftijd=age_on(jongere.geboortedatum, data.ontvangen_op),
        geregistreerd_door=actor,
        duo_meldingnummer=duo_meldingnummer,
        **vars(data),
    )
    MeldingTransitie.objects.create(melding=melding, van="", naar=Fase.WAARNEMEN, gebruiker=actor)
    vastleggen(actor, sleutel, MELDING_MODEL, melding.pk)
    melding_fase_gewijzigd.send(
        sender=Melding, melding=melding, van="", naar=Fase.WAARNEMEN, reden="", actor=actor
    )
    case_services.toewijzing_vastleggen(actor=actor, obj=melding, onderwerp="melding", van_id=None)
    log_access(
        actor=actor,
        action=AuditAction.AANMAKEN,
        purpose=PURPOSE,
        jongere=jongere,
        obj=melding,
        request=request,
    )
    termijnen.melding_bijwerken(melding.pk)
    return melding


@transaction.atomic
def melding_update(
    *, actor: User, melding_id: int, versie: int, data: MeldingGegevens, confirmed: bool = False, request=None
) -> Melding:
    """Change the registered facts of a melding; refused when someone else changed it first."""
    melding = lock_and_check(Melding.objects.select_related("dossier__jongere"), melding_id, versie)
    _validate(
        melding.dossier, data, confirmed=confirmed, afgesloten_op=melding.afgesloten_op, melding_pk=melding.pk
    )
    vorige_behandelaar = melding.behandelaar_id
    for field, value in vars(data).items():
        setattr(melding, field, value)
    melding.save()
    case_services.toewijzing_vastleggen(
        actor=actor, obj=melding, onderwerp="melding", van_id=vorige_behandelaar
    )
    termijnen.melding_bijwerken(melding.pk)
    log_access(
        actor=actor,
        action=AuditAction.WIJZIGEN,
        purpose=PURPOSE,
        jongere=melding.dossier.jongere,
        obj=melding,
        request=request,
    )
    return melding


@transaction.atomic
def melding_transition(
    *,
    actor: User,
    melding_id: int,
    versie: int | None,
    naar: str,
    reden: str = "",
    resultaat: CodeItem | None = None,
    afgesloten_op: date | None = None,
    request=None,
) -> Melding:
    """Move a melding to another MAS phase, close it (result + reason) or reopen it (reason)."""
    melding = lock_and_check(Melding.objects.select_related("dossier__jongere"), melding_id, versie)
    MAS.check(melding.fase, naar, reden)
    van = melding.fase
    if naar == Fase.AFGESLOTEN:
        if resultaat is None:
            raise TransitionError(_("Kies een resultaat om de melding af te sluiten."))
        _code(melding.dossier.jongere.organisatie_id, RESULTAAT_LIJST[melding.soort], resultaat, "resultaat")
        afgesloten_op = afgesloten_op or timezone.localdate()
        if afgesloten_op < melding.ontvangen_op:
            raise TransitionError(_("De afsluitdatum ligt voor de ontvangstdatum van de melding."))
        melding.resultaat = resultaat
        melding.afgesloten_op = afgesloten_op
        melding.afsluitreden = reden
    elif van == Fase.AFGESLOTEN:
        melding.resultaat = None
        melding.afgesloten_op = None
        melding.afsluitreden = ""
    melding.fase = naar
    melding.save()
    termijnen.melding_bijwerken(melding.pk)
    MeldingTransitie.objects.create(melding=melding, van=van, naar=naar, reden=reden, gebruiker=actor)
    melding_fase_gewijzigd.send(sender=Melding, melding=melding, van=van, naar=naar, reden=reden, actor=actor)
    log_access(
        actor=actor,
        action=AuditAction.WIJZIGEN,
        purpose=PURPOSE,
        jongere=melding.dossier.jongere,
        obj=melding,
        request=request,
    )
    return melding


def _add_route(
    melding: Melding,
    route: str,
    actor: User,
    toelichting: str = "",
    *,
    jongere_instemming: bool = False,
    ouders_instemming: bool = False,
) -> MeldingRoute:
    existing = melding.routes.filter(route=route).first()
    if existing:
        return existing
    if route not in USUAL_ROUTES[melding.soort] and not toelichting.strip():
        raise ValidationError(
            _(
                "De route '%(route)s' is niet gebruikelijk bij %(soort)s. Pas toe of leg uit: "
                "schrijf waarom u deze route kiest."
            )
            % {"route": Route(route).label, "soort": melding.get_soort_display().lower()}
        )
    return MeldingRoute.objects.create(
        melding=melding,
        route=route,
        toelichting=toelichting,
        gekozen_door=actor,
        jongere_instemming=jongere_instemming,
        ouders_instemming=ouders_instemming,
    )


def halt_feiten(
    melding: Melding, datum: date, *, jongere_instemming: bool, ouders_instemming: bool, actie: bool
):
    """The facts the Halt criteria look at, for a referral on `datum` (see rules.halt_errors)."""
    jongere = melding.dossier.jongere
    andere = Melding.objects.filter(dossier=melding.dossier).exclude(pk=melding.pk)
    eerder = (
        andere.filter(halt_verwijzing=True).exists()
        or MeldingRoute.objects.filter(melding__in=andere, route=Route.HALT).exists()
        or (actie and melding.halt_verwijzing)
    )
    return rules.HaltFeiten(
        leeftijd=age_on(jongere.geboortedatum, datum),
        status=leerplicht_status(
            jongere.geboortedatum, datum, jongere.startkwalificatie_op, inschrijvingen_van(jongere)
        ),
        soort=melding.soort,
        uren_verzuim=melding.uren_verzuim,
        keer_te_laat=melding.keer_te_laat,
        eerder_naar_halt=eerder,
        jongere_instemming=jongere_instemming,
        ouders_instemming=ouders_instemming,
    )


@transaction.atomic
def melding_choose_route(
    *,
    actor: User,
    melding_id: int,
    route: str,
    toelichting: str = "",
    jongere_instemming: bool = False,
    ouders_instemming: bool = False,
    request=None,
) -> MeldingRoute:
    melding = Melding.objects.select_for_update().select_related("dossier__jongere").get(pk=melding_id)
    if not melding.is_open:
        raise ValidationError(_("Een afgesloten melding krijgt geen nieuwe route; heropen de melding eerst."))
    if route == Route.HALT and not melding.routes.filter(route=Route.HALT).exists():
        errors = rules.halt_errors(
            halt_feiten(
                melding,
                timezone.localdate(),
                jongere_instemming=jongere_instemming,
                ouders_instemming=ouders_instemming,
                actie=False,
            )
        )
        if errors:
            raise ValidationError(errors)
    chosen = _add_route(
        melding,
        route,
        actor,
        toelichting,
        jongere_instemming=jongere_instemming,
        ouders_instemming=ouders_instemming,
    )
    log_access(
        actor=actor,
        action=AuditAction.WIJZIGEN,
        purpose=PURPOSE,
        jongere=melding.dossier.jongere,
        obj=melding,
        request=request,
    )
    return chosen


@transaction.atomic
def melding_actie_register(
    *,
    actor: User,
    melding_id: int,
    soort: str,
    datum: date,
    omschrijving: str = "",
    jongere_instemming: bool = False,
    ouders_instemming: bool = False,
    jgz_in_staat: CodeItem | None = None,
    jgz_follow_up: CodeItem | None = None,
    toelichting_route: str = "",
    verdachte_ouder=None,
    request=None,
) -> MeldingActie:
    """Record an action on a melding; it enforces the Halt and proces-verbaal rules and adds
    the route the action implies."""
    melding = Melding.objects.select_for_update().select_related("dossier__jongere").get(pk=melding_id)
    jongere = melding.dossier.jongere
    if datum < melding.ontvangen_op:
        raise ValidationError(_("De actie ligt voor de ontvangstdatum van de melding."))
    leeftijd = age_on(jongere.geboortedatum, datum)
    errors = []
    error = rules.actie_leeftijd_error(soort, leeftijd)
    if error:
        errors.append(error)
    elif soort == ActieSoort.PROCES_VERBAAL_LEERLING:
        error = rules.proces_verbaal_leerling_error(leeftijd)
        errors += [error] if error else []
    elif soort == ActieSoort.HALT_VERWIJZING:
        # Consent recorded with the Halt route holds for the referral itself.
        route = melding.routes.filter(route=Route.HALT).first()
        if route is not None:
            jongere_instemming = jongere_instemming or route.jongere_instemming
            ouders_instemming = ouders_instemming or route.ouders_instemming
        errors += rules.halt_errors(
            halt_feiten(
                melding,
                datum,
                jongere_instemming=jongere_instemming,
                ouders_instemming=ouders_instemming,
                actie=True,
            )
        )
    if errors:
        raise ValidationError(errors)
    verdachte_ouder, verdachte = verdachte_voor(
        actor=actor, jongere=jongere, soort=soort, verdachte_ouder=verdachte_ouder
    )
    if verdachte:
        omschrijving = "\n".join(
            p for p in (_("Verdachte: %(naam)s") % {"naam": verdachte}, omschrijving) if p
        )
    route = ROUTE_OF_ACTIE.get(soort)
    if route:
        _add_route(
            melding,
            route,
            actor,
            toelichting_route,
            jongere_instemming=jongere_instemming,
            ouders_instemming=ouders_instemming,
        )
    actie = case_services.actie_register(
        actor=actor,
        dossier=melding.dossier,
        soort=soort,
        datum=datum,
        omschrijving=omschrijving,
        purpose=PURPOSE,
        request=request,
    )
    link = MeldingActie.objects.create(
        melding=melding,
        actie=actie,
        jongere_instemming=jongere_instemming,
        ouders_instemming=ouders_instemming,
        jgz_in_staat=jgz_in_staat,
        jgz_follow_up=jgz_follow_up,
        verdachte_ouder=verdachte_ouder,
        verdachte=verdachte,
    )
    if soort == ActieSoort.HALT_VERWIJZING or soort in PROCES_VERBAAL_ACTIES:
        melding.halt_verwijzing |= soort == ActieSoort.HALT_VERWIJZING
        melding.proces_verbaal |= soort in PROCES_VERBAAL_ACTIES
        melding.versie += 1
        melding.save(update_fields=["halt_verwijzing", "proces_verbaal", "versie"])
    termijnen.melding_bijwerken(melding.pk)
    return link
