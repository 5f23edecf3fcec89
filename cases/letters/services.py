"""Every write of letters: seeding and editing templates, starting a letter, and (in the worker)
laying it out, storing it as a dossier document and recording its action on the timeline."""

import logging
import uuid
from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from cases.beheer.huisstijl import logo_data_uri
from cases.letters.models import Brief, BriefSjabloon
from cases.privacy.audit import log_access

from .. import registry
from ..concurrency import lock_and_check
from ..constants import ACTIE_VAN_BRIEF, AuditAction, BriefSoort, BriefStatus, Verwerkingsactiviteit
from ..models import Document, Dossier, Inschrijving, Jongere, Organisatie, User
from .addressees import AAN_OUDERS, Geadresseerde, geadresseerden
from .defaults import DEFAULTS
from .placeholders import render_html, substitute

logger = logging.getLogger(__name__)

#: Awb art. 6:7: the term to object is six weeks.
BEZWAARTERMIJN = timedelta(weeks=6)


def fout_technisch() -> str:
    return _(
        "Het maken van de brief is mislukt door een technische fout. Probeer het opnieuw; lukt het "
        "dan nog niet, neem dan contact op met functioneel beheer."
    )


# -- templates --------------------------------------------------------------------------------------


def seed_letter_templates(organisatie: Organisatie) -> int:
    """Give the organisation the default template of every kind it lacks; returns how many."""
    existing = set(BriefSjabloon.objects.filter(organisatie=organisatie).values_list("soort", flat=True))
    new = [
        BriefSjabloon(
            organisatie=organisatie, soort=soort, naam=str(naam), onderwerp=str(onderwerp), inhoud=str(inhoud)
        )
        for soort, naam, onderwerp, inhoud in DEFAULTS
        if soort not in existing
    ]
    BriefSjabloon.objects.bulk_create(new)
    return len(new)


@transaction.atomic
def sjabloon_update(
    *,
    actor: User,
    sjabloon_id: int,
    versie: int,
    naam: str,
    onderwerp: str,
    inhoud: str,
    actief: bool,
    request=None,
) -> BriefSjabloon:
    """Change a template of the actor's organisation; refused when someone else changed it first
    (ConflictError) or when it names an unknown placeholder (ValidationError)."""
    queryset = BriefSjabloon.objects.filter(organisatie_id=actor.organisatie_id)
    sjabloon = lock_and_check(queryset, sjabloon_id, versie)
    sjabloon.naam, sjabloon.onderwerp, sjabloon.inhoud, sjabloon.actief = naam, onderwerp, inhoud, actief
    sjabloon.gewijzigd_door = actor
    sjabloon.gewijzigd_op = timezone.now()
    sjabloon.full_clean()
    sjabloon.save()
    log_access(
        actor=actor,
        action=AuditAction.WIJZIGEN,
        purpose=Verwerkingsactiviteit.BEHEER,
        obj=sjabloon,
        request=request,
    )
    return sjabloon


# -- values and HTML -------------------------------------------------------------------------------


def _date(value: date | None) -> str:
    return date_format(value, "j F Y") if value else ""


def _name(user) -> str:
    return user.get_full_name() or user.get_username()


def common_values(*, organisatie: Organisatie, actor: User, datum: date) -> dict[str, str]:
    return {
        "datum.vandaag": _date(datum),
        "datum.bezwaartermijn": _date(datum + BEZWAARTERMIJN),
        "medewerker.naam": _name(actor),
        "medewerker.email": actor.email,
        "organisatie.naam": organisatie.naam,
        "organisatie.adres": ", ".join(
            r.strip() for r in organisatie.briefhoofd_adres.splitlines() if r.strip()
        ),
        "organisatie.telefoon": organisatie.briefhoofd_telefoon,
        "organisatie.email": organisatie.briefhoofd_email,
    }


def jongere_values(user: User, jongere: Jongere, *, on: date) -> dict[str, str]:
    achternaam = " ".join(p for p in (jongere.tussenvoegsel, jongere.achternaam) if p)
    values = {
        "jongere.naam": jongere.volledige_naam,
        "jongere.voornamen": jongere.voornamen,
        "jongere.achternaam": achternaam,
        "jongere.geboortedatum": _date(jongere.geboortedatum),
        "jongere.adres": jongere.straat,
        "jongere.postcode": jongere.postcode,
        "jongere.woonplaats": jongere.woonplaats,
        "ouders.aanhef": _("ouder(s)/verzorger(s) van %(naam)s") % {"naam": jongere.volledige_naam},
    }
    inschrijving = (
        Inschrijving.objects.visible_to(user)
        .filter(jongere=jongere, van__lte=on)
        .exclude(tot__lt=on)
        .select_related("school")
        .first()
    )
    if inschrijving:
        values["school.naam"] = inschrijving.school.naam
        values["school.plaats"] = inschrijving.school.plaats
    return values


