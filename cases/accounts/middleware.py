from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY
from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

#: The authentication backend of OpenID Connect logins (cases/oidc.py).
OIDC_BACKEND = "cases.accounts.oidc.UsernameOIDCBackend"


class NoStoreMiddleware:
    """Pages of authenticated users hold personal data: browsers and proxies must not cache them."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if getattr(request, "user", None) is not None and request.user.is_authenticated:
            response.headers.setdefault("Cache-Control", "no-store")
        return response


def second_factor_done(request) -> bool:
    """Verified with a django-otp device in this session, or logged in through OpenID Connect
    (the identity provider does the multi-factor authentication)."""
    if request.user.is_verified():
        return True
    return request.session.get(BACKEND_SESSION_KEY) == OIDC_BACKEND


def has_device(user) -> bool:
    from django_otp import user_has_device

    return user_has_device(user, confirmed=True)


class SecondFactorMiddleware:
    """Until the second factor is verified, a logged-in user reaches only the login, two-factor
    and logout pages: every other page redirects to verification (or enrolment), and the API
    answers 401 to a session that is not verified. Only a request with a personal token
    (`Authorization: Token ...`) passes through to DRF, which checks the token; DRF itself also
    refuses an unverified session and any other Authorization header (cases/api/authentication.py). Off only when OTP_REQUIRED is False (dev settings)."""

    #: URL names an unverified user may open.
    OPEN = {"login", "logout", "otp_verify", "otp_enrol", "gezondheid", "oidc_authentication_init",
            "oidc_authentication_callback", "oidc_logout"}  # fmt: skip

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            settings.OTP_REQUIRED
            and user is not None
            and user.is_authenticated
            and not second_factor_done(request)
        ):
            response = self._refuse(request)
            if response is not None:
                return response
        return self.get_response(request)

    def _refuse(self, request):
        if request.path.startswith(settings.STATIC_URL):
            return None
        try:
            match = resolve(request.path_info)
        except Resolver404:
            return None
        if match.url_name in self.OPEN:
            return None
        if hasattr(match.func, "cls"):  # a DRF endpoint: answer as an API does
            header = request.META.get("HTTP_AUTHORIZATION", "").split()
            if len(header) == 2 and header[0].lower() == "token":
                return None  # a personal token, checked by DRF (a bad one answers 401 there)
            # Anything else (no header, `Basic ...`, `Bearer x`, a bare value, an empty header)
            # must not reach DRF's session authentication with this half-logged-in session.
            response = JsonResponse(
                {"detail": _("Tweestapsverificatie is vereist. Gebruik een API-token.")}, status=401
            )
            response["WWW-Authenticate"] = "Token"
            return response
        target = "otp_verify" if has_device(request.user) else "otp_enrol"
        return redirect(f"{reverse(target)}?{urlencode({'next': request.get_full_path()})}")


class DossierAlleenLezenMiddleware:
    """A write to a dossier handed over to another gemeente (cases/verhuizing/services.py) that a view
    did not catch itself: say so in Dutch and go back, instead of an error page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        from django.contrib import messages
        from django.utils.http import url_has_allowed_host_and_scheme

        from cases.verhuizing.services import DossierAlleenLezen

        if not isinstance(exception, DossierAlleenLezen):
            return None
        for message in exception.messages:
            messages.error(request, message)
        back = request.headers.get("Referer", "")
        if not url_has_allowed_host_and_scheme(back, {request.get_host()}, request.is_secure()):
            back = reverse("start")
        return redirect(back)
