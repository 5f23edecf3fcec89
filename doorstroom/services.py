"""Every write of the Doorstroompunt. Keyword-only, atomic, locked where two people may act at
once, and each writes its history row and its processing-log entry."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cases import services as case_services
from cases.concurrency import lock_and_check
from cases.constants import ActieSoort, AuditAction, Codelijst, Verwerkingsactiviteit
from cases.models import CodeItem, Dossier, User
from cases.privacy.audit import log_access
from cases.services import actie_register
from cases.workflow import TransitionError

from . import rules, termijnen
from .constants import RESULTAAT_LIJST, BenaderingSoort, Bron, Doelgroep, Stap, reden_lijst, uitstroom_lijst
from .models import Benadering, PlanVanAanpak, StapWijziging, Traject, VerzuimActie, VerzuimMelding
from .workflow import routekaart_voor, sluit_af

PURPOSE = Verwerkingsactiviteit.BEGELEIDING_DOORSTROOMPUNT


def _log(*, actor, action, traject: Traject, obj=None, request=None) -> None:
    jongere = Dossier.objects.select_related("jongere").get(pk=traject.dossier_id).jongere
    log_access(
        actor=actor, action=action, purpose=PURPOSE, jongere=jongere, obj=obj or traject, request=request
    )


def _check_code(item: CodeItem | None, *, field: str, organisatie_id: int, lijsten) -> None:
    """A code must come from the organisation's own list for this field."""
    if item is None:
        return
    if item.organisatie_id != organisatie_id or item.lijst not in [str(lijst) for lijst in lijsten]:
        raise ValidationError({field: _("Deze keuze hoort niet bij de lijst van uw organisatie.")})


def _check_not_future(day: date | None, field: str, today: date) -> None:
    if day is not None and day > today:
        raise ValidationError(
            {field: _("Deze datum kan niet in de toekomst liggen; kies vandaag of eerder.")}
        )


def _check_signal_codes(traject: Traject, organisatie_id: int) -> None:
    _check_code(
        traject.onderwijsachtergrond,
        field="onderwijsachtergrond",
        organisatie_id=organisatie_id,
        lijsten=[Codelijst.DSP_ONDERWIJSACHTERGROND],
    )
    _check_code(
        traject.herkomst,
        field="herkomst",
        organisatie_id=organisatie_id,
        lijsten=[Codelijst.DSP_HERKOMST_KWETSBAAR],
    )
    _check_code(
        traject.reden, field="reden", organisatie_id=organisatie_id, lijsten=[reden_lijst(traject.doelgroep)]
    )
    if traject.herkomst_id and traject.doelgroep != Doelgroep.KWETSBARE_JONGERE:
        raise ValidationError(
            {"herkomst": _("Herkomst pro/vso/entree hoort alleen bij een kwetsbare jongere.")}
        )
    if traject.behandelaar_id and traject.behandelaar.organisatie_id != organisatie_id:
        raise ValidationError({"behandelaar": _("Kies een coach van uw eigen organisatie.")})


def _record_step(
    *, traject: Traject, van: str, naar: str, actor, reden: str = "", when=None
) -> StapWijziging:
    when = when or timezone.now()
    traject.stap = naar
    traject.stap_sinds = timezone.localdate(when)
    return StapWijziging.objects.create(
        traject=traject, van_stap=van, naar_stap=naar, reden=reden, door=actor, tijdstip=when
    )


