"""Writes of vrijstellingen and verlof: request, documents and decision."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cases import services as case_services
from cases.concurrency import lock_and_check
from cases.constants import AuditAction, Verwerkingsactiviteit
from cases.models import Dossier, User
from cases.privacy.audit import log_access
from cases.rules import Schooljaar, age_on

from . import rules, termijnen
from .constants import VERLOF_GRONDSLAGEN, Besluit, Grondslag
from .models import Vrijstelling

PURPOSE = Verwerkingsactiviteit.HANDHAVING_LEERPLICHT


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
    request=None,
) -> Vrijstelling:
    errors = {}
    if aangevraagd_op > timezone.localdate():
        errors["aangevraagd_op"] = _("De aanvraagdatum ligt in de toekomst.")
    if grondslag in VERLOF_GRONDSLAGEN and not verlof_dagen:
        errors["verlof_dagen"] = _("Vul bij een verlofaanvraag het aantal gevraagde schooldagen in.")
    if verlof_van and verlof_tot and verlof_tot < verlof_van:
        errors["verlof_tot"] = _("Het einde van het verlof ligt voor het begin.")
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
    request=None,
) -> Vrijstelling:
    """Take the decision; the Leerplichtwet's rules are checked first (see rules.py)."""
    vrijstelling = lock_and_check(
        Vrijstelling.objects.select_related("dossier__jongere"), vrijstelling_id, versie
    )
    jongere = vrijstelling.dossier.jongere
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
        schooljaar = Schooljaar.of(start)
        eerder_11f = (
            Vrijstelling.objects.filter(
                dossier=vrijstelling.dossier,
                grondslag=Grondslag.ART11F,
                besluit=Besluit.VERLEEND,
                geldig_van__range=(schooljaar.first_day, schooljaar.last_day),
            )
            .exclude(pk=vrijstelling.pk)
            .exists()
        )
    errors += rules.vrijstelling_besluit_errors(
        grondslag=vrijstelling.grondslag,
        besluit=besluit,
        verlof_dagen=vrijstelling.verlof_dagen,
        age_on_start=age_on(jongere.geboortedatum, start) if start else None,
        heeft_document=vrijstelling.documenten.exists(),
        eerder_verleend_11f_dit_schooljaar=eerder_11f,
    )
    if errors:
        raise ValidationError(errors)
    vrijstelling.besluit = besluit
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
