"""The Routekaart's entry and transition rules, against an independent statement of them."""

import pytest

from cases.workflow import TransitionError
from doorstroom import services
from doorstroom.constants import Doelgroep
from doorstroom.models import StapWijziging, Traject
from doorstroom.workflow import pad_naar, routekaart_voor, sluit_af
from tests.doorstroom.factories import TrajectFactory

# The Routekaart as the specification (codelijsten.yaml) reads, by step number.
FORWARD = {
    1: {2},
    2: {3},
    4: {5},
    5: {6},
    6: {7},
    7: {8},
    8: {9},
    9: {10},
    10: {11},
    11: {12},
    12: {13},
    13: set(),
}
BACK = {9: {4, 5, 6, 7, 8}, 10: {4, 5, 6, 7, 8}}  # back to phase 2/3, with a reason
CLOSE = {4, 5, 6, 7, 8, 9}  # closing (to step 11) is possible from the intake on
ENTRY = {
    Doelgroep.NIEUW_VSV: {4},
    Doelgroep.OUD_VSV: {4, 12},
    Doelgroep.KWETSBARE_JONGERE: {4, 12},
    Doelgroep.VERZUIM_18PLUS: {4, 12},
    Doelgroep.JONGEREN_IN_BEELD: {4, 12},
    Doelgroep.ZORG_18PLUS: {4, 12},
}


def stap(number: int) -> str:
    workflow = routekaart_voor(Doelgroep.NIEUW_VSV)
    return list(workflow.labels)[number - 1]


def expected(doelgroep) -> set[tuple[int, int]]:
    pairs = {(s, t) for s, targets in FORWARD.items() for t in targets}
    pairs |= {(s, t) for s, targets in BACK.items() for t in targets}
    pairs |= {(s, 11) for s in CLOSE}
    pairs |= {(3, t) for t in ENTRY[doelgroep]}
    return pairs


def declared(doelgroep) -> set[tuple[int, int]]:
    workflow = routekaart_voor(doelgroep)
    number = {state: index for index, state in enumerate(workflow.labels, start=1)}
    return {(number[s], number[t]) for s in workflow.labels for t in workflow.allowed(s)}


@pytest.mark.parametrize("doelgroep", list(Doelgroep))
def test_the_declared_routekaart_is_the_specified_one(doelgroep):
    assert declared(doelgroep) == expected(doelgroep)


def test_the_routekaart_has_13_steps_in_5_phases():
    from doorstroom.constants import FASE_VAN_STAP

    assert len(FASE_VAN_STAP) == 13
    assert [f.value for f in dict.fromkeys(FASE_VAN_STAP.values())] == [
        "waarnemen",
        "analyseren",
        "plannen",
        "handelen",
        "evalueren",
    ]


pytestmark = pytest.mark.django_db

STEP_PAIRS = sorted(expected(Doelgroep.OUD_VSV))


@pytest.mark.parametrize(("source", "target"), STEP_PAIRS)
def test_every_allowed_transition_works_through_the_services(source, target, coach, volwassene):
    traject = TrajectFactory(dossier=volwassene.dossier, doelgroep=Doelgroep.OUD_VSV, stap=stap(source))
    if sluit_af(stap(source), stap(target)):
        reden = volwassene.organisatie.codes.get(label="Is gaan werken en/of studeren")
        traject = services.traject_afsluiten(
            actor=coach,
            traject=traject,
            versie=traject.versie,
            begeleid=False,
            reden_niet_begeleid=reden,
            afgesloten_op=traject.gemeld_op,
        )
    else:
        reason = (
            "Plan loopt vast: jongere stopt met de werkervaringsplek."
            if (source, target) in {(s, t) for s, ts in BACK.items() for t in ts}
            else ""
        )
        services.stap_wijzigen(actor=coach, traject=traject, naar=stap(target), reden=reason)
    traject.refresh_from_db()
    assert traject.stap == stap(target)
    change = traject.stapwijzigingen.exclude(van_stap="").get()
    assert (change.van_stap, change.naar_stap, change.door) == (stap(source), stap(target), coach)


def test_a_nieuwe_vsv_er_cannot_skip_the_intake_after_step_3(coach, volwassene):
    traject = TrajectFactory(dossier=volwassene.dossier, doelgroep=Doelgroep.NIEUW_VSV, stap=stap(3))
    with pytest.raises(TransitionError):
        services.traject_afsluiten(
            actor=coach,
            traject=traject,
            versie=1,
            begeleid=False,
            reden_niet_begeleid=volwassene.organisatie.codes.get(label="Heeft aanbod geweigerd"),
            afgesloten_op=traject.gemeld_op,
        )
    with pytest.raises(TransitionError, match="Toegestaan: 4. Intakegesprek plannen"):
        services.stap_wijzigen(actor=coach, traject=traject, naar=stap(12))
    assert Traject.objects.get().stap == stap(3)


@pytest.mark.parametrize(
    ("source", "target"), [(1, 3), (1, 4), (2, 8), (4, 9), (8, 10), (12, 11), (13, 1), (5, 4)]
)
def test_skipping_or_going_back_outside_the_rules_is_refused(source, target, coach, volwassene):
    traject = TrajectFactory(dossier=volwassene.dossier, doelgroep=Doelgroep.OUD_VSV, stap=stap(source))
    with pytest.raises(TransitionError):
        services.stap_wijzigen(actor=coach, traject=traject, naar=stap(target), reden="Zomaar.")
    assert Traject.objects.get().stap == stap(source)
    assert StapWijziging.objects.count() == 1  # only the start


def test_going_back_a_phase_needs_a_reason(coach, volwassene):
    traject = TrajectFactory(dossier=volwassene.dossier, stap=stap(10))
    with pytest.raises(TransitionError, match="Geef een reden op"):
        services.stap_wijzigen(actor=coach, traject=traject, naar=stap(5), reden="  ")
    services.stap_wijzigen(actor=coach, traject=traject, naar=stap(5), reden="Plan loopt vast.")
    assert StapWijziging.objects.get(naar_stap=stap(5)).reden == "Plan loopt vast."


def test_step_11_is_only_reached_by_closing_the_traject(coach, volwassene):
    traject = TrajectFactory(dossier=volwassene.dossier, stap=stap(10))
    with pytest.raises(TransitionError, match="af te sluiten"):
        services.stap_wijzigen(actor=coach, traject=traject, naar=stap(11))


@pytest.mark.parametrize("doelgroep", list(Doelgroep))
def test_every_step_is_reachable_for_every_doelgroep(doelgroep):
    for target in routekaart_voor(doelgroep).labels:
        path = pad_naar(doelgroep, target)
        assert path[0].startswith("01") and path[-1] == target
