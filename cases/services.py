"""Every write of the core. Keyword-only, atomic, and each writes its processing-log entry."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cases import uploads
from cases.privacy.audit import log_access

from .codelists import seed_codelists
from .constants import (
    ACTIES_ALLEEN_MINDERJARIG,
    ActieSoort,
    AuditAction,
    Onderwijssoort,
    Verwerkingsactiviteit,
)
from .models import Actie, Document, Dossier, Gemeente, Inschrijving, Jongere, Organisatie, User
from .rules import age_on


@transaction.atomic
def jongere_register(
    *,
    actor: User | None,
    organisatie: Organisatie,
    voornamen: str,
    achternaam: str,
    geboortedatum: date,
    woongemeente: Gemeente,
    bsn: str = "",
    purpose: Verwerkingsactiviteit = Verwerkingsactiviteit.REGISTRATIE,
    **fields,
) -> Jongere:
    """Create a jongere with an empty dossier; validates BSN (elfproef) and woongemeente."""
    jongere = Jongere(
        organisatie=organisatie,
        voornamen=voornamen,
        achternaam=achternaam,
        geboortedatum=geboortedatum,
        woongemeente=woongemeente,
        bsn=bsn,
        **fields,
    )
    jongere.full_clean()
    jongere.save()
    Dossier.objects.create(jongere=jongere)
    if actor is not None:
        log_access(actor=actor, action=AuditAction.AANMAKEN, purpose=purpose, jongere=jongere)
    return jongere


@transaction.atomic
def actie_register(
    *,
    actor: User,
    dossier: Dossier,
    soort: ActieSoort,
    datum: date,
    omschrijving: str = "",
    purpose: Verwerkingsactiviteit = Verwerkingsactiviteit.HANDHAVING_LEERPLICHT,
    request=None,
) -> Actie:
    leeftijd = age_on(dossier.jongere.geboortedatum, datum)
    if soort in ACTIES_ALLEEN_MINDERJARIG and leeftijd >= 18:
        # Every door (dossier form, melding, API, letters) comes through here.
        raise ValidationError(
            {
                "soort": _(
                    "Deze jongere is op %(datum)s %(age)s jaar; Halt, een proces-verbaal tegen de leerling "
                    "en de jeugdbeschermingstafel zijn alleen voor minderjarigen. Verwijs naar het "
                    "Doorstroompunt."
                )
                % {"datum": datum.strftime("%d-%m-%Y"), "age": leeftijd}
            }
        )
    actie = Actie.objects.create(
        dossier=dossier, soort=soort, datum=datum, omschrijving=omschrijving, gebruiker=actor
    )
    log_access(
        actor=actor,
        action=AuditAction.AANMAKEN,
        purpose=purpose,
        jongere=dossier.jongere,
        obj=actie,
        request=request,
    )
    return actie


@transaction.atomic
def organisatie_create(
    *, slug: str, naam: str, gemeenten: list[tuple[str, str]], codelijsten: str = "standaard"
) -> Organisatie:
    """Onboard an organisation serving `gemeenten` [(code, naam)], with default code lists."""
    organisatie = Organisatie(slug=slug, naam=naam)
    organisatie.full_clean()
    organisatie.save()
    for code, gemeente_naam in gemeenten:
        # The name given here wins over one the school register derived from DUO's capitals.
        gemeente, _created = Gemeente.objects.update_or_create(code=code, defaults={"naam": gemeente_naam})
        gemeente.full_clean()
        organisatie.gemeenten.add(gemeente)
    seed_codelists(organisatie, codelijsten)
    return organisatie


MAX_DOCUMENT_BYTES = 10 * 1024 * 1024


def document_error(upload) -> str | None:
    """Why an uploaded file is refused (Dutch), or None. The type is read from the content
    (cases/uploads.py), never taken from the browser's Content-Type or the file name."""
    if upload.size > MAX_DOCUMENT_BYTES:
        return _("Het bestand is groter dan 10 MB. Verklein het of splits het op.")
    if uploads.detect_upload(upload) is None:
        return _(
            "Dit bestandstype is niet toegestaan (de inhoud is bepalend, niet de naam). %(toegestaan)s"
        ) % {"toegestaan": uploads.allowed_kinds_text()}
    return None


@transaction.atomic
def document_upload(
    *, actor: User, dossier: Dossier, upload, omschrijving: str = "", purpose, request=None
) -> Document:
    error = document_error(upload)
    if error:
        raise ValidationError(error)
    kind = uploads.detect_upload(upload)
    document = Document.objects.create(
        dossier=dossier,
        bestand=upload,
        naam=uploads.safe_name(upload.name, kind),
        omschrijving=omschrijving,
        content_type=kind.content_type,
        grootte=upload.size,
        geupload_door=actor,
    )
    log_access(
        actor=actor,
        action=AuditAction.AANMAKEN,
        purpose=purpose,
        jongere=dossier.jongere,
        obj=document,
        request=request,
    )
    return document


