"""Every write of the inbox: signals received from a source, accepted (applied through the team
apps' services) or dismissed. Keyword-only and atomic; the sources' own services (duo/,
brp/, inlichtingenbureau/) turn their records into `Record`s and register how an accepted
signal of theirs is applied."""

import logging
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cases.constants import AuditAction, Verwerkingsactiviteit
from cases.models import Gemeente, Jongere, Organisatie, User
from cases.privacy.audit import log_access

from .constants import RunStatus, SignaalStatus, Voorstel
from .models import AutomatischToepassen, KoppelingRun, Signaal

logger = logging.getLogger(__name__)
PURPOSE = Verwerkingsactiviteit.REGISTRATIE


@dataclass
class Record:
    """One record of a source, as the inbox stores it."""

    extern_id: str
    soort: str
    inhoud: dict
    voorstel: str
    gegevens: dict = field(default_factory=dict)
    bsn: str = ""
    gemeentecode: str = ""
    toelichting: str = ""


#: bron -> callable(signaal=, actor=, keuzes=, request=) -> URL of what it made. Raises
#: ValidationError with a Dutch message when it cannot be applied.
TOEPASSERS: dict[str, Callable] = {}


def register_toepasser(bron: str, toepasser: Callable) -> None:
    TOEPASSERS[bron] = toepasser


#: bron -> callable(record=, jongere=) that may change a record's proposal once the jongere it is
#: about is known (e.g. DUO: add to the open melding instead of a new one).
VOORSTEL_BIJSTELLERS: dict[str, Callable] = {}


def jongere_van_signaal(*, signaal: Signaal, actor: User, request=None) -> Jongere:
    """The jongere the signal is about; registered from the source's data (name, birth date, BSN,
    address, woongemeente) through the core's service when the organisation does not know them."""
    from datetime import date

    from cases import services as case_services

    if signaal.jongere is not None:
        return signaal.jongere
    if signaal.gemeente is None:
        raise ValidationError(_("De woongemeente van de jongere is onbekend; registreer de jongere eerst."))
    g = signaal.gegevens
    try:
        geboortedatum = date.fromisoformat(g.get("geboortedatum") or "")
    except ValueError:
        raise ValidationError(
            _("De bron noemt geen geldige geboortedatum; registreer de jongere zelf.")
        ) from None
    jongere = case_services.jongere_register(
        actor=actor,
        organisatie=signaal.organisatie,
        voornamen=g.get("voornamen") or "",
        tussenvoegsel=g.get("tussenvoegsel") or "",
        achternaam=g.get("achternaam") or "",
        geboortedatum=geboortedatum,
        woongemeente=signaal.gemeente,
        bsn=g.get("bsn") or "",
        straat=g.get("straat") or "",
        postcode=g.get("postcode") or "",
        woonplaats=g.get("woonplaats") or "",
    )
    signaal.jongere = jongere
    return jongere


