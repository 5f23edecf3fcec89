"""How the API knows who is calling: a personal token (`Authorization: Token ...`, knox) or a
browser session that has passed the second factor. Nothing else.

Issue 15, point 1: a session logged in with the password only, sent with any `Authorization`
header that was not a token (`Basic ...`, `Bearer x`, `x`), fell through knox (which ignores
schemes it does not know) to DRF's session authentication, which accepted the half-logged-in
session; `POST /api/v1/tokens/` then minted a permanent token. Now an `Authorization` header the
API does not recognise is a 401, and a session counts only after the second factor.
"""

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.plumbing import build_bearer_security_scheme_object
from knox.auth import TokenAuthentication
from rest_framework import exceptions
from rest_framework.authentication import SessionAuthentication

from cases.accounts.middleware import second_factor_done

#: The one scheme the API accepts in an Authorization header (knox's prefix, case-insensitive
#: as knox compares it).
TOKEN_SCHEME = "token"  # noqa: S105 - a scheme name, not a secret


def authorization_scheme(request) -> str | None:
    """The scheme of the Authorization header in lower case, "" for an empty or blank header,
    None when the request has no such header at all."""
    header = request.META.get("HTTP_AUTHORIZATION")
    if header is None:
        return None
    parts = header.split()
    return parts[0].lower() if parts else ""


class StrictTokenAuthentication(TokenAuthentication):
    """knox's token check, except that any other Authorization header is refused (401) instead
    of being passed on to the next authentication class (the session)."""

    def authenticate(self, request):
        scheme = authorization_scheme(request)
        if scheme is not None and scheme != TOKEN_SCHEME:
            raise exceptions.AuthenticationFailed(
                _("Onbekende aanmelding. Stuur een persoonlijk API-token als 'Authorization: Token <token>'.")
            )
        try:
            return super().authenticate(request)
        except exceptions.AuthenticationFailed as exc:
            # knox's own messages are English; the API answers in Dutch.
            raise exceptions.AuthenticationFailed(_("Ongeldig of ingetrokken API-token.")) from exc


class VerifiedSessionAuthentication(SessionAuthentication):
    """A browser session, but only once the second factor is done (or the login came through
    OpenID Connect, whose identity provider does the multi-factor step)."""

    def authenticate(self, request):
        result = super().authenticate(request)
        if result is None:
            return None
        if settings.OTP_REQUIRED and not second_factor_done(request._request):
            return None  # not authenticated: the API answers 401
        return result


class StrictTokenScheme(OpenApiAuthenticationExtension):
    """The token in the OpenAPI description, as drf-spectacular's knox extension describes it."""

    target_class = StrictTokenAuthentication
    name = "knoxApiToken"

    def get_security_definition(self, auto_schema):
        return build_bearer_security_scheme_object(header_name="Authorization", token_prefix="Token")  # noqa: S106


class VerifiedSessionScheme(OpenApiAuthenticationExtension):
    target_class = VerifiedSessionAuthentication
    name = "cookieAuth"
    priority = -1

    def get_security_definition(self, auto_schema):
        return {"type": "apiKey", "in": "cookie", "name": settings.SESSION_COOKIE_NAME}


#: Token first, so a bad token (or an unknown Authorization header) answers 401.
API_AUTHENTICATION = [StrictTokenAuthentication, VerifiedSessionAuthentication]
