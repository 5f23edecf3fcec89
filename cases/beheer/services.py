"""Writes of the beheer pages. Keyword-only, atomic, scoped to the actor's organisation, every
change recorded in Django's LogEntry (configuration and aggregates: no personal data, so not in
the processing log).

Optimistic concurrency without a version column (the term and population models live in apps
whose migrations are not ours to add): a form carries a fingerprint of the values it was based
on; the write locks the row and refuses when the stored values differ from it.
"""

import hashlib

from django.apps import apps
from django.contrib.admin.models import ADDITION, CHANGE, DELETION, LogEntry
from django.db import IntegrityError, models, transaction
from django.utils.translation import gettext as _

from cases.concurrency import ConflictError
from cases.models import CodeItem
from cases.registry import TermijnBron, TermijnDefinitie
from cases.termijnen.models import SchoolVakantie

TERMIJN_FIELDS = ("dagen", "eenheid", "schoolvakanties_overslaan")
POPULATIE_FIELDS = (
    "gemeente_id",
    "schooljaar",
    "leerplichtigen",
    "kwalificatieplichtigen",
    "boven_leerplichtigen",
    "startpopulatie_vsv",
)
CODE_FIELDS = ("label", "categorie", "samenvatting", "volgorde", "actief")
VAKANTIE_FIELDS = ("naam", "van", "tot")


def fingerprint(obj: models.Model | None, fields: tuple[str, ...]) -> str:
    """A short digest of the values a form shows; "" for a record that does not exist yet."""
    if obj is None:
        return ""
    values = "\x1f".join(repr(getattr(obj, field)) for field in fields)
    return hashlib.sha256(values.encode()).hexdigest()[:20]


def _check(obj: models.Model | None, fields: tuple[str, ...], basis: str) -> None:
    if fingerprint(obj, fields) != basis:
        raise ConflictError()


def _log(actor, obj: models.Model, flag: int, message: str) -> None:
    LogEntry.objects.log_actions(actor.pk, [obj], flag, change_message=message, single_object=True)


def _save(obj: models.Model, *, exclude: list[str] | None = None) -> None:
    obj.full_clean(exclude=exclude)
    try:
        with transaction.atomic():
            obj.save()
    except IntegrityError:
        # Two people created the same row at once: the unique constraint kept one.
        raise ConflictError() from None


# -- termijnen ---------------------------------------------------------------------------------


def termijn_model(bron: TermijnBron) -> type[models.Model]:
    return apps.get_model(bron.model)


def termijn_row(*, organisatie_id: int, bron: TermijnBron, definitie: TermijnDefinitie, lock: bool = False):
    queryset = termijn_model(bron).objects.filter(organisatie_id=organisatie_id, **definitie.sleutel)
    if lock:
        queryset = queryset.select_for_update()
    return queryset.first()


@transaction.atomic
def termijn_instellen(
    *,
    actor,
    bron: TermijnBron,
    definitie: TermijnDefinitie,
    dagen: int,
    eenheid: str,
    schoolvakanties_overslaan: bool,
    basis: str,
):
    """Set the organisation's own value of a term (a row overrides the default)."""
    row = termijn_row(organisatie_id=actor.organisatie_id, bron=bron, definitie=definitie, lock=True)
    _check(row, TERMIJN_FIELDS, basis)
    nieuw = row is None
    if nieuw:
        row = termijn_model(bron)(organisatie_id=actor.organisatie_id, **definitie.sleutel)
    row.dagen, row.eenheid, row.schoolvakanties_overslaan = dagen, eenheid, schoolvakanties_overslaan
    _save(row)
    _log(actor, row, ADDITION if nieuw else CHANGE, _("Via de beheerpagina Termijnen."))
    return row


@transaction.atomic
def termijn_standaard(*, actor, bron: TermijnBron, definitie: TermijnDefinitie, basis: str) -> None:
    """Go back to the default: remove the organisation's own value."""
    row = termijn_row(organisatie_id=actor.organisatie_id, bron=bron, definitie=definitie, lock=True)
    _check(row, TERMIJN_FIELDS, basis)
    if row is not None:
        _log(actor, row, DELETION, _("Standaardtermijn hersteld via de beheerpagina Termijnen."))
        row.delete()


# -- population figures, code lists, school holidays --------------------------------------------


@transaction.atomic
def record_opslaan(
    *, actor, queryset: models.QuerySet, pk: int | None, fields: tuple[str, ...], basis: str, **values
):
    """Create (pk None) or change one record of `queryset`, which the caller scoped to the
    actor's organisation; a pk outside it is not found."""
    if pk is None:
        obj = queryset.model(**values)
        _save(obj)
        _log(actor, obj, ADDITION, _("Via de beheerpagina's."))
        return obj
    obj = queryset.select_for_update().get(pk=pk)
    _check(obj, fields, basis)
    changed = [field for field, value in values.items() if getattr(obj, field) != value]
    for field, value in values.items():
        setattr(obj, field, value)
    _save(obj)
    _log(
        actor,
        obj,
        CHANGE,
        _("Via de beheerpagina's; gewijzigd: %(velden)s.") % {"velden": ", ".join(changed) or "-"},
    )
    return obj


def populatie_model() -> type[models.Model]:
    # Looked up by name: the core does not import the reporting app.
    return apps.get_model("reporting", "Populatie")


def populatie_queryset(actor) -> models.QuerySet:
    return populatie_model().objects.filter(gemeente__in=actor.organisatie.gemeenten.all())


def codes_queryset(actor) -> models.QuerySet:
    return CodeItem.objects.filter(organisatie_id=actor.organisatie_id)


def vakanties_queryset(actor) -> models.QuerySet:
    return SchoolVakantie.objects.filter(organisatie_id=actor.organisatie_id)
