"""The MAS transition map, enforced by the service."""

import pytest
from django.core.exceptions import ValidationError

from cases.constants import Codelijst
from cases.workflow import TransitionError
from leerplicht import services
from leerplicht.constants import Fase
from leerplicht.models import MeldingTransitie
from leerplicht.workflow import PHASES, TRANSITIONS
from tests.factories import JongereFactory, MeldingFactory
from tests.leerplicht.conftest import code

pytestmark = pytest.mark.django_db

ALLOWED = sorted((source, target) for source, targets in TRANSITIONS.items() for target in targets)


def test_the_map_moves_forward_one_phase_at_a_time():
    assert TRANSITIONS[Fase.WAARNEMEN] == {Fase.ANALYSEREN, Fase.AFGESLOTEN}
    assert TRANSITIONS[Fase.EVALUEREN] == {
        Fase.WAARNEMEN,
        Fase.ANALYSEREN,
        Fase.PLANNEN,
        Fase.HANDELEN,
        Fase.AFGESLOTEN,
    }
    assert TRANSITIONS[Fase.AFGESLOTEN] == set(PHASES)
    assert len(ALLOWED) == 2 + 3 + 4 + 5 + 5 + 5


@pytest.mark.parametrize(("source", "target"), ALLOWED)
def test_every_allowed_transition_is_recorded(org, lpa, source, target):
    melding = MeldingFactory(
        dossier=JongereFactory(organisatie=org).dossier,
        fase=source,
        afgesloten_op="2025-11-01" if source == Fase.AFGESLOTEN else None,
    )
    resultaat = code(org, Codelijst.RESULTAAT_RELATIEF, "Halt") if target == Fase.AFGESLOTEN else None
    moved = services.melding_transition(
        actor=lpa,
        melding_id=melding.pk,
        versie=melding.versie,
        naar=target,
        reden="Omdat het nodig is.",
        resultaat=resultaat,
        afgesloten_op=None,
    )
    assert moved.fase == target
    history = MeldingTransitie.objects.get(melding=melding)
    assert (history.van, history.naar, history.gebruiker, history.reden) == (
        source,
        target,
        lpa,
        "Omdat het nodig is.",
    )
    if target == Fase.AFGESLOTEN:
        assert moved.resultaat.label == "Halt" and moved.afgesloten_op is not None
    if source == Fase.AFGESLOTEN:
        assert moved.resultaat is None and moved.afgesloten_op is None


@pytest.mark.parametrize(
    ("source", "target"),
    [
        (Fase.WAARNEMEN, Fase.PLANNEN),
        (Fase.WAARNEMEN, Fase.EVALUEREN),
        (Fase.ANALYSEREN, Fase.HANDELEN),
        (Fase.PLANNEN, Fase.EVALUEREN),
        (Fase.AFGESLOTEN, Fase.AFGESLOTEN),
        (Fase.HANDELEN, Fase.HANDELEN),
    ],
)
def test_skipping_phases_is_refused_with_the_allowed_steps(org, lpa, source, target):
    melding = MeldingFactory(dossier=JongereFactory(organisatie=org).dossier, fase=source)
    with pytest.raises(TransitionError, match="kan niet naar") as refused:
        services.melding_transition(actor=lpa, melding_id=melding.pk, versie=None, naar=target, reden="x")
    assert "Toegestaan:" in refused.value.message
    melding.refresh_from_db()
    assert melding.fase == source and not MeldingTransitie.objects.exists()


def test_going_back_needs_a_reason(org, lpa):
    melding = MeldingFactory(dossier=JongereFactory(organisatie=org).dossier, fase=Fase.HANDELEN)
    with pytest.raises(TransitionError, match="Geef een reden op"):
        services.melding_transition(actor=lpa, melding_id=melding.pk, versie=None, naar=Fase.ANALYSEREN)
    services.melding_transition(
        actor=lpa, melding_id=melding.pk, versie=None, naar=Fase.EVALUEREN
    )  # forward: none


def test_closing_needs_a_result_of_the_soorts_list_and_a_reason(org, lpa):
    melding = MeldingFactory(dossier=JongereFactory(organisatie=org).dossier, fase=Fase.EVALUEREN)
    with pytest.raises(TransitionError, match="Kies een resultaat"):
        services.melding_transition(
            actor=lpa, melding_id=melding.pk, versie=None, naar=Fase.AFGESLOTEN, reden="Klaar"
        )
    with pytest.raises(TransitionError, match="Geef een reden op"):
        services.melding_transition(
            actor=lpa,
            melding_id=melding.pk,
            versie=None,
            naar=Fase.AFGESLOTEN,
            resultaat=code(org, Codelijst.RESULTAAT_RELATIEF, "Halt"),
        )
    with pytest.raises(ValidationError, match="hoort niet bij dit soort melding"):
        services.melding_transition(
            actor=lpa,
            melding_id=melding.pk,
            versie=None,
            naar=Fase.AFGESLOTEN,
            reden="Klaar",
            resultaat=code(org, Codelijst.RESULTAAT_LUXE, "Proces-verbaal"),
        )
    melding.refresh_from_db()
    assert melding.fase == Fase.EVALUEREN
