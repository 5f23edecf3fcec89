"""Thin Celery tasks of the core: take ids, idempotent."""

from celery import shared_task


@shared_task(name="cases.import_uitvoeren", acks_late=True)
def import_uitvoeren(record_id: int) -> str:
    """Run a confirmed import; a second delivery of the same id does nothing."""
    from .imports.records import confirm

    return confirm(record_id).status
