"""The Routekaart Doorstroompunt as data: 13 steps in 5 phases, declared once.

Every traject starts at step 1. After the first checks (steps 1-3) the entry depends on the
doelgroep: a nieuwe (of dreigende) vsv'er always continues at step 4 (intake); oud-vsv'ers,
kwetsbare jongeren and the other groups may go straight to step 12 when no action is needed.
Going back to phase 2 or 3 (Analyseren / Plannen) from the execution steps is allowed with a
written reason. Entering step 11 (or step 12 straight from step 3) closes the traject: services
only allow that together with the closing data (begeleid, uitstroom, nazorg).
"""

from collections import deque

from cases.workflow import Workflow

from .constants import FASE_VAN_STAP, Doelgroep, Fase, Stap

S = Stap

_TERUG = frozenset(s for s, fase in FASE_VAN_STAP.items() if fase in (Fase.ANALYSEREN, Fase.PLANNEN))

#: Steps a traject may move to from step 3, per doelgroep.
INSTAP_NA_STAP_3: dict[str, frozenset[str]] = {
    Doelgroep.NIEUW_VSV: frozenset({S.INTAKE_PLANNEN}),
    Doelgroep.VERZUIM_18PLUS: frozenset({S.INTAKE_PLANNEN, S.TERUGKOPPELEN}),
    Doelgroep.OUD_VSV: frozenset({S.INTAKE_PLANNEN, S.TERUGKOPPELEN}),
    Doelgroep.KWETSBARE_JONGERE: frozenset({S.INTAKE_PLANNEN, S.TERUGKOPPELEN}),
    Doelgroep.JONGEREN_IN_BEELD: frozenset({S.INTAKE_PLANNEN, S.TERUGKOPPELEN}),
    Doelgroep.ZORG_18PLUS: frozenset({S.INTAKE_PLANNEN, S.TERUGKOPPELEN}),
}

#: The transitions shared by every doelgroep; step 3 is filled in per doelgroep.
TRANSITIONS: dict[str, frozenset[str]] = {
    S.SIGNALEREN: frozenset({S.DOSSIER_CHECKEN}),
    S.DOSSIER_CHECKEN: frozenset({S.DOELGROEP_VASTSTELLEN}),
    S.INTAKE_PLANNEN: frozenset({S.SYSTEEM_IN_KAART, S.AFSLUITEN}),
    S.SYSTEEM_IN_KAART: frozenset({S.PRIVACY, S.AFSLUITEN}),
    S.PRIVACY: frozenset({S.VOORONDERZOEK_AFRONDEN, S.AFSLUITEN}),
    S.VOORONDERZOEK_AFRONDEN: frozenset({S.PLAN_VAN_AANPAK, S.AFSLUITEN}),
    S.PLAN_VAN_AANPAK: frozenset({S.UITVOEREN, S.AFSLUITEN}),
    S.UITVOEREN: frozenset({S.MONITOREN, S.AFSLUITEN} | _TERUG),
    S.MONITOREN: frozenset({S.AFSLUITEN} | _TERUG),
    S.AFSLUITEN: frozenset({S.TERUGKOPPELEN}),
    S.TERUGKOPPELEN: frozenset({S.EVALUEREN}),
    S.EVALUEREN: frozenset(),
}

#: Going back a phase when the plan stalls needs a written reason.
REASON_REQUIRED = frozenset((source, target) for source in (S.UITVOEREN, S.MONITOREN) for target in _TERUG)

LABELS = {stap.value: str(stap.label) for stap in Stap}


def _build(doelgroep: str) -> Workflow:
    transitions = {**TRANSITIONS, S.DOELGROEP_VASTSTELLEN: INSTAP_NA_STAP_3[doelgroep]}
    return Workflow(
        transitions={str(k): frozenset(str(t) for t in v) for k, v in transitions.items()},
        labels=LABELS,
        reason_required=frozenset((str(a), str(b)) for a, b in REASON_REQUIRED),
    )


ROUTEKAART: dict[str, Workflow] = {doelgroep.value: _build(doelgroep) for doelgroep in Doelgroep}


def routekaart_voor(doelgroep: str) -> Workflow:
    return ROUTEKAART[str(doelgroep)]


def sluit_af(source: str, target: str) -> bool:
    """Does moving from `source` to `target` close the traject (uitstroom and nazorg needed)?"""
    return target == S.AFSLUITEN or (source == S.DOELGROEP_VASTSTELLEN and target == S.TERUGKOPPELEN)


def is_terugstap(source: str, target: str) -> bool:
    return (source, target) in REASON_REQUIRED


def volgende_stap(doelgroep: str, stap: str) -> str | None:
    """The first step forward from `stap` that does not close the traject (closing needs the
    closing form), or None: the default of "naar stap" and the target of the one-click move."""
    allowed = routekaart_voor(doelgroep).allowed(stap)
    current = list(Stap).index(Stap(stap))
    for target in list(Stap)[current + 1 :]:
        if target in allowed and not sluit_af(stap, target):
            return str(target)
    return None


def pad_naar(doelgroep: str, target: str) -> list[str]:
    """The shortest walk from step 1 to `target` for this doelgroep (demo data, tests)."""
    workflow = routekaart_voor(doelgroep)
    start = str(S.SIGNALEREN)
    previous: dict[str, str | None] = {start: None}
    queue = deque([start])
    while queue:
        state = queue.popleft()
        if state == target:
            path = []
            node: str | None = state
            while node is not None:
                path.append(node)
                node = previous[node]
            return path[::-1]
        # Forward steps first, so the walk never takes a detour backwards.
        for nxt in sorted(workflow.allowed(state)):
            if nxt not in previous and not is_terugstap(state, nxt):
                previous[nxt] = state
                queue.append(nxt)
    raise ValueError(f"step {target!r} is unreachable for {doelgroep!r}")