@transaction.atomic
def traject_start(
    *,
    actor: User | None,
    dossier: Dossier,
    doelgroep: str,
    gemeld_op: date,
    bron: str = "",
    uitval_op: date | None = None,
    onderwijsachtergrond: CodeItem | None = None,
    herkomst: CodeItem | None = None,
    reden: CodeItem | None = None,
    toelichting: str = "",
    behandelaar: User | None = None,
    extern_id: str = "",
    bevestigd: bool = False,
    request=None,
) -> Traject:
    """Open a traject at step 1 of the Routekaart on the jongere's dossier. A vsv traject for a
    jongere under 18 needs `bevestigd` (rules.leeftijd_waarschuwing)."""
    today = timezone.localdate()
    jongere = dossier.jongere
    _check_not_future(gemeld_op, "gemeld_op", today)
    _check_not_future(uitval_op, "uitval_op", today)
    problem = rules.leeftijd_fout(doelgroep, jongere.geboortedatum, gemeld_op)
    if problem:
        raise ValidationError({"doelgroep": problem})
    question = rules.leeftijd_waarschuwing(doelgroep, jongere.geboortedatum, gemeld_op)
    if question and not bevestigd:
        raise ValidationError({"bevestigd": question})
    # Lock the dossier so two people cannot open the same traject twice at the same moment.
    Dossier.objects.select_for_update().get(pk=dossier.pk)
    if Traject.objects.filter(dossier=dossier, doelgroep=doelgroep, afgesloten_op__isnull=True).exists():
        raise ValidationError(
            {
                "doelgroep": _(
                    "Deze jongere heeft al een lopend traject in deze doelgroep. Werk dat traject bij."
                )
            }
        )
    traject = Traject(
        dossier=dossier,
        doelgroep=doelgroep,
        gemeld_op=gemeld_op,
        bron=bron,
        uitval_op=uitval_op,
        onderwijsachtergrond=onderwijsachtergrond,
        herkomst=herkomst,
        reden=reden,
        toelichting=toelichting,
        behandelaar=behandelaar,
        extern_id=extern_id,
        aangemaakt_door=actor,
    )
    _check_signal_codes(traject, jongere.organisatie_id)
    traject.save()
    _record_step(traject=traject, van="", naar=Stap.SIGNALEREN, actor=actor)
    traject.save(update_fields=["stap", "stap_sinds"])
    if actor is not None:
        log_access(
            actor=actor,
            action=AuditAction.AANMAKEN,
            purpose=PURPOSE,
            jongere=jongere,
            obj=traject,
            request=request,
        )
    termijnen.traject_bijwerken(traject.pk)
    return traject


@transaction.atomic
def traject_overdragen(
    *,
    actor: User,
    dossier: Dossier,
    doelgroep: str = Doelgroep.NIEUW_VSV,
    toelichting: str = "",
    request=None,
) -> Traject:
    """Leerplicht hands a jongere turning 18 without startkwalificatie to the Doorstroompunt.

    The traject opens on the same dossier, so the coach reads the leerplicht history on its
    timeline; the overdracht itself is an action on that timeline too.
    """
    today = timezone.localdate()
    jongere = dossier.jongere
    if not rules.overdracht_mogelijk(jongere.geboortedatum, jongere.startkwalificatie_op, today):
        raise ValidationError(
            _(
                "Overdracht kan vanaf drie maanden voor de 18e verjaardag, zolang de jongere geen "
                "startkwalificatie heeft en jonger is dan %(grens)s jaar."
            )
            % {"grens": rules.leeftijdsgrens(today)}
        )
    if Traject.objects.filter(dossier=dossier, afgesloten_op__isnull=True).exists():
        raise ValidationError(_("Deze jongere heeft al een lopend traject bij het Doorstroompunt."))
    traject = traject_start(
        actor=actor,
        dossier=dossier,
        doelgroep=doelgroep,
        gemeld_op=today,
        bron=Bron.OVERDRACHT_LEERPLICHT,
        toelichting=toelichting,
        bevestigd=True,  # the overdracht itself is the agreed hand-over before the 18th birthday
        request=request,
    )
    actie_register(
        actor=actor,
        dossier=dossier,
        soort=ActieSoort.OVERDRACHT,
        datum=today,
        omschrijving=_("Overgedragen aan het Doorstroompunt (%(doelgroep)s).")
        % {"doelgroep": traject.get_doelgroep_display()}
        + (f"\n{toelichting}" if toelichting else ""),
        purpose=Verwerkingsactiviteit.HANDHAVING_LEERPLICHT,
        request=request,
    )
    return traject


