"""Writes the koppelingen inbox asks of leerplicht (leerplicht never imports koppelingen):
adding a later verzuimmelding from DUO to an open melding, and closing a jongere's open work
when the jongere died or obtained a startkwalificatie. Keyword-only and atomic; each step goes
through the ordinary services, so it is on the timeline and in the processing log like a
case worker's own step."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from cases.constants import ActieSoort, LeerplichtStatus
from cases.models import CodeItem, Dossier, User
from cases.rules import leerplicht_status

from . import services, vrijstellingen
from .constants import RESULTAAT_LIJST, Besluit, Fase
from .models import Melding, MeldingActie, Vrijstelling
from .signals import duo_melding_toegevoegd

#: Results a closure for these reasons is recorded with (label, samenvatting bucket). An
#: organisation whose code list lacks one gets it added, as with the overdracht.
RESULTAAT_OVERLEDEN = ("Overleden", "Overleden")
RESULTAAT_STARTKWALIFICATIE = ("Startkwalificatie behaald", "Startkwalificatie")


def _datum(value: date | None) -> str:
    return date_format(value, "j F Y") if value else "?"


@transaction.atomic
def duo_melding_toevoegen(
    *,
    actor: User,
    melding_id: int,
    duo_meldingnummer: str,
    ontvangen_op: date,
    verzuim_van: date | None = None,
    verzuim_tot: date | None = None,
    uren_verzuim: int | None = None,
    verlof_dagen: int | None = None,
    toelichting: str = "",
    request=None,
) -> MeldingActie:
    """Record a later verzuimmelding from DUO on the open melding it belongs to: a timeline
    action carrying DUO's number and period. The number is stored on the action, so it can never
    become a second melding or be added twice."""
    melding = Melding.objects.select_for_update().get(pk=melding_id)
    if melding.fase == Fase.AFGESLOTEN:
        raise ValidationError(
            _(
                "De open melding is inmiddels afgesloten; kies 'Nieuwe melding' om een nieuwe melding te maken."
            )
        )
    if services.duo_nummer_bekend(melding.organisatie_id, duo_meldingnummer):
        raise ValidationError(
            _("Er is al een melding met DUO-meldingnummer %(nummer)s.") % {"nummer": duo_meldingnummer}
        )
    feiten = [
        _("Verzuimperiode %(van)s t/m %(tot)s.") % {"van": _datum(verzuim_van), "tot": _datum(verzuim_tot)}
        if verzuim_van or verzuim_tot
        else "",
        _("%(n)s uur ongeoorloofd verzuim.") % {"n": uren_verzuim} if uren_verzuim is not None else "",
        _("%(n)s dagen verzuimd.") % {"n": verlof_dagen} if verlof_dagen is not None else "",
    ]
    omschrijving = "\n".join(
        p
        for p in (
            _(
                "Nieuwe verzuimmelding van DUO (nummer %(nummer)s, ontvangen %(datum)s) toegevoegd aan deze melding."
            )
            % {"nummer": duo_meldingnummer, "datum": _datum(ontvangen_op)},
            " ".join(f for f in feiten if f),
            toelichting,
        )
        if p
    )
    link = services.melding_actie_register(
        actor=actor,
        melding_id=melding.pk,
        soort=ActieSoort.NOTITIE,
        # Never before the melding itself was received (melding_actie_register refuses that).
        datum=min(max(ontvangen_op, melding.ontvangen_op), timezone.localdate()),
        omschrijving=omschrijving,
        request=request,
    )
    link.duo_meldingnummer = duo_meldingnummer
    link.save(update_fields=["duo_meldingnummer"])
    duo_melding_toegevoegd.send(
        sender=Melding, melding=melding, duo_meldingnummer=duo_meldingnummer, actor=actor
    )
    return link


def resultaat_item(organisatie_id: int, lijst: str, label: str, samenvatting: str) -> CodeItem:
    """The organisation's result `label` in `lijst`, added (or switched on) when missing."""
    item = CodeItem.objects.filter(
        organisatie_id=organisatie_id, lijst=lijst, label=label, categorie=""
    ).first()
    if item is None:
        last = (
            CodeItem.objects.filter(organisatie_id=organisatie_id, lijst=lijst).order_by("-volgorde").first()
        )
        item = CodeItem.objects.create(
            organisatie_id=organisatie_id,
            lijst=lijst,
            label=label,
            samenvatting=samenvatting,
            volgorde=(last.volgorde if last else 0) + 10,
        )
    elif not item.actief:
        item.actief = True
        item.save(update_fields=["actief"])
    return item