def sample_values(*, organisatie: Organisatie, actor: User, datum: date) -> dict[str, str]:
    """Made-up values for the beheerder's preview: no real jongere is read."""
    values = common_values(organisatie=organisatie, actor=actor, datum=datum)
    values.update(
        {
            "jongere.naam": "Sam de Voorbeeld",
            "jongere.voornamen": "Sam",
            "jongere.achternaam": "de Voorbeeld",
            "jongere.geboortedatum": _date(date(datum.year - 13, 5, 17)),
            "jongere.adres": "Voorbeeldstraat 1",
            "jongere.postcode": "1234AB",
            "jongere.woonplaats": "Voorbeeldstad",
            "ouders.aanhef": _("mevrouw de Voorbeeld"),
            "geadresseerde.naam": "Anna de Voorbeeld",
            "geadresseerde.adres": "Voorbeeldstraat 1",
            "geadresseerde.postcode": "1234 AB",
            "geadresseerde.woonplaats": "Voorbeeldstad",
            "school.naam": "Voorbeeldcollege",
            "school.plaats": "Voorbeeldstad",
            "melding.soort": _("Relatief verzuim (wettelijk)"),
            "melding.ontvangen_op": _date(datum - timedelta(days=14)),
            "melding.verzuim_van": _date(datum - timedelta(days=42)),
            "melding.verzuim_tot": _date(datum - timedelta(days=15)),
            "melding.uren_verzuim": "24",
            "vrijstelling.grondslag": _("artikel 11 onder g (verlof wegens gewichtige omstandigheden)"),
            "vrijstelling.aangevraagd_op": _date(datum - timedelta(days=21)),
            "vrijstelling.besluit": _("Verleend"),
            "vrijstelling.besluit_op": _date(datum),
            "vrijstelling.geldig_van": _date(datum + timedelta(days=7)),
            "vrijstelling.geldig_tot": _date(datum + timedelta(days=14)),
            "traject.doelgroep": _("Nieuwe vsv'er"),
        }
    )
    return values


def _address(soort: str, values: dict[str, str]) -> list[str]:
    if soort == BriefSoort.KENNISGEVING_SCHOOL:
        lines = [
            values.get("school.naam", ""),
            _("t.a.v. de verzuimcoördinator"),
            values.get("school.plaats", ""),
        ]
    else:
        if values.get("geadresseerde.naam"):
            # A named ouder at their own address (cases/letters/addressees.py).
            postcode_plaats = "  ".join(
                p
                for p in (
                    values.get("geadresseerde.postcode"),
                    values.get("geadresseerde.woonplaats", "").upper(),
                )
                if p
            )
            return [
                line
                for line in (
                    values["geadresseerde.naam"],
                    values.get("geadresseerde.adres", ""),
                    postcode_plaats,
                )
                if line
            ]
        if soort == BriefSoort.UITNODIGING_DOORSTROOMPUNT:
            first = values.get("jongere.naam", "")
        else:
            first = _("Aan de %(aanhef)s") % {"aanhef": values.get("ouders.aanhef", "")}
        postcode_plaats = " ".join(
            p for p in (values.get("jongere.postcode"), values.get("jongere.woonplaats")) if p
        )
        lines = [first, values.get("jongere.adres", ""), postcode_plaats]
    return [line for line in lines if line]


def letter_context(*, sjabloon: BriefSjabloon, values: dict[str, str], actor: User) -> dict:
    """What the letter shows: letterhead, address, date, subject, body and signature."""
    functie = (
        _("Doorstroomcoach")
        if sjabloon.soort == BriefSoort.UITNODIGING_DOORSTROOMPUNT
        else _("Leerplichtambtenaar")
    )
    organisatie = sjabloon.organisatie
    # Beheer › Briefhoofd en logo: the organisation may name who signs (e.g. the teamleider).
    medewerker = _name(actor)
    if organisatie.ondertekening_naam:
        medewerker, functie = organisatie.ondertekening_naam, organisatie.ondertekening_functie
    logo, logo_tekst = logo_data_uri(organisatie=organisatie)
    return {
        "organisatie": organisatie,
        "logo": logo,
        "logo_tekst": logo_tekst,
        "adres": _address(sjabloon.soort, values),
        "datum": values.get("datum.vandaag", ""),
        "onderwerp": substitute(sjabloon.onderwerp, values),
        "inhoud": render_html(sjabloon.inhoud, values),
        "medewerker": medewerker,
        "functie": functie,
    }


