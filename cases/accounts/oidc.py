"""Single sign-on through OpenID Connect (optional, docs/configuration.md). The identity provider
authenticates (with its own multi-factor authentication); this application only accepts users
that a functioneel beheerder created: nobody gets an account or a role from a claim."""

from django.conf import settings
from mozilla_django_oidc.auth import OIDCAuthenticationBackend


class UsernameOIDCBackend(OIDCAuthenticationBackend):
    def filter_users_by_claims(self, claims):
        username = claims.get(settings.OIDC_USERNAME_CLAIM)
        if not username:
            return self.UserModel.objects.none()
        return self.UserModel.objects.filter(username__iexact=username, is_active=True)

    def create_user(self, claims):  # pragma: no cover - OIDC_CREATE_USER is False
        return None
