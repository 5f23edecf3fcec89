"""Test suite: always PostgreSQL and Redis (started by `make test`)."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import DATABASES, REDIS_URL

if DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
    raise ImproperlyConfigured(
        "De tests draaien tegen PostgreSQL: start ze met `make test` of zet DATABASE_URL."
    )
if not REDIS_URL:
    raise ImproperlyConfigured("De tests gebruiken Redis: start ze met `make test` of zet REDIS_URL.")

# The read replica's alias as a mirror of the test database; only tests/reporting/test_replica.py
# turns REPORTS_FROM_REPLICA on (elsewhere reports read uncommitted test data from the primary).
DATABASES["replica"] = {**DATABASES["default"], "TEST": {"MIRROR": "default"}}

SECRET_KEY = "test-only-key"  # noqa: S105
AUDIT_PSEUDONYM_KEY = SECRET_KEY
DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
DEMO_DATA_ALLOWED = True
