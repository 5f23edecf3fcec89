"""The base of every API viewset: token before a verified session (so a bad token or an unknown
Authorization header answers 401), one error format, per-action permissions, the error responses
in the schema, and the ETag header."""

from rest_framework import viewsets

from .authentication import API_AUTHENTICATION
from .concurrency import ETagMixin
from .errors import api_exception_handler
from .permissions import ActionPermission
from .schema import ApiSchema


class ApiMixin(ETagMixin):
    authentication_classes = API_AUTHENTICATION
    permission_classes = [ActionPermission]
    schema = ApiSchema()
    #: Versioned records document 409 / 412 on writes and send ETag.
    versioned = False
    required_perms: dict[str, list[str]] = {}

    def get_exception_handler(self):
        return api_exception_handler


class ApiViewSet(ApiMixin, viewsets.GenericViewSet):
    pass
