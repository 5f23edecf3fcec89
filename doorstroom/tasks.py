"""Thin Celery tasks of the Doorstroompunt: no personal data in, idempotent, call a service.

The daily schedule is in settings.CELERY_BEAT_SCHEDULE (by task name).
"""

from celery import shared_task

NAZORG_TASK = "doorstroom.nazorg_signaleren"


@shared_task(name=NAZORG_TASK)
def nazorg_signaleren() -> int:
    """Mark the follow-ups that are due today so they appear on the coach's caseload.

    Running it twice on one day (or after a missed day) marks nothing twice.
    """
    from django.utils import timezone

    from . import services

    return services.nazorg_signaleren(today=timezone.localdate())
