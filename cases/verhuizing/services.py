"""Verhuizing and overdracht between gemeenten (issue 16, item 4).

A jongere who moves out of the organisation's gemeenten is handed over to the team of the new
gemeente (art. 18 and 21 Lpw: the leerplichtambtenaar of the gemeente where the jongere lives
does the work): open meldingen are closed with result "Overdracht andere gemeente", a summary
PDF for the receiving team is stored in the dossier, and the dossier is read-only from then on.

Read-only is enforced once, here: a pre_save/pre_delete guard refuses any write to a record of
an overgedragen dossier (DossierAlleenLezen, a ValidationError, so every view and the API
already answer it in Dutch). The overdracht itself writes inside `writes_allowed(dossier)`.
"""

import contextlib
import contextvars
from datetime import date

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models.signals import pre_delete, pre_save
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from cases import registry
from cases.constants import ActieSoort, AuditAction, OverdrachtRichting, Verwerkingsactiviteit
from cases.models import Actie, Document, Dossier, Gemeente, Jongere, User
from cases.models.overdracht import Overdracht
from cases.privacy.audit import log_access

_unlocked: contextvars.ContextVar[frozenset] = contextvars.ContextVar(
    "overdracht_unlocked", default=frozenset()
)


class DossierAlleenLezen(ValidationError):
    def __init__(self, dossier: Dossier):
        super().__init__(
            _(
                "Dit dossier is op %(datum)s overgedragen aan een andere gemeente en kan niet meer "
                "worden gewijzigd. Komt de jongere terug, registreer dan de verhuizing terug."
            )
            % {"datum": date_format(dossier.overgedragen_op, "j F Y")},
            code="dossier_alleen_lezen",
        )


@contextlib.contextmanager
def writes_allowed(dossier_id: int):
    token = _unlocked.set(_unlocked.get() | {dossier_id})
    try:
        yield
    finally:
        _unlocked.reset(token)


def ensure_writable(dossier: Dossier) -> None:
    """Raise DossierAlleenLezen when `dossier` was handed over (from its loaded state)."""
    if dossier.overgedragen_op is not None and dossier.pk not in _unlocked.get():
        raise DossierAlleenLezen(dossier)


# -- the guard -------------------------------------------------------------------------------------

#: Records that may change on a handed-over dossier: the log, retention and the overdracht itself.
_EXEMPT = {"cases.auditentry", "cases.vernietigingsvoorstel", "cases.verhuizing.services", "cases.dossier"}
_GUARDED_APPS = {"cases", "leerplicht", "doorstroom"}


def _dossier_id_of(instance) -> int | None:
    if isinstance(instance, Jongere):
        return Dossier._base_manager.filter(jongere_id=instance.pk).values_list("pk", flat=True).first()
    dossier_id = getattr(instance, "dossier_id", None)
    if dossier_id is None and getattr(instance, "melding_id", None) is not None:
        dossier_id = getattr(instance.melding, "dossier_id", None)
    if dossier_id is None and getattr(instance, "jongere_id", None) is not None:
        dossier_id = (
            Dossier._base_manager.filter(jongere_id=instance.jongere_id).values_list("pk", flat=True).first()
        )
    return dossier_id


def _guard(sender, instance, raw=False, **kwargs):
    if raw or sender._meta.app_label not in _GUARDED_APPS or sender._meta.label_lower in _EXEMPT:
        return
    if isinstance(instance, Jongere) and instance.pk is None:
        return
    dossier_id = _dossier_id_of(instance)
    if dossier_id is None or dossier_id in _unlocked.get():
        return
    dossier = Dossier._base_manager.filter(pk=dossier_id, overgedragen_op__isnull=False).first()
    if dossier is not None:
        raise DossierAlleenLezen(dossier)


def connect_guard() -> None:
    pre_save.connect(_guard, dispatch_uid="cases.verhuizing.services.guard_save")
    pre_delete.connect(_guard, dispatch_uid="cases.verhuizing.services.guard_delete")


# -- handing over ----------------------------------------------------------------------------------


def gemeente_voor(*, code: str, naam: str) -> Gemeente:
    """The Gemeente with this CBS code, created when the system does not know it yet."""
    code = (code or "").strip().upper()
    gemeente = Gemeente.objects.filter(code=code).first()
    if gemeente is None:
        gemeente = Gemeente(code=code, naam=(naam or "").strip())
        gemeente.full_clean()
        gemeente.save()
    return gemeente


def samenvatting_html(*, actor: User, dossier: Dossier, overdracht: Overdracht) -> str:
    """The summary for the receiving team: who, where to, the ouders, school history and the
    timeline (all that the team apps contribute), as one self-contained HTML document."""
    from cases import selectors

    jongere = dossier.jongere
    return render_to_string(
        "cases/pdf/overdracht.html",
        {
            "organisatie": jongere.organisatie,
            "jongere": jongere,
            "overdracht": overdracht,
            "ouders": list(selectors.ouders_van(actor, jongere)),
            "inschrijvingen": list(jongere.inschrijvingen.select_related("school")),
            "timeline": selectors.timeline_for(actor, dossier),
            "medewerker": actor.get_full_name() or actor.get_username(),
            "gemaakt_op": timezone.localdate(),
        },
    )


def _render_pdf(html: str) -> bytes:
    from cases.letters.pdf import render_letter_pdf

    return render_letter_pdf(html)


