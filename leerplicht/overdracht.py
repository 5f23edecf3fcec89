"""Closing the open meldingen of a jongere handed over to another gemeente (cases/verhuizing/services.py).

The receiving gemeente's leerplichtambtenaar takes over (art. 18 Lpw: the LPA of the gemeente
where the jongere lives); here every open melding ends with result "Overdracht andere gemeente".
An organisation whose code list lacks that result gets it added (samenvatting "Verhuisd")."""

from datetime import date

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from cases.constants import RESULTAAT_OVERDRACHT_ANDERE_GEMEENTE
from cases.models import Dossier, User

from . import services
from .afsluiten import resultaat_item
from .constants import RESULTAAT_LIJST, Fase
from .models import Melding


def meldingen_sluiten(*, actor: User, dossier: Dossier, datum: date) -> int:
    """Close every open melding of `dossier`; returns how many."""
    organisatie_id = dossier.jongere.organisatie_id
    reden = _(
        "De jongere is op %(datum)s verhuisd naar een andere gemeente; het dossier is overgedragen."
    ) % {"datum": date_format(datum, "j F Y")}
    count = 0
    for melding in Melding.objects.filter(dossier=dossier).exclude(fase=Fase.AFGESLOTEN).order_by("pk"):
        services.melding_transition(
            actor=actor,
            melding_id=melding.pk,
            versie=None,
            naar=Fase.AFGESLOTEN,
            reden=reden,
            resultaat=resultaat_item(
                organisatie_id,
                RESULTAAT_LIJST[melding.soort],
                RESULTAAT_OVERDRACHT_ANDERE_GEMEENTE,
                "Verhuisd",
            ),
            # Closed on the day of the move, but never before the melding was received.
            afgesloten_op=max(datum, melding.ontvangen_op),
        )
        count += 1
    return count
