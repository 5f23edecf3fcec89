"""Writes of vrijstellingen and verlof: request, documents and decision."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from cases import services as case_services
from cases.concurrency import lock_and_check
from cases.constants import AuditAction, Verwerkingsactiviteit
from cases.models import Dossier, User
from cases.privacy.audit import log_access
from cases.rules import Schooljaar, age_on, leerplicht_status
from cases.selectors import kalender_voor

from . import rules, termijnen
from .constants import VERLOF_GRONDSLAGEN, Besluit, Grondslag
from .models import Vrijstelling
from .services import inschrijvingen_van

PURPOSE = Verwerkingsactiviteit.HANDHAVING_LEERPLICHT


def _eerder_11f(dossier: Dossier, start: date, exclude_pk: int | None = None) -> bool:
    """Whether 11f verlof was already granted in the schooljaar of `start` (art. 13a lid 2)."""
    schooljaar = Schooljaar.of(start)
    return (
        Vrijstelling.objects.filter(dossier=dossier, grondslag=Grondslag.ART11F, besluit=Besluit.VERLEEND)
        .filter(
            Q(geldig_van__range=(schooljaar.first_day, schooljaar.last_day))
            | Q(verlof_van__range=(schooljaar.first_day, schooljaar.last_day))
        )
        .exclude(pk=exclude_pk)
        .exists()
    )


def aanvraag_feiten(
    *,
    dossier: Dossier,
    grondslag: str,
    aangevraagd_op: date,
    verlof_van: date | None,
    verlof_tot: date | None,
    verlof_dagen: int | None,
    lesdagen_per_week: int | None,
    exclude_pk: int | None = None,
) -> rules.AanvraagFeiten:
    jongere = dossier.jongere
    peildatum = verlof_van or aangevraagd_op
    eerste = None
    if grondslag == Grondslag.ART11F and verlof_van:
        kalender = kalender_voor(jongere.organisatie_id)
        eerste = rules.eerste_lesdag(Schooljaar.of(verlof_van), kalender.in_schoolvakantie)
    return rules.AanvraagFeiten(
        grondslag=grondslag,
        geboortedatum=jongere.geboortedatum,
        aangevraagd_op=aangevraagd_op,
        verlof_van=verlof_van,
        verlof_tot=verlof_tot,
        verlof_dagen=verlof_dagen,
        status_bij_verlof=leerplicht_status(
            jongere.geboortedatum, peildatum, jongere.startkwalificatie_op, inschrijvingen_van(jongere)
        ),
        lesdagen_per_week=lesdagen_per_week,
        eerste_lesdag=eerste,
        eerder_11f_dit_schooljaar=grondslag == Grondslag.ART11F
        and bool(verlof_van)
        and _eerder_11f(dossier, verlof_van, exclude_pk),
    )


@transaction.atomic
def vrijstelling_request(
    *,
    actor: User,
    dossier: Dossier,
    grondslag: str,
    aangevraagd_op: date,
    onderwijs: str,
    verlof_van: date | None = None,
    verlof_tot: date | None = None,
    verlof_dagen: int | None = None,
    toelichting: str = "",
    behandelaar: User | None = None,
    lesdagen_per_week: int | None = None,
    request=None,
) -> Vrijstelling:
    """Register an aanvraag (or a kennisgeving under art. 5); one that can never be granted
    (age, article; see rules.aanvraag_errors) is refused here, not only at the besluit."""
    errors = {}
    if aangevraagd_op > timezone.localdate():
        errors["aangevraagd_op"] = _("De aanvraagdatum ligt in de toekomst.")
    if grondslag in VERLOF_GRONDSLAGEN and not verlof_dagen:
        errors["verlof_dagen"] = _("Vul bij een verlofaanvraag het aantal gevraagde schooldagen in.")
    if verlof_van and verlof_tot and verlof_tot < verlof_van:
        errors["verlof_tot"] = _("Het einde van het verlof ligt voor het begin.")
    if errors:
        raise ValidationError(errors)
    errors = rules.aanvraag_errors(
        aanvraag_feiten(
            dossier=dossier,
            grondslag=grondslag,
            aangevraagd_op=aangevraagd_op,
            verlof_van=verlof_van,
            verlof_tot=verlof_tot,
            verlof_dagen=verlof_dagen,
            lesdagen_per_week=lesdagen_per_week,
        )
    )
    if errors:
        raise ValidationError(errors)
    vrijstelling = Vrijstelling.objects.create(
        dossier=dossier,
        gemeente_id=dossier.jongere.woongemeente_id,
        grondslag=grondslag,
        aangevraagd_op=aangevraagd_op,
        onderwijs=onderwijs,
        verlof_van=verlof_van,
        verlof_tot=verlof_tot,
        verlof_dagen=verlof_dagen,
        toelichting=toelichting,
        behandelaar=behandelaar,
        lesdagen_per_week=lesdagen_per_week,
    )
    log_access(
        actor=actor,
        action=AuditAction.AANMAKEN,
        purpose=PURPOSE,
        jongere=dossier.jongere,
        obj=vrijstelling,
        request=request,
    )
    termijnen.vrijstelling_bijwerken(vrijstelling.pk)
    return vrijstelling


@transaction.atomic
def vrijstelling_add_document(
    *, actor: User, vrijstelling_id: int, upload, omschrijving: str = "", request=None
):
    vrijstelling = (
        Vrijstelling.objects.select_for_update().select_related("dossier__jongere").get(pk=vrijstelling_id)
    )
    document = case_services.document_upload(
        actor=actor,
        dossier=vrijstelling.dossier,
        upload=upload,
        omschrijving=omschrijving,
        purpose=PURPOSE,
        request=request,
    )
    vrijstelling.documenten.add(document)
    return document


@transaction.atomic
def vrijstelling_decide(
    *,
    actor: User,
    vrijstelling_id: int,
    versie: int | None,
    besluit: str,
    besluit_op: date,
    geldig_van: date | None = None,
    geldig_tot: date | None = None,
    beslist_door: str = "",
    hoofd_gehoord_op: date | None = None,
    verklaring_onafhankelijk: bool | None = None,
    request=None,
) -> Vrijstelling:
    """Take the decision, or record the hoofd's (verlof 11f, 11g up to 10 days: art. 13a, 14);
    the Leerplichtwet's rules are checked first (see rules.py)."""
    vrijstelling = lock_and_check(
        Vrijstelling.objects.select_related("dossier__jongere"), vrijstelling_id, versie
    )
    jongere = vrijstelling.dossier.jongere
    if vrijstelling.grondslag in VERLOF_GRONDSLAGEN and besluit == Besluit.VERLEEND:
        # Granted verlof holds for the period asked, unless the decision says otherwise.
        geldig_van = geldig_van or vrijstelling.verlof_van
        geldig_tot = geldig_tot or vrijstelling.verlof_tot
    errors = []
    if besluit_op < vrijstelling.aangevraagd_op:
        errors.append(_("De besluitdatum ligt voor de aanvraagdatum."))
    if besluit_op > timezone.localdate():
        errors.append(_("De besluitdatum ligt in de toekomst."))
    if besluit == Besluit.VERLEEND and not geldig_van:
        errors.append(_("Vul in vanaf wanneer de vrijstelling geldt."))
    if geldig_van and geldig_tot and geldig_tot < geldig_van:
        errors.append(_("'Geldig tot' ligt voor 'geldig van'."))
    start = geldig_van or vrijstelling.verlof_van
    eerder_11f = False
    if vrijstelling.grondslag == Grondslag.ART11F and start:
        eerder_11f = _eerder_11f(vrijstelling.dossier, start, vrijstelling.pk)
    if besluit == Besluit.VERLEEND and vrijstelling.grondslag == Grondslag.ART11F:
        # The hoofd may only grant what art. 13a allows: the same checks as at registration.
        errors += list(
            rules.aanvraag_errors(
                aanvraag_feiten(
                    dossier=vrijstelling.dossier,
                    grondslag=vrijstelling.grondslag,
                    aangevraagd_op=vrijstelling.aangevraagd_op,
                    verlof_van=vrijstelling.verlof_van or geldig_van,
                    verlof_tot=vrijstelling.verlof_tot or geldig_tot,
                    verlof_dagen=vrijstelling.verlof_dagen,
                    lesdagen_per_week=vrijstelling.lesdagen_per_week,
                    exclude_pk=vrijstelling.pk,
                )
            ).values()
        )
    beslist_door = beslist_door or rules.verlof_beslisser(vrijstelling.grondslag, vrijstelling.verlof_dagen)
    if verklaring_onafhankelijk is None:
        verklaring_onafhankelijk = vrijstelling.verklaring_onafhankelijk
    errors += rules.vrijstelling_besluit_errors(
        grondslag=vrijstelling.grondslag,
        besluit=besluit,
        verlof_dagen=vrijstelling.verlof_dagen,
        age_on_start=age_on(jongere.geboortedatum, start) if start else None,
        heeft_document=vrijstelling.documenten.exists(),
        eerder_verleend_11f_dit_schooljaar=eerder_11f,
        beslist_door=beslist_door,
        hoofd_gehoord_op=hoofd_gehoord_op,
        verklaring_onafhankelijk=verklaring_onafhankelijk,
        geldig_van=geldig_van,
        geldig_tot=geldig_tot,
    )
    if errors:
        raise ValidationError(list(dict.fromkeys(errors)))
    vrijstelling.besluit = besluit
    vrijstelling.beslist_door = beslist_door if besluit in (Besluit.VERLEEND, Besluit.NIET_VERLEEND) else ""
    vrijstelling.hoofd_gehoord_op = hoofd_gehoord_op
    vrijstelling.verklaring_onafhankelijk = verklaring_onafhankelijk
    vrijstelling.besluit_op = besluit_op
    vrijstelling.geldig_van = geldig_van
    vrijstelling.geldig_tot = geldig_tot
    vrijstelling.behandelaar = vrijstelling.behandelaar or actor
    vrijstelling.save()
    termijnen.vrijstelling_bijwerken(vrijstelling.pk)
    log_access(
        actor=actor,
        action=AuditAction.WIJZIGEN,
        purpose=PURPOSE,
        jongere=jongere,
        obj=vrijstelling,
        request=request,
    )
    return vrijstelling
