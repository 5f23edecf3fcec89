"""Celery application. Without REDIS_URL, tasks run inline (see settings.base)."""

import os

from celery import Celery

# Workers and beat must never fall back to development settings by accident.
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")

app = Celery("leerplicht")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
