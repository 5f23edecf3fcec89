"""Running an import and recording it (browser, API and command line share this)."""

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from ..models import ImportRecord, Organisatie, User
from . import ImportFailed, checksum, run_import

MAX_STORED_PROBLEMS = 1000


def _problems(exc: ImportFailed) -> list[dict]:
    return [
        {"rij": p.row, "kolom": p.column, "waarde": p.value, "melding": p.message}
        for p in exc.problems[:MAX_STORED_PROBLEMS]
    ]


def import_now(
    *, name: str, organisatie: Organisatie, actor: User | None, data: bytes, filename: str, via: str
) -> ImportRecord:
    """Validate and write at once (command line, API, small files). Refused files are recorded
    too, with their problems; then ImportFailed is raised for the caller to show."""
    record = ImportRecord(
        organisatie=organisatie,
        soort=name,
        bestandsnaam=filename[:255],
        checksum=checksum(data),
        gebruiker=actor,
        via=via,
    )
    try:
        result = run_import(name=name, organisatie=organisatie, actor=actor, data=data, filename=filename)
    except ImportFailed as exc:
        record.status = ImportRecord.Status.GEWEIGERD
        record.problemen = _problems(exc)
        record.klaar_op = timezone.now()
        record.save()
        raise
    _finish(record, result)
    return record


def preview(*, name: str, organisatie: Organisatie, actor: User, data: bytes, filename: str) -> ImportRecord:
    """Check a file and count what it would do, writing nothing but the record and the file
    (kept privately until the user confirms)."""
    record = ImportRecord(
        organisatie=organisatie,
        soort=name,
        bestandsnaam=filename[:255],
        checksum=checksum(data),
        gebruiker=actor,
        via="browser",
    )
    try:
        result = run_import(
            name=name, organisatie=organisatie, actor=actor, data=data, filename=filename, dry_run=True
        )
    except ImportFailed as exc:
        record.status = ImportRecord.Status.GEWEIGERD
        record.problemen = _problems(exc)
        record.klaar_op = timezone.now()
        record.save()
        return record
    record.status = ImportRecord.Status.VOORBEELD
    record.rijen, record.aangemaakt, record.bijgewerkt, record.ongewijzigd = (
        result.rows,
        result.created,
        result.updated,
        result.unchanged,
    )
    record.bestand.save(filename, ContentFile(data), save=False)
    record.save()
    return record


def confirm(record_id: int) -> ImportRecord:
    """Run a previewed import (called by the background task); idempotent."""
    with transaction.atomic():
        record = ImportRecord.objects.select_for_update().get(pk=record_id)
        if record.status not in (ImportRecord.Status.WACHTEND, ImportRecord.Status.VOORBEELD):
            return record
        record.status = ImportRecord.Status.BEZIG
        record.save(update_fields=["status"])
    data = record.bestand.open("rb").read()
    try:
        result = run_import(
            name=record.soort,
            organisatie=record.organisatie,
            actor=record.gebruiker,
            data=data,
            filename=record.bestandsnaam,
        )
    except ImportFailed as exc:  # the data changed since the preview
        record.status = ImportRecord.Status.GEWEIGERD
        record.problemen = _problems(exc)
        record.klaar_op = timezone.now()
        record.save()
        return record
    _finish(record, result)
    return record


def _finish(record: ImportRecord, result) -> None:
    record.status = ImportRecord.Status.KLAAR
    record.rijen, record.aangemaakt, record.bijgewerkt, record.ongewijzigd = (
        result.rows,
        result.created,
        result.updated,
        result.unchanged,
    )
    record.klaar_op = timezone.now()
    if record.bestand:
        record.bestand.delete(save=False)  # personal data: keep no copy once imported
    record.save()
