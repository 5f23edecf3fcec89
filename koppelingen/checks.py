"""Per source: is it configured (and how)? Shown in the inbox and on the beheer page."""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from .brp import checks as brp_checks
from .brp import tasks as brp_tasks
from .constants import Bron
from .duo import checks as duo_checks
from .duo import tasks as duo_tasks
from .inlichtingenbureau import checks as ib_checks


@dataclass
class Check:
    bron: str
    label: str
    geconfigureerd: bool
    toelichting: str
    ophalen: object = None  # the Celery task of "nu ophalen", if the source is fetched


def alle() -> list[Check]:
    duo_ok, duo_tekst = duo_checks.status()
    brp_ok, brp_tekst = brp_checks.status()
    return [
        Check(Bron.DUO_VERZUIM, Bron.DUO_VERZUIM.label, duo_ok, duo_tekst, duo_tasks.ophalen),
        Check(Bron.BRP, Bron.BRP.label, brp_ok, brp_tekst, brp_tasks.nachtelijk_bijwerken),
        Check(Bron.DUO_LEVERING, Bron.DUO_LEVERING.label, True, _("Via upload (wekelijks en maandelijks).")),
        Check(Bron.INLICHTINGENBUREAU, Bron.INLICHTINGENBUREAU.label, *ib_checks.status()),
    ]
