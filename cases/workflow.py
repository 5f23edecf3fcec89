"""The small workflow engine both teams use: states and transitions declared once, as data.

An app declares a `Workflow` with a TRANSITIONS map {state: {state it may move to, ...}} and
the transitions that need a written reason. Services call `workflow.check(...)` before
moving a record, and record every move in their own history table.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _


class TransitionError(Exception):
    """A refused transition; `message` is the Dutch text shown to the user (pages and API)."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Workflow:
    transitions: dict[str, frozenset[str]]
    labels: dict[str, str]
    #: (from, to) pairs that need a written reason, e.g. going back a phase or reopening.
    reason_required: frozenset[tuple[str, str]] = field(default_factory=frozenset)

    def allowed(self, state: str) -> frozenset[str]:
        return self.transitions.get(state, frozenset())

    def needs_reason(self, source: str, target: str) -> bool:
        return (source, target) in self.reason_required

    def check(self, source: str, target: str, reason: str = "") -> None:
        if target not in self.allowed(source):
            allowed = ", ".join(
                str(self.labels[s]) for s in sorted(self.allowed(source), key=list(self.labels).index)
            )
            raise TransitionError(
                _("Van '%(source)s' kan niet naar '%(target)s'. Toegestaan: %(allowed)s.")
                % {
                    "source": self.labels[source],
                    "target": self.labels.get(target, target),
                    "allowed": allowed or _("geen"),
                }
            )
        if self.needs_reason(source, target) and not reason.strip():
            raise TransitionError(
                _("Geef een reden op voor de stap van '%(source)s' naar '%(target)s'.")
                % {"source": self.labels[source], "target": self.labels[target]}
            )
