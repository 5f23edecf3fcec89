"""Thin Celery tasks of the BRP link."""

from celery import shared_task

from cases.constants import Verwerkingsactiviteit
from cases.models import Jongere

from ..services import systeemgebruiker
from . import client, service


@shared_task(name="koppelingen.brp_bij_registratie")
def bij_registratie(jongere_id: int) -> bool:
    """A newly registered jongere: fetch address and ouders (a failure waits for the button)."""
    jongere = Jongere.objects.select_related("organisatie").filter(pk=jongere_id).first()
    if jongere is None or not jongere.bsn:
        return False
    try:
        service.bijwerken(
            actor=systeemgebruiker(jongere.organisatie),
            jongere=jongere,
            purpose=Verwerkingsactiviteit.REGISTRATIE,
        )
    except client.BrpFout:
        return False
    return True


@shared_task(name="koppelingen.brp_nachtelijk_bijwerken")
def nachtelijk_bijwerken() -> int:
    if not client.verbinding().geconfigureerd:
        return 0
    return service.nachtelijk_bijwerken(actor_for=systeemgebruiker)
