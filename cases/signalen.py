"""The daily deadline job: every team app stores the state of its own open items."""

import logging
from datetime import date

from . import registry

logger = logging.getLogger(__name__)


def termijnen_signaleren(*, today: date) -> int:
    """Run every registered signaleerder; returns the number of items whose state changed.
    Idempotent: a second run on the same day changes nothing."""
    changed = 0
    for signaleerder in registry.termijn_signaleerders:
        changed += signaleerder(today=today)
    logger.info("termijnen gesignaleerd: %s gewijzigd", changed)
    return changed