def systeemgebruiker(organisatie: Organisatie) -> User:
    """The actor recorded when a signal is applied automatically: an account that cannot log in."""
    user, created = User.objects.get_or_create(
        username=f"koppelingen-{organisatie.slug}",
        defaults={"organisatie": organisatie, "is_active": False, "first_name": "Koppelingen"},
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


def _foutmelding(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        return " ".join(exc.messages)
    return str(exc)


@transaction.atomic
def signalen_ontvangen(
    *, organisatie: Organisatie, bron: str, records: list[Record], via: str
) -> KoppelingRun:
    """Store each new record as a signal; a record already received (same source and key)
    changes nothing. Signals that match exactly one jongere living in the organisation's
    gemeenten are applied at once where the organisation switched that kind on."""
    run = KoppelingRun(bron=bron, organisatie=organisatie, via=via, status=RunStatus.GESLAAGD)
    run.ontvangen = len(records)
    codes = {r.gemeentecode for r in records if r.gemeentecode}
    gemeenten = {g.code: g for g in Gemeente.objects.filter(code__in=codes)}
    eigen = set(organisatie.gemeenten.values_list("pk", flat=True))
    automatisch = set(
        AutomatischToepassen.objects.filter(organisatie=organisatie).values_list("voorstel", flat=True)
    )
    bewaren_tot = timezone.localdate() + timedelta(days=settings.KOPPELINGEN_BEWAARTERMIJN_DAGEN)
    fouten = []
    for record in records:
        if Signaal.objects.filter(organisatie=organisatie, bron=bron, extern_id=record.extern_id).exists():
            continue
        jongeren = (
            list(Jongere.objects.filter(organisatie=organisatie, bsn=record.bsn)[:2]) if record.bsn else []
        )
        gemeente = gemeenten.get(record.gemeentecode)
        woont_elders = bool(record.gemeentecode) and (gemeente is None or gemeente.pk not in eigen)
        if gemeente is None and not woont_elders and len(jongeren) == 1:
            gemeente = jongeren[0].woongemeente
        if len(jongeren) == 1 and not woont_elders and bron in VOORSTEL_BIJSTELLERS:
            record = replace(record)  # the same record may go to more than one organisation
            VOORSTEL_BIJSTELLERS[bron](record=record, jongere=jongeren[0])
        toelichting = record.toelichting
        if woont_elders:
            toelichting = _(
                "De jongere woont volgens de bron in gemeente %(code)s, buiten de gemeenten van uw "
                "organisatie: stuur dit signaal door."
            ) % {"code": record.gemeentecode}
        try:
            with transaction.atomic():
                signaal = Signaal.objects.create(
                    organisatie=organisatie,
                    bron=bron,
                    soort=record.soort,
                    extern_id=record.extern_id,
                    inhoud=record.inhoud,
                    gegevens=record.gegevens,
                    voorstel=record.voorstel,
                    toelichting=toelichting,
                    jongere=jongeren[0] if len(jongeren) == 1 else None,
                    gemeente=gemeente,
                    doorsturen=woont_elders,
                    bewaren_tot=bewaren_tot,
                )
        except IntegrityError:
            continue  # received at the same moment by another run
        run.nieuw += 1
        eenduidig = len(jongeren) == 1 and not woont_elders
        if record.voorstel in automatisch and eenduidig and not _automatisch_toepassen(signaal):
            fouten.append(signaal.foutmelding)
    if fouten:
        run.fout = _("%(n)s signalen konden niet automatisch worden toegepast; zie Binnengekomen.") % {
            "n": len(fouten)
        }
    run.save()
    return run


def _automatisch_toepassen(signaal: Signaal) -> bool:
    actor = systeemgebruiker(signaal.organisatie)
    try:
        with transaction.atomic():
            url = TOEPASSERS[signaal.bron](signaal=signaal, actor=actor, keuzes={}, request=None)
    except (ValidationError, LookupError) as exc:
        signaal.status = SignaalStatus.MISLUKT
        signaal.foutmelding = _foutmelding(exc)
        signaal.save(update_fields=["status", "foutmelding"])
        return False
    signaal.status = SignaalStatus.AUTOMATISCH
    signaal.resultaat_url = url
    signaal.afgehandeld_op = timezone.now()
    signaal.afgehandeld_door = actor
    signaal.save(update_fields=["status", "resultaat_url", "afgehandeld_op", "afgehandeld_door"])
    return True


def _open_signaal(signaal_id: int) -> Signaal:
    signaal = Signaal.objects.select_for_update().select_related("organisatie").get(pk=signaal_id)
    if not signaal.is_open:
        raise ValidationError(_("Dit signaal is al afgehandeld."))
    return signaal


@transaction.atomic
def signaal_accepteren(*, actor: User, signaal_id: int, keuzes: dict | None = None, request=None) -> Signaal:
    """Apply the proposal (with the choices the user made on the page) through the team apps'
    services. When that is refused nothing is written and the signal keeps waiting."""
    signaal = _open_signaal(signaal_id)
    if signaal.doorsturen:
        raise ValidationError(
            _("Deze jongere woont buiten de gemeenten van uw organisatie. Stuur het signaal door.")
        )
    if signaal.voorstel == Voorstel.GEEN:
        raise ValidationError(_("Bij dit signaal hoort geen actie; wijs het af met een reden."))
    toepasser = TOEPASSERS.get(signaal.bron)
    if toepasser is None:
        raise ValidationError(_("Signalen van deze bron kunnen (nog) niet worden toegepast."))
    signaal.resultaat_url = toepasser(signaal=signaal, actor=actor, keuzes=keuzes or {}, request=request)
    signaal.status = SignaalStatus.TOEGEPAST
    signaal.foutmelding = ""
    signaal.afgehandeld_op = timezone.now()
    signaal.afgehandeld_door = actor
    signaal.save()
    return signaal


@transaction.atomic
def signaal_afwijzen(*, actor: User, signaal_id: int, reden: str, request=None) -> Signaal:
    """Dismiss a signal; the reason is required and kept with it."""
    if not reden.strip():
        raise ValidationError(_("Schrijf op waarom u dit signaal afwijst (of naar welke gemeente het gaat)."))
    signaal = _open_signaal(signaal_id)
    signaal.status = SignaalStatus.AFGEWEZEN
    signaal.afwijsreden = reden.strip()
    signaal.afgehandeld_op = timezone.now()
    signaal.afgehandeld_door = actor
    signaal.save()
    log_access(
        actor=actor,
        action=AuditAction.WIJZIGEN,
        purpose=PURPOSE,
        jongere=signaal.jongere,
        obj=signaal,
        request=request,
    )
    return signaal


def bewaartermijn_toepassen(*, today) -> int:
    """Empty the raw content of signals past their retention term (the dossier keeps what was
    applied). Returns how many were emptied; a second run the same day empties nothing."""
    return (
        Signaal.objects.filter(bewaren_tot__lt=today)
        .exclude(inhoud={})
        .exclude(status__in=[SignaalStatus.WACHTEND, SignaalStatus.MISLUKT])
        .update(inhoud={}, gegevens={})
    )
