"""Settings for the load test: the test settings with Django's real password hashers (a login
costs what it costs in production), plus one baseline view (bench/urls.py)."""

from django.conf import global_settings

from config.settings.test import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
PASSWORD_HASHERS = global_settings.PASSWORD_HASHERS
