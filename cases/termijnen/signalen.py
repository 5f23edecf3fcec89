"""The daily deadline job: every team app stores the state of its own open items.

The state is (termijn_op, termijn_soort, signaal) on each item (cases.termijnen.models); the apps
compute it, `store_changed` writes only what differs, so a rerun writes nothing."""

import logging
from collections.abc import Iterable
from datetime import date

from django.db import models

from cases import registry
from cases.constants import Signaal

logger = logging.getLogger(__name__)

STATE_FIELDS = ["termijn_op", "termijn_soort", "signaal"]
#: The state of an item without an open deadline.
NO_STATE = (None, "", Signaal.GEEN)


def store_changed(model: type[models.Model], states: Iterable[tuple[models.Model, tuple]]) -> int:
    """Write the (item, new state) pairs whose state differs from the stored one; returns how many."""
    rows = []
    for item, state in states:
        if (item.termijn_op, item.termijn_soort, item.signaal) != state:
            item.termijn_op, item.termijn_soort, item.signaal = state
            rows.append(item)
    model.objects.bulk_update(rows, STATE_FIELDS, batch_size=1000)
    return len(rows)


def termijnen_signaleren(*, today: date) -> int:
    """Run every registered signaleerder; returns the number of items whose state changed.
    Idempotent: a second run on the same day changes nothing."""
    changed = 0
    for signaleerder in registry.termijn_signaleerders:
        changed += signaleerder(today=today)
    logger.info("termijnen gesignaleerd: %s gewijzigd", changed)
    return changed
