"""Thin Celery tasks of the DUO verzuim link; they take ids and are idempotent."""

from celery import shared_task
from django.conf import settings

from ..constants import UitberichtStatus
from ..models import Uitbericht
from . import service


@shared_task(bind=True, name="koppelingen.duo_uitbericht_versturen", max_retries=None, acks_late=True)
def uitbericht_versturen(self, bericht_id: int) -> bool:
    if service.uitbericht_versturen(bericht_id=bericht_id):
        return True
    bericht = Uitbericht.objects.get(pk=bericht_id)
    if bericht.toestand == UitberichtStatus.TE_VERSTUREN:
        # Exponential backoff from KOPPELINGEN_RETRY_DELAY seconds.
        raise self.retry(countdown=settings.KOPPELINGEN_RETRY_DELAY * 2 ** (bericht.pogingen - 1))
    return False


@shared_task(name="koppelingen.duo_uitberichten_versturen")
def uitberichten_versturen() -> int:
    """Queue every message still waiting (for example after the broker lost a task)."""
    ids = list(Uitbericht.objects.filter(toestand=UitberichtStatus.TE_VERSTUREN).values_list("pk", flat=True))
    for pk in ids:
        uitbericht_versturen.delay(pk)
    return len(ids)


@shared_task(name="koppelingen.duo_ophalen")
def ophalen() -> int:
    return sum(run.nieuw for run in service.ophalen())
