"""Redis (cache and sessions) unreachable for a moment, as during a restart: no 500. A logged-in
user is asked to log in again on the login page; pages that do not need a session still work."""

import socket

import pytest
from django.conf import settings as django_settings
from django.core.cache import caches

pytestmark = pytest.mark.django_db


@pytest.fixture
def redis_down(settings):
    """The configured cache backend, pointed at a loopback port where nothing listens."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        closed_port = s.getsockname()[1]
    cache = {**django_settings.CACHES["default"], "LOCATION": f"redis://127.0.0.1:{closed_port}/0"}

    def take_down():
        settings.CACHES = {"default": cache}  # Django reopens the caches on this change

    yield take_down
    caches["default"].close()


def test_a_logged_in_user_is_sent_to_the_login_page_not_a_500_while_redis_is_away(client, lpa_a, redis_down):
    client.raise_request_exception = False
    client.force_login(lpa_a)
    assert client.get("/werkvoorraad/").status_code == 200

    redis_down()
    response = client.get("/werkvoorraad/")
    assert response.status_code == 302 and response.url.startswith("/inloggen/")
    login_page = client.get(response.url)
    assert login_page.status_code == 200 and b'name="password"' in login_page.content


def test_the_api_with_a_token_keeps_working_while_redis_is_away(client, lpa_a, redis_down):
    from knox.models import AuthToken

    _instance, token = AuthToken.objects.create(user=lpa_a)
    client.raise_request_exception = False
    redis_down()
    response = client.get("/api/v1/meldingen/", HTTP_AUTHORIZATION=f"Token {token}")
    assert response.status_code == 200


def test_logging_in_while_redis_is_away_ends_in_a_clean_refusal_not_a_500(client, lpa_a, redis_down):
    lpa_a.set_password("een-lang-genoeg-wachtwoord")
    lpa_a.save()
    client.raise_request_exception = False
    redis_down()
    response = client.post(
        "/inloggen/", {"username": lpa_a.username, "password": "een-lang-genoeg-wachtwoord"}
    )
    # The session cannot be stored: Django's answer to a lost session (400), never a server error,
    # and in Dutch with what to do (Django's own page says "Bad Request (400)").
    assert response.status_code == 400
    page = response.content.decode()
    assert "Bad Request" not in page
    assert "Verzoek niet verwerkt" in page and "Probeer het over een minuut opnieuw" in page
