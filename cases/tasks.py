"""Thin Celery tasks of the core: take ids, idempotent."""

from celery import shared_task


@shared_task(name="cases.import_uitvoeren", acks_late=True)
def import_uitvoeren(record_id: int) -> str:
    """Run a confirmed import; a second delivery of the same id does nothing."""
    from .imports.records import confirm

    return confirm(record_id).status


@shared_task(name="cases.import_controleren", acks_late=True)
def import_controleren(record_id: int) -> str:
    """Check an uploaded file and count what it would do (the browser's preview)."""
    from .imports.records import preview

    return preview(record_id).status


@shared_task(name="cases.imports_bijhouden", acks_late=True)
def imports_bijhouden() -> dict:
    """Every 10 minutes: stuck imports marked failed; problem lists past their term blanked."""
    from .imports.upkeep import imports_upkeep

    return imports_upkeep()


@shared_task(name="cases.vernietiging_voorstellen", acks_late=True)
def vernietiging_voorstellen() -> int:
    """Daily: a destruction proposal per dossier past its retention term (cases/retention.py).
    Idempotent: a dossier with a pending proposal is not proposed again."""
    from cases.privacy.retention import proposals_create

    return proposals_create()


@shared_task(name="cases.brief_maken", acks_late=True)
def brief_maken(brief_id: int) -> None:
    """Lay out one letter as PDF, store it in the dossier and record its action. Idempotent:
    a letter that is done (or failed) is not made again."""
    from .letters.services import brief_execute

    brief_execute(brief_id=brief_id)


@shared_task(name="cases.termijnen_signaleren", acks_late=True)
def termijnen_signaleren() -> int:
    """Daily: store which open meldingen, aanvragen and trajecten are due soon or overdue, so the
    werkvoorraad and caseload show and filter on it. Idempotent."""
    from django.utils import timezone

    from cases.termijnen.signalen import termijnen_signaleren as run

    return run(today=timezone.localdate())


@shared_task(name="cases.digest_versturen", acks_late=True)
def digest_versturen() -> int:
    """Daily, after the deadline job: the e-mail digest per user. At most one per user and day."""
    from django.utils import timezone

    from cases.termijnen.digest import digest_versturen as run

    return run(today=timezone.localdate())
