"""Production: refuses to start without a secret key or with DEBUG on."""

from django.core.exceptions import ImproperlyConfigured

from cases.platform.observability import logging_config

from .base import *  # noqa: F403
from .base import DEBUG, MIDDLEWARE, SECRET_KEY, STORAGES, env

if not SECRET_KEY or len(SECRET_KEY) < 32:
    raise ImproperlyConfigured("SECRET_KEY ontbreekt of is korter dan 32 tekens.")
if DEBUG:
    raise ImproperlyConfigured("DEBUG mag in productie niet aan staan.")

# WhiteNoise serves the collected static files right after the security middleware.
_security = MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1
MIDDLEWARE = [*MIDDLEWARE[:_security], "whitenoise.middleware.WhiteNoiseMiddleware", *MIDDLEWARE[_security:]]

# One JSON object per log line (cases/platform/observability.py), for a log collector.
LOG_FORMAT = env("LOG_FORMAT", default="json")
LOGGING = logging_config(
    fmt=LOG_FORMAT, level=env("LOG_LEVEL", default="INFO"), file=env("LOG_FILE", default="")
)

SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
CSRF_COOKIE_HTTPONLY = True
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# SMTP by default in production; host, port, credentials and TLS come from base.py.
EMAIL_BACKEND = env("EMAIL_BACKEND", default="django.core.mail.backends.smtp.EmailBackend")
DEMO_DATA_ALLOWED = False
