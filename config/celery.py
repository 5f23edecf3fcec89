"""Celery application. Without REDIS_URL, tasks run inline (see settings.base)."""

import os

from celery import Celery
from celery.signals import task_failure, task_prerun

# Workers and beat must never fall back to development settings by accident.
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")

app = Celery("leerplicht")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@task_prerun.connect
def _log_context(**kwargs):
    from cases.platform.observability import bind_task_context

    bind_task_context(**kwargs)


@task_failure.connect
def _count_failure(sender=None, **kwargs):
    from cases.platform.metrics import record_task_failure

    record_task_failure(sender=sender)
