"""The MAS workflow of a melding, declared once.

Forward one phase at a time; back to any earlier phase with a reason; closing from any phase
(the service also requires a result and a reason); reopening a closed melding with a reason.
"""

from cases.workflow import Workflow

from .constants import Fase

PHASES = [Fase.WAARNEMEN, Fase.ANALYSEREN, Fase.PLANNEN, Fase.HANDELEN, Fase.EVALUEREN]


def _transitions() -> dict[str, frozenset[str]]:
    transitions = {}
    for index, phase in enumerate(PHASES):
        targets = set(PHASES[:index])  # back
        if index + 1 < len(PHASES):
            targets.add(PHASES[index + 1])  # forward
        targets.add(Fase.AFGESLOTEN)
        transitions[phase] = frozenset(targets)
    transitions[Fase.AFGESLOTEN] = frozenset(PHASES)  # reopen
    return transitions


TRANSITIONS = _transitions()

REASON_REQUIRED = frozenset(
    {(phase, earlier) for index, phase in enumerate(PHASES) for earlier in PHASES[:index]}
    | {(phase, Fase.AFGESLOTEN) for phase in PHASES}
    | {(Fase.AFGESLOTEN, phase) for phase in PHASES}
)

MAS = Workflow(transitions=TRANSITIONS, labels=dict(Fase.choices), reason_required=REASON_REQUIRED)


def is_backwards(source: str, target: str) -> bool:
    return source in PHASES and target in PHASES and PHASES.index(target) < PHASES.index(source)
