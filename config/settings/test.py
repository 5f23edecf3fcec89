"""Test suite: always PostgreSQL and Redis (started by `make test`)."""

import os
import tempfile
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

from cases.platform.observability import logging_config

from .base import *  # noqa: F403
from .base import DATABASES, REDIS_URL, env

if not DATABASES["default"]["ENGINE"].endswith(".postgresql"):
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

# Every log line of a test run also goes to a JSON file, which the last test scans for the
# personal data of every jongere the run created (tests/test_zz_log_scan.py).
LOG_FILE = env("LOG_FILE", default=str(Path(tempfile.gettempdir()) / f"leerplicht-tests-{os.getpid()}.log"))
LOGGING = logging_config(fmt="console", level="INFO", file=LOG_FILE)
LOGGING["handlers"]["file"]["mode"] = "w"