def letter_preview(*, sjabloon: BriefSjabloon, values: dict[str, str], actor: User) -> str:
    """The letter's body as an HTML fragment for a preview on a page (escaped like the PDF)."""
    context = letter_context(sjabloon=sjabloon, values=values, actor=actor)
    return render_to_string("cases/letters/includes/brief_body.html", context)


def letter_html(*, sjabloon: BriefSjabloon, values: dict[str, str], actor: User) -> str:
    """The complete letter as an HTML document for WeasyPrint."""
    return render_to_string(
        "cases/pdf/brief.html", letter_context(sjabloon=sjabloon, values=values, actor=actor)
    )


def letter_values(*, actor: User, source: registry.LetterSource, obj, datum: date) -> dict[str, str]:
    jongere = source.dossier(obj).jongere
    values = common_values(organisatie=jongere.organisatie, actor=actor, datum=datum)
    values.update(jongere_values(actor, jongere, on=datum))
    values.update({key: value for key, value in source.values(obj).items() if value not in (None, "")})
    return values


# -- making a letter -------------------------------------------------------------------------------


def check_letter(*, source: registry.LetterSource, obj, sjabloon: BriefSjabloon) -> None:
    """Raise ValidationError (Dutch) when this template cannot be used for this record."""
    dossier = source.dossier(obj)
    if sjabloon.organisatie_id != dossier.jongere.organisatie_id or not sjabloon.actief:
        raise ValidationError(_("Kies een actief sjabloon van uw organisatie."))
    if sjabloon.soort not in source.soorten:
        raise ValidationError(_("Dit sjabloon past niet bij dit soort dossierstuk."))
    refusal = source.refusal(obj, sjabloon.soort) if source.refusal else None
    if refusal:
        raise ValidationError(refusal)
    for blocker in registry.letter_blockers:
        reason = blocker(dossier)
        if reason:
            raise ValidationError(reason)


def _queue(brief: Brief) -> None:
    def send():
        from ..tasks import brief_maken

        try:
            brief_maken.delay(brief.pk)
        except Exception:
            logger.exception("Brief %s kon niet in de wachtrij worden gezet", brief.pk)
            _mark_failed(brief.pk, fout_technisch())

    transaction.on_commit(send)


def addressees_for(
    *, actor: User, source: registry.LetterSource, obj, soort: str
) -> list[Geadresseerde | None]:
    """One entry per letter: the ouders of each address for a letter to the ouders, or [None]
    (one letter as the template addresses it: the school, the jongere, or "the ouders" when
    none are recorded)."""
    if soort not in AAN_OUDERS:
        return [None]
    from ..selectors import ouders_van

    return geadresseerden(ouders_van(actor, source.dossier(obj).jongere)) or [None]


@transaction.atomic
def brieven_start(
    *, actor: User, source: registry.LetterSource, obj, sjabloon: BriefSjabloon, request=None
) -> list[Brief]:
    """Render each letter's HTML now (the user saw this text in the preview) and queue the PDFs:
    one per address of the responsible ouders for a letter to the ouders, else one."""
    check_letter(source=source, obj=obj, sjabloon=sjabloon)
    dossier = source.dossier(obj)
    # Serialise per dossier: a double click makes one set of letters, not two.
    Dossier.objects.select_for_update().filter(pk=dossier.pk).first()
    existing = list(
        Brief.objects.filter(bron=source.key, bron_id=obj.pk, soort=sjabloon.soort)
        .filter(status__in=[BriefStatus.WACHTEND, BriefStatus.BEZIG])
        .order_by("pk")
    )
    if existing:
        return existing
    datum = timezone.localdate()
    base_values = letter_values(actor=actor, source=source, obj=obj, datum=datum)
    zending = uuid.uuid4()
    brieven = []
    for geadresseerde in addressees_for(actor=actor, source=source, obj=obj, soort=sjabloon.soort):
        values = dict(base_values)
        if geadresseerde is not None:
            values.update(geadresseerde.values())
        html = letter_html(sjabloon=sjabloon, values=values, actor=actor)
        brief = Brief.objects.create(
            organisatie_id=dossier.jongere.organisatie_id,
            dossier=dossier,
            sjabloon=sjabloon,
            soort=sjabloon.soort,
            bron=source.key,
            bron_id=obj.pk,
            datum=datum,
            onderwerp=substitute(sjabloon.onderwerp, values),
            html=html,
            aangemaakt_door=actor,
            ouder=geadresseerde.eerste if geadresseerde else None,
            geadresseerde=geadresseerde.namen if geadresseerde else "",
            adres="\n".join(geadresseerde.adresregels) if geadresseerde else "",
            zending=zending,
        )
        log_access(
            actor=actor,
            action=AuditAction.AANMAKEN,
            purpose=source.purpose,
            jongere=dossier.jongere,
            obj=brief,
            request=request,
        )
        _queue(brief)
        brieven.append(brief)
    return brieven


