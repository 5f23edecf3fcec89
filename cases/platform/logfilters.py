"""Logging filters (settings.LOGGING)."""

import logging


class NoTracebackForClientErrors(logging.Filter):
    """A refused request (403, 404, ...) is logged as one line, without the traceback Django
    attaches: it is an expected answer, not a fault, and a traceback per refusal buries the real
    errors. Server errors (5xx) keep theirs."""

    def filter(self, record: logging.LogRecord) -> bool:
        refused = getattr(record, "status_code", 500) < 500
        if refused and record.name.startswith(("django.request", "django.security")):
            record.exc_info = None
            record.exc_text = None
        return True
