"""DUO verzuimmeldingen: documents in our intermediate format become inbox signals; an accepted
signal becomes a melding (or an 18+ traject) carrying DUO's number; the melding's transitions
put status messages in the outbox, which a Celery task sends to DUO."""

import json
from datetime import date

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from cases.models import Organisatie, School
from doorstroom import services as doorstroom_services
from leerplicht import afsluiten
from leerplicht import services as leerplicht_services
from leerplicht.constants import Fase, MeldingSoort
from leerplicht.services import MeldingGegevens

from ..constants import Bron, DuoStatus, RunStatus, UitberichtStatus, Voorstel
from ..models import KoppelingRun, Uitbericht
from ..services import (
    VOORSTEL_BIJSTELLERS,
    Record,
    jongere_van_signaal,
    register_toepasser,
    signalen_ontvangen,
)
from . import client, mapping

BRON = Bron.DUO_VERZUIM
SOORT = "verzuimmelding"
#: The choice on the accept form that makes a new melding instead of adding to the open one.
NIEUWE_MELDING = "nieuwe_melding"


def _datum(value, pad: str, fouten: list, nummer: int):
    if value in (None, ""):
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except (TypeError, ValueError):
        fouten.append(
            _("Melding %(n)s: %(veld)s is geen datum (verwacht jjjj-mm-dd).") % {"n": nummer, "veld": pad}
        )
        return None


