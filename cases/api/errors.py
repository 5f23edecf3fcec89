"""One error format for the whole API, with the same Dutch messages as the pages.

Every error answers `{"detail": "..."}`; field problems add `fouten` (field -> messages) and
questioned input of a melding adds `waarschuwingen`. Service exceptions map to status codes:
ValidationError and TransitionError 400, MeldingWarnings 400, ConflictError (and SQLite's "database
is locked") 409, or 412 when the request carried an If-Match header.
"""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from rest_framework import exceptions, serializers, status
from rest_framework.response import Response
from rest_framework.views import exception_handler

from cases.concurrency import ConflictError
from cases.platform.locked import is_locked
from cases.workflow import TransitionError


class Fout(serializers.Serializer):
    """The body of every error response (schema only)."""

    detail = serializers.CharField(help_text="Wat er mis is, in het Nederlands.")
    fouten = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()),
        required=False,
        help_text="Per veld de meldingen; `non_field_errors` voor meldingen die niet bij één veld horen.",
    )
    waarschuwingen = serializers.ListField(
        child=serializers.CharField(),
        required=False,
        help_text="Waarschuwingen bij een melding; verstuur opnieuw met `bevestigd: true` om toch vast te leggen.",
    )


class WarningsError(exceptions.APIException):
    status_code = status.HTTP_400_BAD_REQUEST

    def __init__(self, warnings: list[str]):
        self.warnings = [str(w) for w in warnings]
        super().__init__(
            _(
                "Controleer de waarschuwingen; stuur het verzoek opnieuw met 'bevestigd: true' om toch vast te leggen."
            )
        )


class PreconditionFailed(exceptions.APIException):
    status_code = status.HTTP_412_PRECONDITION_FAILED


class Conflict(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT


#: The one 404 text of the API: a record that does not exist and one of another organisation
#: answer the same.
NOT_FOUND = _lazy("Niet gevonden. Het bestaat niet, of het hoort niet bij uw organisatie.")


def _flatten(value) -> list[str]:
    if isinstance(value, dict):
        return [m for v in value.values() for m in _flatten(v)]
    if isinstance(value, list | tuple):
        return [m for v in value for m in _flatten(v)]
    return [str(value)]


def _stringify(value):
    if isinstance(value, dict):
        return {str(k): _flatten(v) for k, v in value.items()}
    return {"non_field_errors": _flatten(value)}


def api_exception_handler(exc, context):
    """DRF's handler plus the services' exceptions, reshaped into the one error format."""
    request = context.get("request")
    if is_locked(exc):
        # SQLite's answer to a concurrent write: the same conflict as PostgreSQL's row lock gives.
        exc = ConflictError()
    if isinstance(exc, ConflictError):
        used_if_match = bool(request is not None and getattr(request, "if_match_used", False))
        exc = (PreconditionFailed if used_if_match else Conflict)(exc.message)
    elif isinstance(exc, TransitionError):
        exc = exceptions.ValidationError({"non_field_errors": [exc.message]})
    elif isinstance(exc, Http404):
        # Django's text ("No Melding matches the given query.") is English and names the model.
        exc = exceptions.NotFound(NOT_FOUND)
    elif isinstance(exc, DjangoValidationError):
        fouten = exc.message_dict if hasattr(exc, "error_dict") else {"non_field_errors": exc.messages}
        exc = exceptions.ValidationError(fouten)
    response = exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, WarningsError):
        response.data = {"detail": str(exc.detail), "waarschuwingen": exc.warnings}
    elif isinstance(exc, exceptions.ValidationError):
        fouten = _stringify(exc.detail)
        messages = _flatten(fouten)
        if len(fouten) == 1 and "non_field_errors" in fouten:
            detail = " ".join(messages)
        else:
            detail = _("Controleer de gegevens; er is niets opgeslagen.")
        response.data = {"detail": detail, "fouten": fouten}
    elif isinstance(response.data, dict) and "detail" in response.data:
        response.data = {"detail": str(response.data["detail"])}
    else:
        response.data = {"detail": " ".join(_flatten(response.data))}
    return response


def error_response(message: str, code: int) -> Response:
    return Response({"detail": message}, status=code)
