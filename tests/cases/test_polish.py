"""Small things seen on every page: skip link, favicon, log output of a refused request."""

import logging
import sys

import pytest
from django.conf import settings
from django.urls import reverse

from cases.platform.logfilters import NoTracebackForClientErrors

pytestmark = pytest.mark.django_db


def test_the_skip_link_shows_only_on_keyboard_focus_and_the_page_has_an_icon(client, lpa_a):
    client.force_login(lpa_a)
    page = client.get(reverse("start")).content.decode()
    assert 'class="utrecht-skip-link utrecht-skip-link--visible-on-focus"' in page
    assert 'rel="icon"' in page and "favicon.svg" in page


def test_favicon_ico_is_not_a_404(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301 and response["Location"].endswith("favicon.svg")


def _record(status: int) -> logging.LogRecord:
    try:
        raise PermissionError("refused")
    except PermissionError:
        exc_info = sys.exc_info()
    record = logging.LogRecord("django.request", logging.WARNING, __file__, 1, "Forbidden", (), exc_info)
    record.status_code = status
    return record


def test_a_refused_request_is_logged_without_a_traceback_but_a_server_error_keeps_it():
    refused, broken = _record(403), _record(500)
    log_filter = NoTracebackForClientErrors()
    assert log_filter.filter(refused) and log_filter.filter(broken)
    assert refused.exc_info is None
    assert broken.exc_info is not None


def test_django_messages_are_printed_once():
    # Django's own console handler (DEBUG) plus the root's printed each message twice.
    django_logger = settings.LOGGING["loggers"]["django"]
    # Its own handlers are the root's (the console, and in the test run the JSON file), each once.
    assert django_logger["propagate"] is False
    assert django_logger["handlers"] == settings.LOGGING["root"]["handlers"]
    assert "console" in django_logger["handlers"]
    assert "no_client_tracebacks" in settings.LOGGING["handlers"]["console"]["filters"]