def records_uit_document(inhoud: bytes) -> list[Record]:
    """Read one document of our format; a document with any error is refused as a whole, with
    every problem named (row number and field, no personal data), so nothing is half-read."""
    try:
        document = json.loads(inhoud.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise client.DuoFout(_("Het bestand is geen geldige JSON (UTF-8).")) from exc
    if not isinstance(document, dict) or document.get("formaat") != mapping.FORMAAT:
        raise client.DuoFout(
            _('Onbekend formaat: verwacht "formaat": "%(formaat)s" (zie docs/koppelingen.md).')
            % {"formaat": mapping.FORMAAT}
        )
    meldingen = document.get("meldingen")
    if not isinstance(meldingen, list):
        raise client.DuoFout(_('Het bestand heeft geen lijst "meldingen".'))
    records, fouten = [], []
    for nummer, melding in enumerate(meldingen, start=1):
        gegevens = {}
        for pad, veld, _begrip, verplicht in mapping.VELDEN:
            value = mapping.waarde(melding, pad)
            if verplicht and value in (None, ""):
                fouten.append(_("Melding %(n)s: %(veld)s ontbreekt.") % {"n": nummer, "veld": pad})
            if veld in ("ontvangen_op", "geboortedatum", "verzuim_van", "verzuim_tot"):
                value = _datum(value, pad, fouten, nummer)
            gegevens[veld] = value if value is not None else ""
        verzuimsoort = gegevens["verzuimsoort"]
        if verzuimsoort and verzuimsoort not in mapping.VERZUIMSOORT:
            fouten.append(
                _("Melding %(n)s: onbekende verzuimsoort '%(soort)s'; toegestaan: %(toegestaan)s.")
                % {"n": nummer, "soort": verzuimsoort, "toegestaan": ", ".join(mapping.VERZUIMSOORT)}
            )
            continue
        for veld in ("uren_verzuim", "verlof_dagen"):
            if gegevens[veld] != "" and not (isinstance(gegevens[veld], int) and gegevens[veld] >= 0):
                fouten.append(_("Melding %(n)s: %(veld)s is geen heel getal.") % {"n": nummer, "veld": veld})
        soort = mapping.VERZUIMSOORT.get(verzuimsoort)
        gegevens["soort"] = soort or ""
        records.append(
            Record(
                extern_id=str(gegevens["duo_meldingnummer"]),
                soort=SOORT,
                inhoud=melding,
                gegevens=gegevens,
                voorstel=Voorstel.NIEUWE_MELDING if soort else Voorstel.NIEUW_TRAJECT,
                bsn=str(gegevens["bsn"] or ""),
                gemeentecode=str(gegevens["gemeentecode"] or ""),
                toelichting=_("Verzuimmelding van %(school)s: %(soort)s.")
                % {
                    "school": gegevens["schoolnaam"] or gegevens["brin"],
                    "soort": MeldingSoort(soort).label if soort else _("verzuim 18+ (Doorstroompunt)"),
                },
            )
        )
    if fouten:
        raise client.DuoFout(" ".join(fouten))
    return records


def _mislukt(*, organisatie, via: str, fout: str) -> KoppelingRun:
    return KoppelingRun.objects.create(
        bron=BRON, organisatie=organisatie, via=via, status=RunStatus.MISLUKT, fout=fout
    )


def document_verwerken(*, organisatie: Organisatie, inhoud: bytes, via: str) -> KoppelingRun:
    """A document uploaded by a beheerder or fetched by a transport. Reading it again adds nothing."""
    try:
        records = records_uit_document(inhoud)
    except client.DuoFout as exc:
        return _mislukt(organisatie=organisatie, via=via, fout=str(exc))
    return signalen_ontvangen(organisatie=organisatie, bron=BRON, records=records, via=via)


def routeren(records: list[Record]) -> tuple[dict[Organisatie, list[Record]], list[Record]]:
    """Each record to the organisation(s) whose gemeenten include the jongere's woongemeente
    (`leerling.gemeentecode`, which our format requires: DUO sends a verzuimmelding to the
    gemeente where the leerling lives, art. 21a Lpw, not to the school's). Returns the records
    per organisation and those no organisation covers."""
    codes = {r.gemeentecode for r in records}
    dekking: dict[str, list[Organisatie]] = {}
    for organisatie in Organisatie.objects.filter(gemeenten__code__in=codes).distinct().order_by("pk"):
        for code in organisatie.gemeenten.filter(code__in=codes).values_list("code", flat=True):
            dekking.setdefault(code, []).append(organisatie)
    per_organisatie: dict[Organisatie, list[Record]] = {}
    niet_gedekt = []
    for record in records:
        organisaties = dekking.get(record.gemeentecode)
        if not organisaties:
            niet_gedekt.append(record)
        for organisatie in organisaties or []:
            per_organisatie.setdefault(organisatie, []).append(record)
    return per_organisatie, niet_gedekt


def document_routeren(*, inhoud: bytes, via: str, terugval: Organisatie | None = None) -> list[KoppelingRun]:
    """A document fetched by a transport (for every organisation in this installation): one run
    per organisation it has records for. Records no organisation covers go to `terugval`
    (DUO_VERZUIM_ORGANISATIE), where they land on the Doorsturen list; without it they are
    counted in a failed run (naming the gemeentecodes, never a person) and not stored, so the
    next fetch offers them again."""
    try:
        records = records_uit_document(inhoud)
    except client.DuoFout as exc:
        return [_mislukt(organisatie=terugval, via=via, fout=str(exc))]
    per_organisatie, niet_gedekt = routeren(records)
    if niet_gedekt and terugval is not None:
        per_organisatie.setdefault(terugval, []).extend(niet_gedekt)
        niet_gedekt = []
    runs = [
        signalen_ontvangen(organisatie=organisatie, bron=BRON, records=eigen, via=via)
        for organisatie, eigen in per_organisatie.items()
    ]
    if niet_gedekt:
        runs.append(
            _mislukt(
                organisatie=None,
                via=via,
                fout=_(
                    "%(n)s verzuimmelding(en) over jongeren in gemeenten die geen organisatie hier bedient "
                    "(%(codes)s) zijn niet opgeslagen. Voeg de gemeente toe aan een organisatie, of zet "
                    "DUO_VERZUIM_ORGANISATIE om ze op de lijst Doorsturen van die organisatie te zetten."
                )
                % {"n": len(niet_gedekt), "codes": ", ".join(sorted({r.gemeentecode for r in niet_gedekt}))},
            )
        )
    return runs


def ophalen() -> list[KoppelingRun]:
    """Fetch from the configured transport and route each melding to the organisation of the
    jongere's woongemeente (`routeren`); DUO_VERZUIM_ORGANISATIE, when set, receives those no
    organisation covers."""
    transport = client.transport()
    if transport is None:
        return []
    runs, terugval = [], None
    if settings.DUO_VERZUIM_ORGANISATIE:
        terugval = Organisatie.objects.filter(slug=settings.DUO_VERZUIM_ORGANISATIE).first()
        if terugval is None:
            runs.append(
                _mislukt(
                    organisatie=None,
                    via=transport.via,
                    fout=_("DUO_VERZUIM_ORGANISATIE noemt geen bestaande organisatie."),
                )
            )
    try:
        documenten = transport.ophalen()
    except client.DuoFout as exc:
        return [*runs, _mislukt(organisatie=terugval, via=transport.via, fout=str(exc))]
    for _n, inhoud in documenten:
        runs.extend(document_routeren(inhoud=inhoud, via=transport.via, terugval=terugval))
    return runs


def voorstel_bijstellen(*, record: Record, jongere) -> None:
    """A melding for a jongere with an open melding of the same soort (mapping.
    AANVULLEN_BIJ_OPEN_MELDING) is proposed as an addition to that melding; the LPA may still
    choose a new melding when accepting."""
    soort = record.gegevens.get("soort")
    if soort not in mapping.AANVULLEN_BIJ_OPEN_MELDING:
        return
    open_melding = leerplicht_services.lopende_melding(jongere.dossier, soort)
    if open_melding is None:
        return
    record.voorstel = Voorstel.MELDING_AANVULLEN
    record.gegevens = {**record.gegevens, "open_melding_id": open_melding.pk}
    record.toelichting = " ".join(
        (
            record.toelichting,
            _(
                "Er loopt al een melding %(soort)s sinds %(datum)s: voorstel is deze verzuimmelding aan "
                "die melding toe te voegen."
            )
            % {
                "soort": open_melding.get_soort_display().lower(),
                "datum": open_melding.ontvangen_op.strftime("%d-%m-%Y"),
            },
        )
    )


def _of_none(value):
    return value if value not in ("", None) else None


def toepassen(*, signaal, actor, keuzes: dict, request=None) -> str:
    """Accepting a DUO signal: the jongere (registered from DUO's data when not yet known), then
    a melding of the mapped soort with DUO's number, or a traject Verzuim 18+."""
    g = signaal.gegevens
    jongere = jongere_van_signaal(signaal=signaal, actor=actor, request=request)
    dossier = jongere.dossier
    ontvangen_op = date.fromisoformat(g["ontvangen_op"])
    toelichting = "\n".join(
        part
        for part in (
            g.get("reden_school") and _("Reden volgens de school: %(t)s") % {"t": g["reden_school"]},
            g.get("acties_school") and _("Ondernomen door de school: %(t)s") % {"t": g["acties_school"]},
            g.get("verzoek_actie") is True and _("De school vraagt de gemeente om actie."),
        )
        if part
    )
    if not g.get("soort"):
        traject = doorstroom_services.traject_start(
            actor=actor,
            dossier=dossier,
            doelgroep=mapping.DOORSTROOM_DOELGROEP_18PLUS,
            gemeld_op=ontvangen_op,
            bron="DUO",
            toelichting=toelichting,
            behandelaar=keuzes.get("behandelaar"),
            extern_id=g["duo_meldingnummer"],
            request=request,
        )
        return reverse("traject_detail", args=[traject.pk])
    if signaal.voorstel == Voorstel.MELDING_AANVULLEN and keuzes.get("uitvoeren") != NIEUWE_MELDING:
        link = afsluiten.duo_melding_toevoegen(
            actor=actor,
            melding_id=g["open_melding_id"],
            duo_meldingnummer=g["duo_meldingnummer"],
            ontvangen_op=ontvangen_op,
            verzuim_van=_of_none(g.get("verzuim_van")) and date.fromisoformat(g["verzuim_van"]),
            verzuim_tot=_of_none(g.get("verzuim_tot")) and date.fromisoformat(g["verzuim_tot"]),
            uren_verzuim=_of_none(g.get("uren_verzuim")),
            verlof_dagen=_of_none(g.get("verlof_dagen")),
            toelichting=toelichting,
            request=request,
        )
        return reverse("melding", args=[link.melding_id])
    school = (
        School.objects.filter(brin=g.get("brin") or "", vestiging=g.get("vestiging") or "").first()
        or School.objects.filter(brin=g.get("brin") or "").first()
    )
    data = MeldingGegevens(
        soort=keuzes.get("soort") or g["soort"],
        ontvangen_op=ontvangen_op,
        school=school,
        onderwijssoort=g.get("onderwijssoort") or "",
        verzuim_van=_of_none(g.get("verzuim_van")) and date.fromisoformat(g["verzuim_van"]),
        verzuim_tot=_of_none(g.get("verzuim_tot")) and date.fromisoformat(g["verzuim_tot"]),
        uren_verzuim=_of_none(g.get("uren_verzuim")),
        verlof_dagen=_of_none(g.get("verlof_dagen")),
        toelichting=toelichting,
        behandelaar=keuzes.get("behandelaar"),
    )
    melding = leerplicht_services.melding_register(
        actor=actor,
        dossier=dossier,
        data=data,
        confirmed=True,  # DUO's facts as the school reported them; the LPA checks them in Waarnemen
        duo_meldingnummer=g["duo_meldingnummer"],
        request=request,
    )
    return reverse("melding", args=[melding.pk])


register_toepasser(BRON, toepassen)
VOORSTEL_BIJSTELLERS[BRON] = voorstel_bijstellen


def _duo_nummers(melding) -> list[str]:
    """DUO's number of the melding and those of later verzuimmeldingen added to it."""
    from leerplicht.models import MeldingActie

    toegevoegd = (
        MeldingActie.objects.filter(melding_id=melding.pk)
        .exclude(duo_meldingnummer="")
        .order_by("pk")
        .values_list("duo_meldingnummer", flat=True)
    )
    return [n for n in [melding.duo_meldingnummer, *toegevoegd] if n]


def _uitbericht(*, melding, nummer: str, status: str, reden_code: str = "") -> None:
    laatste = (
        Uitbericht.objects.filter(organisatie_id=melding.organisatie_id, duo_meldingnummer=nummer)
        .order_by("-aangemaakt_op", "-pk")
        .values_list("duo_status", flat=True)
        .first()
    )
    if laatste == status == DuoStatus.IN_BEHANDELING:
        return  # back to Waarnemen and forward again: DUO already knows it is being handled
    bericht = Uitbericht.objects.create(
        organisatie_id=melding.organisatie_id,
        melding_id=melding.pk,
        duo_meldingnummer=nummer,
        duo_status=status,
        reden=reden_code,
    )
    from .tasks import uitbericht_versturen

    transaction.on_commit(lambda: uitbericht_versturen.delay(bericht.pk))


def melding_fase_gewijzigd(sender, *, melding, van: str, naar: str, reden: str = "", actor=None, **kwargs):
    """Receiver of leerplicht's signal, inside the transition's transaction: the status for DUO
    goes into the outbox with it, for DUO's number of the melding and for each verzuimmelding
    added to it. 'In behandeling' once the melding leaves Waarnemen (or is reopened),
    'afgesloten' with the mapped reason when it is closed."""
    if van == "":
        return
    if naar == Fase.AFGESLOTEN:
        status = DuoStatus.AFGESLOTEN
        reden_code = mapping.afsluitreden(melding.resultaat.samenvatting if melding.resultaat else "")
    elif van in (Fase.WAARNEMEN, Fase.AFGESLOTEN):
        status, reden_code = DuoStatus.IN_BEHANDELING, ""
    else:
        return
    for nummer in _duo_nummers(melding):
        _uitbericht(melding=melding, nummer=nummer, status=status, reden_code=reden_code)


def duo_melding_toegevoegd(sender, *, melding, duo_meldingnummer: str, actor=None, **kwargs):
    """Receiver of leerplicht's signal: a verzuimmelding added to a melding already past
    Waarnemen is being handled from that moment, so DUO hears 'in behandeling' for it."""
    if melding.fase != Fase.WAARNEMEN:
        _uitbericht(melding=melding, nummer=duo_meldingnummer, status=DuoStatus.IN_BEHANDELING)


def uitbericht_versturen(*, bericht_id: int) -> bool:
    """Send one outbox message; True when DUO has it. A failure is counted and kept (in Dutch)
    for the beheer page; after KOPPELINGEN_MAX_POGINGEN attempts the message is marked failed."""
    with transaction.atomic():
        bericht = Uitbericht.objects.select_for_update().get(pk=bericht_id)
        if bericht.toestand == UitberichtStatus.VERSTUURD:
            return True
        bericht.pogingen += 1
        try:
            transport = client.transport()
            if transport is None:
                raise client.DuoFout(_("Er is geen verbinding met DUO ingesteld."))
            transport.status_versturen(bericht.as_message())
        except client.DuoFout as exc:
            bericht.laatste_fout = str(exc)
            if bericht.pogingen >= settings.KOPPELINGEN_MAX_POGINGEN:
                bericht.toestand = UitberichtStatus.MISLUKT
            bericht.save(update_fields=["pogingen", "laatste_fout", "toestand"])
            return False
        bericht.toestand = UitberichtStatus.VERSTUURD
        bericht.verstuurd_op = timezone.now()
        bericht.save(update_fields=["pogingen", "toestand", "verstuurd_op"])
        return True
