"""The base of every API viewset: token before session (so a bad token answers 401), one error
format, per-action permissions, the error responses in the schema, and the ETag header."""

from knox.auth import TokenAuthentication
from rest_framework import viewsets
from rest_framework.authentication import SessionAuthentication

from .concurrency import ETagMixin
from .errors import api_exception_handler
from .permissions import ActionPermission
from .schema import ApiSchema


class ApiMixin(ETagMixin):
    authentication_classes = [TokenAuthentication, SessionAuthentication]
    permission_classes = [ActionPermission]
    schema = ApiSchema()
    #: Versioned records document 409 / 412 on writes and send ETag.
    versioned = False
    required_perms: dict[str, list[str]] = {}

    def get_exception_handler(self):
        return api_exception_handler


class ApiViewSet(ApiMixin, viewsets.GenericViewSet):
    pass