def brief_start(
    *, actor: User, source: registry.LetterSource, obj, sjabloon: BriefSjabloon, request=None
) -> Brief:
    """The first of the letters `brieven_start` makes (callers that show one letter)."""
    return brieven_start(actor=actor, source=source, obj=obj, sjabloon=sjabloon, request=request)[0]


def _mark_failed(brief_id: int, message: str) -> None:
    Brief.objects.filter(pk=brief_id).update(
        status=BriefStatus.MISLUKT, foutmelding=message, html="", klaar_op=timezone.now()
    )


def _claim(brief_id: int) -> Brief | None:
    with transaction.atomic():
        brief = Brief.objects.select_for_update().filter(pk=brief_id).first()
        if brief is None or brief.status in (BriefStatus.KLAAR, BriefStatus.MISLUKT):
            return None
        brief.status = BriefStatus.BEZIG
        brief.save(update_fields=["status"])
    return brief


def _file_name(brief: Brief) -> str:
    # No personal data: the kind of letter and its date.
    return f"{brief.soort.replace('_', '-')}-{brief.datum:%Y-%m-%d}.pdf"


@transaction.atomic
def _store(brief_id: int, content: bytes) -> Brief | None:
    """Store the PDF, record the action and finish, all or nothing (a redelivery does nothing)."""
    brief = (
        Brief.objects.select_for_update()
        .select_related("dossier__jongere", "aangemaakt_door")
        .get(pk=brief_id)
    )
    if brief.status != BriefStatus.BEZIG:
        return None
    source = registry.letter_sources[brief.bron]
    actor = brief.aangemaakt_door
    document = Document(
        dossier=brief.dossier,
        naam=_file_name(brief),
        omschrijving=(
            _("%(onderwerp)s (aan %(aan)s)") % {"onderwerp": brief.onderwerp, "aan": brief.geadresseerde}
            if brief.geadresseerde
            else brief.onderwerp
        )[:200],
        content_type="application/pdf",
        grootte=len(content),
        geupload_door=actor,
    )
    document.bestand.save(document.naam, ContentFile(content), save=False)
    try:
        document.save()
        log_access(
            actor=actor,
            action=AuditAction.AANMAKEN,
            purpose=source.purpose,
            jongere=brief.dossier.jongere,
            obj=document,
        )
        obj = source.load(actor, brief.bron_id)  # still visible to its maker
        brief.actie = source.record_action(
            actor=actor,
            obj=obj,
            soort=ACTIE_VAN_BRIEF[BriefSoort(brief.soort)],
            datum=brief.datum,
            omschrijving=(
                _("Brief aan %(aan)s: %(onderwerp)s")
                % {"aan": brief.geadresseerde, "onderwerp": brief.onderwerp}
                if brief.geadresseerde
                else _("Brief: %(onderwerp)s") % {"onderwerp": brief.onderwerp}
            ),
        )
    except Exception:
        document.bestand.delete(save=False)  # the rows roll back; the file must not stay behind
        raise
    brief.document = document
    brief.status = BriefStatus.KLAAR
    brief.html = ""
    brief.klaar_op = timezone.now()
    brief.save(update_fields=["actie", "document", "status", "html", "klaar_op"])
    return brief


def brief_execute(*, brief_id: int) -> Brief | None:
    """The worker's part (Celery task): PDF, document, action. Idempotent."""
    brief = _claim(brief_id)
    if brief is None:
        return None
    try:
        from .pdf import render_letter_pdf

        content = render_letter_pdf(brief.html)
        return _store(brief.pk, content)
    except Exception:
        # The traceback goes to the log (ids only); the user sees a Dutch sentence.
        logger.exception("Brief %s mislukt", brief.pk)
        _mark_failed(brief.pk, fout_technisch())
        return None
