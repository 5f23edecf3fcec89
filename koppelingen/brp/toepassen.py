"""Accepting a signal from the BRP: a death closes the open work (koppelingen/afsluiten.py), a
registration in a gemeente outside the organisation hands the jongere over (cases.verhuizing)."""

from datetime import date

from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from cases.verhuizing.services import overdracht_uit

from .. import afsluiten
from ..constants import Bron, Voorstel
from ..services import register_toepasser


def toepassen(*, signaal, actor, keuzes: dict, request=None) -> str:
    g = signaal.gegevens
    jongere = afsluiten.bekende_jongere(signaal)
    if signaal.voorstel == Voorstel.AFSLUITEN_OVERLEDEN:
        datum = date.fromisoformat(g["datum"]) if g.get("datum") else timezone.localdate()
        return afsluiten.overleden(
            signaal=signaal, actor=actor, jongere=jongere, datum=datum, request=request
        )
    if signaal.voorstel == Voorstel.OVERDRACHT_VERHUISD and signaal.gemeente is not None:
        overdracht_uit(
            actor=actor,
            dossier=jongere.dossier,
            gemeente=signaal.gemeente,
            datum=signaal.ontvangen_op.date(),
            request=request,
        )
        return reverse("dossier", args=[jongere.dossier.pk])
    raise ValidationError(
        _(
            "Dit voorstel voert het systeem niet zelf uit: werk het dossier bij en wijs het signaal af met die reden."
        )
    )


register_toepasser(Bron.BRP, toepassen)