def dagelijks_overzicht_instellen(*, user: User, aan: bool) -> User:
    """The user's own choice whether to receive the daily e-mail digest."""
    user.dagelijks_overzicht = aan
    user.save(update_fields=["dagelijks_overzicht"])
    return user


@transaction.atomic
def inschrijving_bijwerken(
    *,
    actor: User,
    jongere: Jongere,
    school,
    onderwijssoort: str,
    van: date,
    tot: date | None = None,
    purpose: Verwerkingsactiviteit = Verwerkingsactiviteit.REGISTRATIE,
    request=None,
) -> Inschrijving:
    """Record an enrolment from a source such as DUO's weekly changes: the enrolment at this
    school that started on `van` is created, or changed (its end date, its onderwijssoort).
    Idempotent: the same change twice leaves one row."""
    if onderwijssoort not in Onderwijssoort.values:
        raise ValidationError(
            _("Onbekende onderwijssoort '%(soort)s'; toegestaan: %(toegestaan)s.")
            % {"soort": onderwijssoort, "toegestaan": ", ".join(Onderwijssoort.values)}
        )
    inschrijving, _created = Inschrijving.objects.select_for_update().get_or_create(
        jongere=jongere, school=school, van=van, defaults={"onderwijssoort": onderwijssoort, "tot": tot}
    )
    if (inschrijving.onderwijssoort, inschrijving.tot) != (onderwijssoort, tot):
        inschrijving.onderwijssoort, inschrijving.tot = onderwijssoort, tot
        inschrijving.full_clean()
        inschrijving.save(update_fields=["onderwijssoort", "tot"])
    log_access(actor=actor, action=AuditAction.WIJZIGEN, purpose=purpose, jongere=jongere, request=request)
    return inschrijving


@transaction.atomic
def jongere_adres_bijwerken(
    *,
    actor: User,
    jongere: Jongere,
    straat: str,
    postcode: str,
    woonplaats: str,
    woongemeente: Gemeente | None = None,
    purpose: Verwerkingsactiviteit = Verwerkingsactiviteit.REGISTRATIE,
    request=None,
) -> list[str]:
    """Set the address (and, when given, the woongemeente, which must be one of the
    organisation's) from a source such as the BRP; returns the names of the changed fields."""
    jongere = Jongere.objects.select_for_update().get(pk=jongere.pk)
    values = {"straat": straat, "postcode": postcode, "woonplaats": woonplaats}
    if woongemeente is not None:
        values["woongemeente"] = woongemeente
    changed = [name for name, value in values.items() if getattr(jongere, name) != value]
    if not changed:
        return []
    for name in changed:
        setattr(jongere, name, values[name])
    jongere.full_clean()
    jongere.save(update_fields=[("woongemeente" if n == "woongemeente" else n) for n in changed])
    log_access(actor=actor, action=AuditAction.WIJZIGEN, purpose=purpose, jongere=jongere, request=request)
    return changed


@transaction.atomic
def startkwalificatie_vastleggen(
    *,
    actor: User,
    jongere: Jongere,
    datum: date,
    purpose: Verwerkingsactiviteit = Verwerkingsactiviteit.REGISTRATIE,
    request=None,
) -> bool:
    """Record the day the jongere obtained a startkwalificatie (e.g. from DUO's delivery): it ends
    the kwalificatieplicht (art. 4a lid 1 Leerplichtwet 1969; the diploma: art. 1 onder f). An
    earlier date already recorded stays. Returns whether anything changed."""
    jongere = Jongere.objects.select_for_update().get(pk=jongere.pk)
    if datum > timezone.localdate():
        raise ValidationError(
            {"startkwalificatie_op": _("De datum van de startkwalificatie ligt in de toekomst.")}
        )
    if datum < jongere.geboortedatum:
        raise ValidationError(
            {"startkwalificatie_op": _("De datum van de startkwalificatie ligt voor de geboortedatum.")}
        )
    if jongere.startkwalificatie_op is not None and jongere.startkwalificatie_op <= datum:
        return False
    jongere.startkwalificatie_op = datum
    jongere.save(update_fields=["startkwalificatie_op"])
    log_access(actor=actor, action=AuditAction.WIJZIGEN, purpose=purpose, jongere=jongere, request=request)
    return True


def toewijzing_vastleggen(*, actor, obj, onderwerp: str, van_id: int | None) -> None:
    """Record on the dossier's timeline that a melding, aanvraag or traject got a (new)
    behandelaar, when it did. Called by the services that change `behandelaar` one item at a
    time; the teamleider's bulk transfer writes the same rows (reporting/toewijzen.py)."""
    from .models import Toewijzing

    if obj.behandelaar_id is None or obj.behandelaar_id == van_id:
        return
    Toewijzing.objects.create(
        organisatie_id=obj.organisatie_id,
        dossier_id=obj.dossier_id,
        onderwerp=onderwerp,
        object_id=obj.pk,
        van_id=van_id,
        naar_id=obj.behandelaar_id,
        door=actor,
    )
