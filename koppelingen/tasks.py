"""Celery finds tasks in `<app>.tasks`: the sources' tasks are imported here, plus the inbox's own."""

from celery import shared_task
from django.utils import timezone

from . import services
from .brp.tasks import bij_registratie as brp_bij_registratie  # noqa: F401
from .brp.tasks import nachtelijk_bijwerken as brp_nachtelijk_bijwerken  # noqa: F401
from .duo.tasks import ophalen as duo_ophalen  # noqa: F401
from .duo.tasks import uitbericht_versturen as duo_uitbericht_versturen  # noqa: F401
from .duo.tasks import uitberichten_versturen as duo_uitberichten_versturen  # noqa: F401


@shared_task(name="koppelingen.bewaartermijn_toepassen")
def bewaartermijn_toepassen() -> int:
    return services.bewaartermijn_toepassen(today=timezone.localdate())