@transaction.atomic
def traject_bijwerken(*, actor: User, traject: Traject, versie: int, request=None, **fields) -> Traject:
    """Change the signal data of a traject (not its doelgroep or step). Refuses a stale versie."""
    locked = lock_and_check(Traject.objects.all(), traject.pk, versie)
    today = timezone.localdate()
    allowed = {"gemeld_op", "uitval_op", "bron", "onderwijsachtergrond", "herkomst", "reden", "toelichting"}
    allowed.add("behandelaar")
    unknown = set(fields) - allowed
    if unknown:
        raise TypeError(f"traject_bijwerken cannot change {sorted(unknown)}")
    vorige_behandelaar = locked.behandelaar_id
    for name, value in fields.items():
        setattr(locked, name, value)
    _check_not_future(locked.gemeld_op, "gemeld_op", today)
    _check_not_future(locked.uitval_op, "uitval_op", today)
    organisatie_id = Dossier.objects.values_list("jongere__organisatie_id", flat=True).get(
        pk=locked.dossier_id
    )
    _check_signal_codes(locked, organisatie_id)
    locked.save()
    case_services.toewijzing_vastleggen(
        actor=actor, obj=locked, onderwerp="traject", van_id=vorige_behandelaar
    )
    termijnen.traject_bijwerken(locked.pk)
    _log(actor=actor, action=AuditAction.WIJZIGEN, traject=locked, request=request)
    return locked


@transaction.atomic
def stap_wijzigen(
    *, actor: User, traject: Traject, naar: str, reden: str = "", versie: int | None = None, request=None
) -> Traject:
    """Move a traject along the Routekaart; going back a phase needs a reason."""
    locked = lock_and_check(Traject.objects.all(), traject.pk, versie)
    source = locked.stap
    routekaart_voor(locked.doelgroep).check(source, naar, reden)
    if sluit_af(source, naar):
        raise TransitionError(
            _("Naar '%(stap)s' gaat het traject door het af te sluiten, met uitstroom en nazorg.")
            % {"stap": Stap(naar).label}
        )
    _record_step(traject=locked, van=source, naar=naar, actor=actor, reden=reden.strip())
    locked.save()
    _log(actor=actor, action=AuditAction.WIJZIGEN, traject=locked, request=request)
    return locked


def afsluitstap(traject: Traject) -> str | None:
    """The step a traject goes to when closed from its current step, or None when it cannot close yet."""
    if not traject.is_open:
        return None
    allowed = routekaart_voor(traject.doelgroep).allowed(traject.stap)
    for target in (Stap.AFSLUITEN, Stap.TERUGKOPPELEN):
        if target in allowed and sluit_af(traject.stap, target):
            return target
    return None


@transaction.atomic
def traject_afsluiten(
    *,
    actor: User,
    traject: Traject,
    versie: int,
    begeleid: bool | None,
    afgesloten_op: date,
    reden_niet_begeleid: CodeItem | None = None,
    uitstroom: CodeItem | None = None,
    resultaat: CodeItem | None = None,
    verzuim_afloop: str = "",
    request=None,
) -> Traject:
    """Close a traject: begeleid or not (and why), uitstroom, and a nazorg check a year later."""
    locked = lock_and_check(Traject.objects.all(), traject.pk, versie)
    target = afsluitstap(locked)
    if target is None:
        raise TransitionError(
            _("Vanuit '%(stap)s' kan het traject nog niet worden afgesloten.")
            % {"stap": locked.get_stap_display()}
        )
    organisatie_id = Dossier.objects.values_list("jongere__organisatie_id", flat=True).get(
        pk=locked.dossier_id
    )
    _check_code(
        reden_niet_begeleid,
        field="reden_niet_begeleid",
        organisatie_id=organisatie_id,
        lijsten=[Codelijst.DSP_REDEN_NIET_BEGELEID],
    )
    _check_code(
        uitstroom,
        field="uitstroom",
        organisatie_id=organisatie_id,
        lijsten=[uitstroom_lijst(locked.doelgroep)],
    )
    resultaat_lijst = RESULTAAT_LIJST.get(locked.doelgroep)
    _check_code(
        resultaat,
        field="resultaat",
        organisatie_id=organisatie_id,
        lijsten=[resultaat_lijst] if resultaat_lijst else [],
    )
    _check_not_future(afgesloten_op, "afgesloten_op", timezone.localdate())
    if afgesloten_op < locked.gemeld_op:
        raise ValidationError({"afgesloten_op": _("Afsluiten kan niet voor de datum van het signaal.")})
    errors = rules.afsluiting_fouten(
        doelgroep=locked.doelgroep,
        begeleid=begeleid,
        reden_niet_begeleid=reden_niet_begeleid.label if reden_niet_begeleid else None,
        uitstroom_gekozen=uitstroom is not None,
        verzuim_afloop=verzuim_afloop,
        huisbezoek_vastgelegd=locked.benaderingen.filter(soort=BenaderingSoort.HUISBEZOEK).exists(),
    )
    if errors:
        raise ValidationError(errors)
    locked.begeleid = begeleid
    locked.reden_niet_begeleid = reden_niet_begeleid
    locked.uitstroom = uitstroom
    locked.resultaat = resultaat
    locked.verzuim_afloop = verzuim_afloop if locked.doelgroep == Doelgroep.VERZUIM_18PLUS else ""
    locked.afgesloten_op = afgesloten_op
    locked.nazorg_op = rules.nazorg_datum(afgesloten_op)
    _record_step(traject=locked, van=locked.stap, naar=target, actor=actor, reden=_("Traject afgesloten."))
    locked.save()
    termijnen.traject_bijwerken(locked.pk)
    _log(actor=actor, action=AuditAction.WIJZIGEN, traject=locked, request=request)
    return locked


