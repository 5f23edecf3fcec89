"""Local development and `make run`: SQLite, inline jobs, debug pages."""

from .base import *  # noqa: F403
from .base import env

DEBUG = env.bool("DEBUG", default=True)
# A fixed key is acceptable only here: dev settings never serve real data.
SECRET_KEY = env("SECRET_KEY", default="dev-only-insecure-key-do-not-use-in-production")  # noqa: S105
AUDIT_PSEUDONYM_KEY = env("AUDIT_PSEUDONYM_KEY", default=SECRET_KEY)
EMAIL_BACKEND = env("EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend")
# Demo users (password "demo") exist only with these settings.
DEMO_DATA_ALLOWED = True
# The demo users log in with their password only, unless OTP_REQUIRED=true is set.
OTP_REQUIRED = env.bool("OTP_REQUIRED", default=False)
