"""How the Doorstroompunt plugs into the core (cases/registry.py): dossier section and timeline."""

from django.utils import timezone

from cases.models import Dossier
from cases.rules import age_on

from . import rules, selectors
from .forms import OverdrachtForm, TrajectStartForm


def dossier_section(user, dossier: Dossier) -> dict:
    """The jongere's trajecten, plus 'Overdragen aan Doorstroompunt' and 'Traject starten' where allowed."""
    jongere = dossier.jongere
    today = timezone.localdate()
    can_view = user.has_perm("doorstroom.view_traject")
    can_add = user.has_perm("doorstroom.add_traject")
    trajecten = selectors.trajecten_op_dossier(user, dossier)
    heeft_lopend = any(traject.is_open for traject in trajecten)
    overdracht = (
        can_add
        and not heeft_lopend
        and rules.overdracht_mogelijk(jongere.geboortedatum, jongere.startkwalificatie_op, today)
    )
    return {
        "leeftijd": age_on(jongere.geboortedatum, today),
        "trajecten": trajecten,
        "kan_openen": can_view,
        "overdracht_form": OverdrachtForm() if overdracht else None,
        "start_form": TrajectStartForm(organisatie_id=jongere.organisatie_id)
        if can_add and can_view
        else None,
    }