@transaction.atomic
def benadering_vastleggen(
    *,
    actor: User,
    traject: Traject,
    soort: str,
    datum: date,
    uitkomst: str,
    toelichting: str = "",
    request=None,
) -> Benadering:
    locked = Traject.objects.select_for_update().get(pk=traject.pk)
    _check_not_future(datum, "datum", timezone.localdate())
    if datum < locked.gemeld_op:
        raise ValidationError({"datum": _("Een contactpoging ligt niet voor de datum van het signaal.")})
    benadering = Benadering.objects.create(
        traject=locked, soort=soort, datum=datum, uitkomst=uitkomst, toelichting=toelichting, door=actor
    )
    termijnen.traject_bijwerken(locked.pk)
    _log(actor=actor, action=AuditAction.AANMAKEN, traject=locked, obj=benadering, request=request)
    return benadering


@transaction.atomic
def benadering_en_stap(
    *, actor: User, traject: Traject, naar: str, versie: int, request=None, **benadering
) -> Benadering:
    """Record a contact attempt and move to the next step in one go (one form for the coach):
    both or neither. The step is checked first, so a stale page stores no benadering either."""
    stap_wijzigen(actor=actor, traject=traject, naar=naar, versie=versie, request=request)
    return benadering_vastleggen(actor=actor, traject=traject, request=request, **benadering)


@transaction.atomic
def plan_bijwerken(*, actor: User, traject: Traject, versie: int, request=None, **fields) -> PlanVanAanpak:
    """Record the intake (leefdomeinen, privacy agreement) and the plan van aanpak."""
    locked = lock_and_check(Traject.objects.all(), traject.pk, versie)
    today = timezone.localdate()
    for name in ("intake_op", "toestemming_op", "plan_vastgesteld_op"):
        _check_not_future(fields.get(name), name, today)
    if fields.get("toestemming_gegevensuitwisseling") and not fields.get("toestemming_op"):
        raise ValidationError({"toestemming_op": _("Vul de datum van de toestemmingsverklaring in.")})
    if not fields.get("toestemming_gegevensuitwisseling"):
        fields["toestemming_op"] = None
    plan, _created = PlanVanAanpak.objects.update_or_create(
        traject=locked, defaults={**fields, "bijgewerkt_door": actor, "bijgewerkt_op": timezone.now()}
    )
    locked.save(update_fields=["versie"])
    _log(actor=actor, action=AuditAction.WIJZIGEN, traject=locked, obj=plan, request=request)
    return plan


def _require_verzuim(traject: Traject) -> None:
    if traject.doelgroep != Doelgroep.VERZUIM_18PLUS:
        raise ValidationError(_("Verzuimmeldingen en -acties horen bij een traject verzuim 18+."))


