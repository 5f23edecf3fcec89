"""Looking after import records: jobs whose worker died, and the retention of problem lists
and kept files (security round 2, points 3 and 8).

An import writes in one transaction, so a job that died wrote nothing: its record may be marked
failed and the import tried again. On PostgreSQL a job holds its record while it runs
(locking.holding_record), so a dead job is recognised after a short grace period; elsewhere
after IMPORT_VASTGELOPEN_MINUTEN.
"""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import ImportRecord
from .locking import record_is_running

#: A job needs a moment between taking the record and holding it.
GRACE = timedelta(minutes=1)
RUNNING = (ImportRecord.Status.CONTROLEREN, ImportRecord.Status.WACHTEND, ImportRecord.Status.BEZIG)


def _timeout() -> timedelta:
    return timedelta(minutes=getattr(settings, "IMPORT_VASTGELOPEN_MINUTEN", 60))


def _retention() -> timedelta:
    return timedelta(days=getattr(settings, "IMPORT_PROBLEMEN_BEWAARDAGEN", 30))


def is_stuck(record: ImportRecord, now=None) -> bool:
    """Whether a record that says it is running has no job working on it any more."""
    if record.status not in RUNNING:
        return False
    now = now or timezone.now()
    started = record.gestart_op or record.aangemaakt_op
    if record.status == ImportRecord.Status.WACHTEND:
        # Queued: the worker may be busy with other jobs; only a long wait counts.
        return now - started > _timeout()
    if now - started < GRACE:
        return False
    running = record_is_running(record.pk)
    if running is None:
        return now - started > _timeout()
    return not running


def mark_failed(record: ImportRecord) -> bool:
    """Mark a stuck record failed; a check that died is refused (the user uploads again), an
    import that died keeps its file for a retry. False when it was not stuck (any more)."""
    with transaction.atomic():
        record = ImportRecord.objects.select_for_update().get(pk=record.pk)
        if not is_stuck(record):
            return False
        record.klaar_op = timezone.now()
        if record.status == ImportRecord.Status.CONTROLEREN:
            record.status = ImportRecord.Status.GEWEIGERD
            record.problemen = [
                {
                    "rij": 1,
                    "kolom": "",
                    "waarde": "",
                    "melding": _(
                        "De controle is onderbroken; er is niets opgeslagen. Bied het bestand opnieuw aan."
                    ),
                }
            ]
            record.problemen_totaal = 1
            if record.bestand:
                record.bestand.delete(save=False)
        else:
            record.status = ImportRecord.Status.MISLUKT
        record.save()
    return True


def retry(record: ImportRecord) -> bool:
    """Queue a failed (or stuck) import again; the caller starts the job on commit. False when
    the record cannot be retried (not failed, or its file is gone)."""
    with transaction.atomic():
        record = ImportRecord.objects.select_for_update().get(pk=record.pk)
        if record.status != ImportRecord.Status.MISLUKT and not (
            record.status in (ImportRecord.Status.WACHTEND, ImportRecord.Status.BEZIG) and is_stuck(record)
        ):
            return False
        if not record.bestand:
            return False
        record.status = ImportRecord.Status.WACHTEND
        record.gestart_op = timezone.now()
        record.klaar_op = None
        record.save(update_fields=["status", "gestart_op", "klaar_op"])
    return True


def imports_upkeep(*, now=None) -> dict:
    """The periodic job: mark stuck records failed; after the retention term blank problem
    lists (they repeat a file's BSNs and names) and delete files never imported."""
    now = now or timezone.now()
    stuck = sum(
        mark_failed(record)
        for record in ImportRecord.objects.filter(status__in=RUNNING)
        if is_stuck(record, now)
    )
    before = now - _retention()
    blanked = (
        ImportRecord.objects.filter(klaar_op__lt=before, problemen_verwijderd_op__isnull=True)
        .exclude(problemen=[])
        .update(problemen=[], problemen_verwijderd_op=now)
    )
    expired = 0
    for record in ImportRecord.objects.filter(
        status__in=[ImportRecord.Status.VOORBEELD, ImportRecord.Status.MISLUKT], aangemaakt_op__lt=before
    ):
        if record.bestand:
            record.bestand.delete(save=False)
        record.status = ImportRecord.Status.VERLOPEN
        record.klaar_op = record.klaar_op or now
        record.save()
        expired += 1
    return {"vastgelopen": stuck, "problemen_verwijderd": blanked, "verlopen": expired}
