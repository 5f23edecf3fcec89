"""Tests against the embedded default (SQLite, no Redis, inline jobs), for the checks that must
also hold there: schemathesis finds no 5xx, and SQLite's "database is locked" is a conflict.

Run by tests/api/test_embedded_sqlite.py in a subprocess of the PostgreSQL suite (one pytest
session has one database backend). The test database is a file, so that a second connection can
hold its write lock; a short lock timeout keeps the lock test quick.
"""

import os
import tempfile

from .base import *  # noqa: F403
from .base import DATABASES

if not DATABASES["default"]["ENGINE"].endswith(".sqlite3"):
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured("config.settings.test_embedded is for SQLite: leave DATABASE_URL unset.")

_test_db = os.environ.get(
    "EMBEDDED_TEST_DB", os.path.join(tempfile.gettempdir(), f"leerplicht-test-{os.getpid()}.sqlite3")
)
DATABASES["default"]["TEST"] = {"NAME": _test_db}
DATABASES["default"].setdefault("OPTIONS", {})["timeout"] = 1

SECRET_KEY = "test-only-key"  # noqa: S105
AUDIT_PSEUDONYM_KEY = SECRET_KEY
DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
DEMO_DATA_ALLOWED = True