@transaction.atomic
def verzuimmelding_vastleggen(
    *,
    actor: User,
    traject: Traject,
    gemeld_op: date,
    uren: int,
    weken: int = 4,
    school=None,
    toelichting: str = "",
    request=None,
) -> VerzuimMelding:
    locked = Traject.objects.select_for_update().get(pk=traject.pk)
    _require_verzuim(locked)
    _check_not_future(gemeld_op, "gemeld_op", timezone.localdate())
    if uren < rules.VERZUIM_18PLUS_DREMPEL_UREN:
        message = _("Een verzuimmelding 18+ gaat over %(uren)s uur of meer in 4 weken (regionale afspraak).")
        raise ValidationError({"uren": message % {"uren": rules.VERZUIM_18PLUS_DREMPEL_UREN}})
    melding = VerzuimMelding.objects.create(
        traject=locked,
        gemeld_op=gemeld_op,
        uren=uren,
        weken=weken,
        school=school,
        toelichting=toelichting,
        door=actor,
    )
    _log(actor=actor, action=AuditAction.AANMAKEN, traject=locked, obj=melding, request=request)
    return melding


@transaction.atomic
def verzuimactie_vastleggen(
    *,
    actor: User,
    traject: Traject,
    actie: CodeItem,
    datum: date,
    melding: VerzuimMelding | None = None,
    toelichting: str = "",
    request=None,
) -> VerzuimActie:
    locked = Traject.objects.select_for_update().get(pk=traject.pk)
    _require_verzuim(locked)
    organisatie_id = Dossier.objects.values_list("jongere__organisatie_id", flat=True).get(
        pk=locked.dossier_id
    )
    _check_code(
        actie, field="actie", organisatie_id=organisatie_id, lijsten=[Codelijst.DSP_ACTIE_VERZUIM_18PLUS]
    )
    _check_not_future(datum, "datum", timezone.localdate())
    if melding is not None and melding.traject_id != locked.pk:
        raise ValidationError({"melding": _("Deze melding hoort bij een ander traject.")})
    verzuimactie = VerzuimActie.objects.create(
        traject=locked, melding=melding, actie=actie, datum=datum, toelichting=toelichting, door=actor
    )
    _log(actor=actor, action=AuditAction.AANMAKEN, traject=locked, obj=verzuimactie, request=request)
    return verzuimactie


@transaction.atomic
def nazorg_vastleggen(
    *,
    actor: User,
    traject: Traject,
    versie: int,
    uitgevoerd_op: date,
    situatie: CodeItem | None,
    toelichting: str = "",
    request=None,
) -> Traject:
    """Record the follow-up: where the jongere is a year after closing."""
    locked = lock_and_check(Traject.objects.all(), traject.pk, versie)
    if locked.is_open:
        raise TransitionError(_("Nazorg hoort bij een afgesloten traject; sluit het traject eerst af."))
    organisatie_id = Dossier.objects.values_list("jongere__organisatie_id", flat=True).get(
        pk=locked.dossier_id
    )
    _check_code(
        situatie, field="situatie", organisatie_id=organisatie_id, lijsten=[uitstroom_lijst(locked.doelgroep)]
    )
    _check_not_future(uitgevoerd_op, "uitgevoerd_op", timezone.localdate())
    if uitgevoerd_op < locked.afgesloten_op:
        raise ValidationError({"uitgevoerd_op": _("De nazorg ligt niet voor de datum van afsluiten.")})
    locked.nazorg_uitgevoerd_op = uitgevoerd_op
    locked.nazorg_situatie = situatie
    locked.nazorg_toelichting = toelichting
    locked.save()
    termijnen.traject_bijwerken(locked.pk)
    _log(actor=actor, action=AuditAction.WIJZIGEN, traject=locked, request=request)
    return locked


def nazorg_signaleren(*, today: date) -> int:
    """Mark every follow-up that is due and not yet signalled; idempotent. Returns the number marked."""
    return Traject.objects.filter(
        nazorg_op__lte=today, nazorg_gesignaleerd_op__isnull=True, nazorg_uitgevoerd_op__isnull=True
    ).update(nazorg_gesignaleerd_op=today)
