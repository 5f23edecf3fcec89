"""Running an import and recording it (browser, API and command line share this).

The browser's check (preview) and the import itself both run as background jobs with progress
(security round 2, point 7); the embedded default runs jobs inline. While a job works on a
record it holds the record (locking.holding_record), so upkeep.py can tell a running job from
one whose worker died.
"""

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from ..models import ImportRecord, Organisatie, User
from . import ImportFailed, checksum, run_import
from .locking import holding_record
from .upkeep import is_stuck

MAX_STORED_PROBLEMS = 1000


def _problems(exc: ImportFailed) -> list[dict]:
    return [
        {"rij": p.row, "kolom": p.column, "waarde": p.value, "melding": p.message}
        for p in exc.problems[:MAX_STORED_PROBLEMS]
    ]


def _new_record(*, name, organisatie, actor, data, filename, via, status="") -> ImportRecord:
    return ImportRecord(
        organisatie=organisatie,
        soort=name,
        bestandsnaam=filename[:255],
        checksum=checksum(data),
        gebruiker=actor,
        via=via,
        status=status,
    )


def _refuse(record: ImportRecord, exc: ImportFailed) -> None:
    record.status = ImportRecord.Status.GEWEIGERD
    record.problemen = _problems(exc)
    record.problemen_totaal = exc.total
    record.klaar_op = timezone.now()
    if record.bestand:
        record.bestand.delete(save=False)  # personal data: nothing will be imported from it
    record.save()


def _progress(record: ImportRecord):
    """Stores how far a job got; committed at once, so the import page can show it."""

    def report(done: int, total: int) -> None:
        ImportRecord.objects.filter(pk=record.pk).update(verwerkt=done, rijen=total)

    return report


def import_now(
    *, name: str, organisatie: Organisatie, actor: User | None, data: bytes, filename: str, via: str
) -> ImportRecord:
    """Validate and write at once (command line, API, small files). Refused files are recorded
    too, with their problems; then ImportFailed is raised for the caller to show."""
    record = _new_record(
        name=name, organisatie=organisatie, actor=actor, data=data, filename=filename, via=via
    )
    try:
        result = run_import(name=name, organisatie=organisatie, actor=actor, data=data, filename=filename)
    except ImportFailed as exc:
        _refuse(record, exc)
        raise
    _finish(record, result)
    return record


def preview_start(
    *, name: str, organisatie: Organisatie, actor: User, data: bytes, filename: str
) -> ImportRecord:
    """Keep the file privately and queue its check (`preview`); the caller starts the job."""
    record = _new_record(
        name=name,
        organisatie=organisatie,
        actor=actor,
        data=data,
        filename=filename,
        via="browser",
        status=ImportRecord.Status.CONTROLEREN,
    )
    record.gestart_op = timezone.now()
    record.bestand.save(filename, ContentFile(data), save=False)
    record.save()
    return record


def preview(record_id: int) -> ImportRecord:
    """Check a kept file and count what it would do, writing nothing but the record (the
    background job of the browser's upload); idempotent."""
    record = ImportRecord.objects.select_related("organisatie", "gebruiker").get(pk=record_id)
    if record.status != ImportRecord.Status.CONTROLEREN:
        return record
    with holding_record(record.pk):
        data = record.bestand.open("rb").read()
        try:
            result = run_import(
                name=record.soort,
                organisatie=record.organisatie,
                actor=record.gebruiker,
                data=data,
                filename=record.bestandsnaam,
                dry_run=True,
                progress=_progress(record),
            )
        except ImportFailed as exc:
            record.refresh_from_db(fields=["rijen", "verwerkt"])
            _refuse(record, exc)
            return record
        except Exception:
            _fail(record)
            raise
    record.status = ImportRecord.Status.VOORBEELD
    _counts(record, result)
    record.save()
    return record


def confirm(record_id: int) -> ImportRecord:
    """Run a previewed import (called by the background task); idempotent."""
    with transaction.atomic():
        record = ImportRecord.objects.select_for_update().get(pk=record_id)
        # A job delivered again after its worker died finds the record `bezig` and no one
        # working on it: it runs the import again (the first run wrote nothing).
        again = record.status == ImportRecord.Status.BEZIG and is_stuck(record)
        if record.status not in (ImportRecord.Status.WACHTEND, ImportRecord.Status.VOORBEELD) and not again:
            return record
        record.status = ImportRecord.Status.BEZIG
        record.gestart_op = timezone.now()
        record.verwerkt = 0
        record.save(update_fields=["status", "gestart_op", "verwerkt"])
    with holding_record(record.pk):
        data = record.bestand.open("rb").read()
        try:
            result = run_import(
                name=record.soort,
                organisatie=record.organisatie,
                actor=record.gebruiker,
                data=data,
                filename=record.bestandsnaam,
                progress=_progress(record),
            )
        except ImportFailed as exc:  # the data changed since the preview
            _refuse(record, exc)
            return record
        except Exception:
            _fail(record)
            raise
    _finish(record, result)
    return record


def _fail(record: ImportRecord) -> None:
    """An unexpected error: the import's transaction was rolled back, so nothing is written;
    the file is kept for a retry (upkeep.retry)."""
    ImportRecord.objects.filter(pk=record.pk).update(
        status=ImportRecord.Status.MISLUKT, klaar_op=timezone.now()
    )


def _counts(record: ImportRecord, result) -> None:
    record.rijen, record.aangemaakt, record.bijgewerkt, record.ongewijzigd = (
        result.rows,
        result.created,
        result.updated,
        result.unchanged,
    )
    record.verwerkt = result.rows


def _finish(record: ImportRecord, result) -> None:
    record.status = ImportRecord.Status.KLAAR
    _counts(record, result)
    record.klaar_op = timezone.now()
    if record.bestand:
        record.bestand.delete(save=False)  # personal data: keep no copy once imported
    record.save()
