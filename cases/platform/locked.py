"""SQLite (the embedded default) answers a write that meets another write with "database is
locked" instead of waiting for the row as PostgreSQL does. Two people saving at the same moment
must get the same Dutch conflict message as on PostgreSQL (cases/concurrency.py), not a 500.

The settings make SQLite transactions take the write lock first and wait for it
(config/settings/base.py); what still runs out is answered here. Nothing was saved: the failed
statement's transaction is rolled back by transaction.atomic.
"""

from django.db import OperationalError
from django.http import HttpResponse, JsonResponse
from django.template import loader

from cases.concurrency import ConflictError

LOCKED_MESSAGES = ("database is locked", "database table is locked")


def is_locked(exc: BaseException) -> bool:
    return isinstance(exc, OperationalError) and any(m in str(exc) for m in LOCKED_MESSAGES)


def locked_response(request) -> HttpResponse:
    """409 with the conflict message: JSON for the API, otherwise a page that, like 500.html,
    needs no request context (so no database read)."""
    message = ConflictError().message
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": message}, status=409)
    return HttpResponse(loader.get_template("409.html").render({"message": message}), status=409)


class DatabaseLockedMiddleware:
    """A page (or API call outside DRF's own handler) that hit a locked SQLite database."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        return locked_response(request) if is_locked(exception) else None