@transaction.atomic
def overdracht_uit(
    *,
    actor: User,
    dossier: Dossier,
    gemeente: Gemeente,
    datum: date,
    toelichting: str = "",
    request=None,
) -> Overdracht:
    """Hand the jongere over to `gemeente`: close open items, store the summary PDF, record the
    action, and make the dossier read-only."""
    dossier = Dossier.objects.select_for_update().select_related("jongere__organisatie").get(pk=dossier.pk)
    ensure_writable(dossier)
    jongere = dossier.jongere
    if jongere.organisatie.gemeenten.filter(pk=gemeente.pk).exists():
        raise ValidationError(
            {
                "gemeente": _(
                    "Dit is een gemeente van uw eigen organisatie; wijzig dan alleen de woongemeente."
                )
            }
        )
    if datum > timezone.localdate():
        raise ValidationError({"datum": _("De verhuisdatum kan niet in de toekomst liggen.")})
    with writes_allowed(dossier.pk):
        gesloten = sum(
            handler(actor=actor, dossier=dossier, datum=datum) for handler in registry.overdracht_handlers
        )
        overdracht = Overdracht.objects.create(
            dossier=dossier,
            organisatie_id=jongere.organisatie_id,
            richting=OverdrachtRichting.UIT,
            gemeente=gemeente,
            eigen_gemeente_id=jongere.woongemeente_id,
            datum=datum,
            toelichting=toelichting,
            gesloten_meldingen=gesloten,
            gebruiker=actor,
        )
        omschrijving = _("Overgedragen aan de gemeente %(gemeente)s (verhuisd op %(datum)s).") % {
            "gemeente": gemeente.naam,
            "datum": date_format(datum, "j F Y"),
        }
        Actie.objects.create(
            dossier=dossier,
            soort=ActieSoort.OVERDRACHT,
            datum=timezone.localdate(),
            omschrijving="\n".join(p for p in (omschrijving, toelichting) if p),
            gebruiker=actor,
        )
        content = _render_pdf(samenvatting_html(actor=actor, dossier=dossier, overdracht=overdracht))
        document = Document(
            dossier=dossier,
            # No personal data in the file name: the kind of document and its date.
            naam=f"overdracht-{timezone.localdate():%Y-%m-%d}.pdf",
            omschrijving=_("Samenvatting voor de gemeente %(gemeente)s") % {"gemeente": gemeente.naam},
            content_type="application/pdf",
            grootte=len(content),
            geupload_door=actor,
        )
        document.bestand.save(document.naam, ContentFile(content), save=False)
        try:
            document.save()
        except Exception:
            document.bestand.delete(save=False)
            raise
        overdracht.document = document
        overdracht.save(update_fields=["document"])
        dossier.overgedragen_op = datum
        dossier.save(update_fields=["overgedragen_op"])
    log_access(
        actor=actor,
        action=AuditAction.WIJZIGEN,
        purpose=Verwerkingsactiviteit.HANDHAVING_LEERPLICHT,
        jongere=jongere,
        obj=overdracht,
        request=request,
    )
    return overdracht


@transaction.atomic
def overdracht_in(
    *,
    actor: User,
    dossier: Dossier,
    gemeente: Gemeente,
    datum: date,
    samenvatting=None,
    toelichting: str = "",
    request=None,
) -> Overdracht:
    """Record that the jongere of `dossier` moved in from `gemeente`, with that team's summary
    (an uploaded file, optional). A dossier handed over before (the jongere comes back) is
    writable again from here on."""
    from cases.services import document_error

    dossier = Dossier.objects.select_for_update().select_related("jongere").get(pk=dossier.pk)
    jongere = dossier.jongere
    if jongere.organisatie.gemeenten.filter(pk=gemeente.pk).exists():
        raise ValidationError(
            {"gemeente": _("Kies de gemeente waar de jongere vandaan komt, niet een van uw eigen gemeenten.")}
        )
    if datum > timezone.localdate():
        raise ValidationError({"datum": _("De verhuisdatum kan niet in de toekomst liggen.")})
    if samenvatting is not None:
        error = document_error(samenvatting)
        if error:
            raise ValidationError({"samenvatting": error})
    with writes_allowed(dossier.pk):
        document = None
        if samenvatting is not None:
            document = Document.objects.create(
                dossier=dossier,
                bestand=samenvatting,
                naam=samenvatting.name[:200],
                omschrijving=_("Samenvatting van de gemeente %(gemeente)s") % {"gemeente": gemeente.naam},
                content_type=samenvatting.content_type,
                grootte=samenvatting.size,
                geupload_door=actor,
            )
        overdracht = Overdracht.objects.create(
            dossier=dossier,
            organisatie_id=jongere.organisatie_id,
            richting=OverdrachtRichting.IN,
            gemeente=gemeente,
            eigen_gemeente_id=jongere.woongemeente_id,
            datum=datum,
            toelichting=toelichting,
            document=document,
            gebruiker=actor,
        )
        Actie.objects.create(
            dossier=dossier,
            soort=ActieSoort.OVERDRACHT,
            datum=timezone.localdate(),
            omschrijving="\n".join(
                p
                for p in (
                    _("Overgenomen van de gemeente %(gemeente)s (verhuisd op %(datum)s).")
                    % {"gemeente": gemeente.naam, "datum": date_format(datum, "j F Y")},
                    toelichting,
                )
                if p
            ),
            gebruiker=actor,
        )
        if dossier.overgedragen_op is not None:
            dossier.overgedragen_op = None
            dossier.save(update_fields=["overgedragen_op"])
    log_access(
        actor=actor,
        action=AuditAction.AANMAKEN,
        purpose=Verwerkingsactiviteit.REGISTRATIE,
        jongere=jongere,
        obj=overdracht,
        request=request,
    )
    return overdracht
