"""Settings for the load test: the test settings plus one baseline view (bench/urls.py)."""

from config.settings.test import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
