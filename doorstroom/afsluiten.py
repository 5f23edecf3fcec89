"""Closing a jongere's open trajecten because of an event outside the Routekaart: the jongere
died, or obtained a startkwalificatie (which ends the kwalificatieplicht, art. 4a lid 1
Leerplichtwet 1969, and takes the jongere out of the vsv target group: art. 8.3.1 WEB counts
only jongeren without one). The koppelingen inbox asks for it; doorstroom never imports
koppelingen. Keyword-only and atomic; each closure is a step on the traject's history (and so on
the dossier's timeline) and in the processing log."""

from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from cases.constants import AuditAction
from cases.models import CodeItem, Dossier, User

from . import termijnen
from .constants import RESULTAAT_LIJST, Doelgroep, Stap, VerzuimAfloop
from .models import Traject
from .services import _log, _record_step

OVERLEDEN = "overleden"
STARTKWALIFICATIE = "startkwalificatie"

#: The result labels (Roermond-style werkprocessen lists) that fit each reason, first match wins;
#: an organisation without such a result closes the traject without one.
RESULTAAT_LABELS = {
    OVERLEDEN: ("Overleden", "23 jr / verhuisd / overleden"),
    STARTKWALIFICATIE: ("Startkwalificatie behaald", "Startkwalificatie", "SK buiten DUO om"),
}


def _resultaat(organisatie_id: int, doelgroep: str, reden: str) -> CodeItem | None:
    lijst = RESULTAAT_LIJST.get(doelgroep)
    if lijst is None:
        return None
    items = {
        item.label: item
        for item in CodeItem.objects.filter(
            organisatie_id=organisatie_id, lijst=lijst, actief=True, label__in=RESULTAAT_LABELS[reden]
        )
    }
    return next((items[label] for label in RESULTAAT_LABELS[reden] if label in items), None)


@transaction.atomic
def trajecten_sluiten(*, actor: User, dossier: Dossier, datum: date, reden: str, request=None) -> int:
    """Close every open traject of `dossier` from whatever step it is in; `reden` is OVERLEDEN or
    STARTKWALIFICATIE. No nazorg check follows: there is nobody to follow up, or the goal (a
    startkwalificatie) is reached. Returns how many were closed."""
    if reden not in RESULTAAT_LABELS:
        raise ValueError(reden)
    organisatie_id = dossier.jongere.organisatie_id
    tekst = {
        OVERLEDEN: _("Traject afgesloten: de jongere is op %(datum)s overleden."),
        STARTKWALIFICATIE: _("Traject afgesloten: startkwalificatie behaald op %(datum)s (art. 4a Lpw)."),
    }[reden] % {"datum": date_format(datum, "j F Y")}
    count = 0
    for traject in Traject.objects.select_for_update().filter(dossier=dossier).open().order_by("pk"):
        traject.resultaat = _resultaat(organisatie_id, traject.doelgroep, reden)
        if reden == STARTKWALIFICATIE and traject.doelgroep == Doelgroep.VERZUIM_18PLUS:
            traject.verzuim_afloop = VerzuimAfloop.VOORTGEZET
        traject.afgesloten_op = min(max(datum, traject.gemeld_op), timezone.localdate())
        traject.nazorg_op = None
        _record_step(traject=traject, van=traject.stap, naar=Stap.AFSLUITEN, actor=actor, reden=tekst)
        traject.versie += 1
        traject.save()
        termijnen.traject_bijwerken(traject.pk)
        _log(actor=actor, action=AuditAction.WIJZIGEN, traject=traject, request=request)
        count += 1
    return count
