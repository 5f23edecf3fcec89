"""BRP lookups: the jongere's address and woongemeente, ouders and gezag, secrecy and death,
written through the core's services. Each lookup is written to the processing log with its
purpose before the call, so a failed call is logged too."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cases import services as case_services
from cases.constants import AuditAction, GegevensBron, Verwerkingsactiviteit
from cases.models import Gemeente, Jongere, User
from cases.ouders.services import ouders_bijwerken_uit_bron
from cases.privacy.audit import log_access

from ..constants import Bron, Voorstel
from ..models import BrpStand
from ..services import Record, signalen_ontvangen
from . import checks, client, mapping


def _fout(stand: BrpStand, fout: client.BrpFout):
    BrpStand.objects.filter(pk=stand.pk).update(laatste_fout=str(fout))
    return fout


def bijwerken(*, actor: User, jongere: Jongere, purpose: str, request=None) -> list[str]:
    """Ask the BRP about `jongere` and write what it says. Returns Dutch lines describing the
    changes; raises BrpFout (Dutch) when nothing could be changed."""
    if not jongere.bsn:
        raise client.BrpFout(_("Deze jongere heeft geen BSN; de BRP kan niet worden geraadpleegd."))
    configured, _text = checks.status()
    if not configured:
        raise client.BrpFout(_("De BRP-koppeling is niet ingesteld; vraag de beheerder."))
    stand, _created = BrpStand.objects.get_or_create(jongere=jongere)
    log_access(
        actor=actor, action=AuditAction.INZIEN, purpose=purpose, jongere=jongere, obj=stand, request=request
    )
    try:
        persoon = client.BrpClient(client.verbinding()).raadpleeg(jongere.bsn)
    except client.BrpFout as exc:
        raise _fout(stand, exc) from exc
    if persoon is None:
        raise _fout(stand, client.BrpFout(_("De BRP kent geen persoon met dit BSN. Er is niets gewijzigd.")))
    ouder_personen = {}
    if bsns := mapping.ouder_bsns(persoon):
        # The child's answer names the ouders without their address: a second lookup, of the
        # ouders themselves, with its own entry in the processing log (same purpose).
        log_access(
            actor=actor,
            action=AuditAction.INZIEN,
            purpose=purpose,
            jongere=jongere,
            obj=stand,
            request=request,
        )
        try:
            gevonden = client.BrpClient(client.verbinding()).raadpleeg_personen(bsns, mapping.OUDER_FIELDS)
        except client.BrpFout as exc:
            raise _fout(stand, exc) from exc
        ouder_personen = {p.get("burgerservicenummer"): p for p in gevonden}
    with transaction.atomic():
        return _schrijven(
            actor=actor,
            jongere=jongere,
            stand=stand,
            persoon=persoon,
            ouder_personen=ouder_personen,
            purpose=purpose,
            request=request,
        )


def _schrijven(*, actor, jongere, stand, persoon, ouder_personen, purpose, request) -> list[str]:
    today = timezone.localdate()
    regels = []
    code = mapping.gemeentecode(persoon)
    gemeente = Gemeente.objects.filter(code=code).first() if code else None
    eigen = gemeente is not None and jongere.organisatie.gemeenten.filter(pk=gemeente.pk).exists()
    adres = mapping.adres(persoon)
    try:
        changed = case_services.jongere_adres_bijwerken(
            actor=actor,
            jongere=jongere,
            woongemeente=gemeente if eigen else None,
            purpose=purpose,
            request=request,
            **adres,
        )
    except ValidationError as exc:
        raise client.BrpFout(" ".join(exc.messages)) from exc
    if changed:
        regels.append(_("Adres bijgewerkt uit de BRP."))
    ouders = ouders_bijwerken_uit_bron(
        actor=actor,
        jongere=jongere,
        ouders=mapping.ouders(persoon, ouder_personen),
        bron=GegevensBron.BRP,
        bron_datum=today,
        purpose=purpose,
    )
    regels.append(_("%(n)s ouder(s) uit de BRP.") % {"n": len(ouders)})
    geheim = mapping.geheimhouding(persoon)
    if geheim and not stand.geheimhouding:
        stand.geheimhouding_bevestigd_door = None
        stand.geheimhouding_bevestigd_op = None
    stand.geheimhouding = geheim
    overleden = mapping.overleden_op(persoon)
    stand.overleden_op = overleden or None
    stand.gemeentecode = code
    stand.opgehaald_op = timezone.now()
    stand.laatste_fout = ""
    stand.save()
    records = []
    if code and not eigen:
        records.append(
            Record(
                extern_id=f"verhuisd-{jongere.pk}-{code}",
                soort="verhuizing",
                inhoud={"gemeenteVanInschrijving": persoon.get("gemeenteVanInschrijving")},
                voorstel=Voorstel.OVERDRACHT_VERHUISD,
                bsn=jongere.bsn,
                gemeentecode=code,
            )
        )
        regels.append(
            _("Volgens de BRP woont de jongere in een andere gemeente: zie Binnengekomen (doorsturen).")
        )
    if overleden:
        records.append(
            Record(
                extern_id=f"overleden-{jongere.pk}",
                soort="overlijden",
                inhoud={"overlijden": persoon.get("overlijden")},
                gegevens={"datum": overleden},
                voorstel=Voorstel.AFSLUITEN_OVERLEDEN,
                bsn=jongere.bsn,
                toelichting=_("De BRP meldt dat de jongere is overleden: sluit het open werk af."),
            )
        )
    if records:
        signalen_ontvangen(organisatie=jongere.organisatie, bron=Bron.BRP, records=records, via="brp")
    return regels


@transaction.atomic
def geheimhouding_bevestigen(*, actor: User, jongere: Jongere, request=None) -> BrpStand:
    """A person confirms letters to this address may be sent despite the BRP's geheimhouding
    (e.g. the letter goes only to the jongere and ouders themselves)."""
    stand = BrpStand.objects.select_for_update().get(jongere=jongere)
    stand.geheimhouding_bevestigd_door = actor
    stand.geheimhouding_bevestigd_op = timezone.now()
    stand.save(update_fields=["geheimhouding_bevestigd_door", "geheimhouding_bevestigd_op"])
    log_access(
        actor=actor,
        action=AuditAction.WIJZIGEN,
        purpose=Verwerkingsactiviteit.REGISTRATIE,
        jongere=jongere,
        obj=stand,
        request=request,
    )
    return stand


def brieven_blokkade(dossier) -> str | None:
    """cases.registry.letter_blockers: no letter while the BRP's geheimhouding is unconfirmed."""
    stand = BrpStand.objects.filter(jongere_id=dossier.jongere_id).first()
    if stand is not None and stand.brieven_geblokkeerd:
        return _(
            "De BRP meldt geheimhouding van de persoonsgegevens van deze jongere. Bevestig eerst op het "
            "dossier dat een brief naar dit adres mag worden verstuurd."
        )
    return None


def dossier_context(user, dossier) -> dict:
    return {"brp_stand": BrpStand.objects.filter(jongere_id=dossier.jongere_id).first()}


def nachtelijk_bijwerken(*, actor_for) -> int:
    """Refresh the jongeren with open work (open meldingen or trajecten); returns how many."""
    from django.db.models import Q

    open_werk = Q(
        dossier__meldingen__fase__in=["waarnemen", "analyseren", "plannen", "handelen", "evalueren"]
    ) | Q(dossier__trajecten__afgesloten_op__isnull=True, dossier__trajecten__isnull=False)
    jongeren = Jongere.objects.exclude(bsn="").filter(open_werk).distinct().select_related("organisatie")
    gedaan = 0
    for jongere in jongeren.iterator():
        try:
            bijwerken(
                actor=actor_for(jongere.organisatie),
                jongere=jongere,
                purpose=Verwerkingsactiviteit.REGISTRATIE,
            )
        except client.BrpFout:
            continue
        gedaan += 1
    return gedaan