def _sluiten(*, actor, meldingen, datum: date, reden: str, resultaat: tuple[str, str], request) -> int:
    count = 0
    for melding in meldingen:
        services.melding_transition(
            actor=actor,
            melding_id=melding.pk,
            versie=None,
            naar=Fase.AFGESLOTEN,
            reden=reden,
            resultaat=resultaat_item(melding.organisatie_id, RESULTAAT_LIJST[melding.soort], *resultaat),
            # On the day of the event, never before the melding was received nor in the future.
            afgesloten_op=min(max(datum, melding.ontvangen_op), timezone.localdate()),
            request=request,
        )
        count += 1
    return count


@transaction.atomic
def open_werk_sluiten_overleden(
    *, actor: User, dossier: Dossier, datum: date, request=None
) -> dict[str, int]:
    """The jongere died: every open melding is closed with result "Overleden" and every aanvraag
    (vrijstelling or verlof) still in behandeling is decided "ingetrokken / vervallen". Returns
    the counts {"meldingen": n, "aanvragen": m}."""
    reden = _("De jongere is op %(datum)s overleden.") % {"datum": _datum(datum)}
    meldingen = Melding.objects.filter(dossier=dossier).open().order_by("pk")
    gesloten = _sluiten(
        actor=actor,
        meldingen=meldingen,
        datum=datum,
        reden=reden,
        resultaat=RESULTAAT_OVERLEDEN,
        request=request,
    )
    aanvragen = 0
    for vrijstelling in Vrijstelling.objects.filter(dossier=dossier, besluit="").order_by("pk"):
        vrijstellingen.vrijstelling_decide(
            actor=actor,
            vrijstelling_id=vrijstelling.pk,
            versie=None,
            besluit=Besluit.INGETROKKEN,
            besluit_op=min(max(datum, vrijstelling.aangevraagd_op), timezone.localdate()),
            request=request,
        )
        aanvragen += 1
    return {"meldingen": gesloten, "aanvragen": aanvragen}


@transaction.atomic
def meldingen_sluiten_startkwalificatie(*, actor: User, dossier: Dossier, datum: date, request=None) -> int:
    """A startkwalificatie ends the kwalificatieplicht (art. 4a lid 1 Leerplichtwet 1969; the
    diploma is defined in art. 1 onder f): open meldingen are closed with result "Startkwalificatie
    behaald", but only when the jongere is past the volledige leerplicht (art. 3-4) on `datum`,
    which a diploma does not end. Returns how many were closed."""
    jongere = dossier.jongere
    status = leerplicht_status(
        jongere.geboortedatum,
        datum,
        startkwalificatie_on=datum,
        inschrijvingen=services.inschrijvingen_van(jongere),
    )
    if status not in (LeerplichtStatus.STARTKWALIFICATIE, LeerplichtStatus.NIET_MEER):
        return 0
    reden = _("Startkwalificatie behaald op %(datum)s: de kwalificatieplicht is geëindigd (art. 4a Lpw).") % {
        "datum": _datum(datum)
    }
    meldingen = Melding.objects.filter(dossier=dossier).open().order_by("pk")
    return _sluiten(
        actor=actor,
        meldingen=meldingen,
        datum=datum,
        reden=reden,
        resultaat=RESULTAAT_STARTKWALIFICATIE,
        request=request,
    )
