"""Issue 15, point 1: the API accepts a session only after the second factor, and any
Authorization header it does not recognise (anything but `Token ...`) is a 401.

Before the fix, a session logged in with the password only plus `Authorization: Basic ...`,
`Bearer x` or a bare value passed the second-factor middleware and DRF's session authentication
accepted it; `POST /api/v1/tokens/` then minted a permanent token."""

import pytest
from knox.models import AuthToken
from rest_framework.test import APIClient

from cases.models import AuditEntry
from tests.conftest import force_login_password_only, verified_device

pytestmark = pytest.mark.django_db

#: Every kind of Authorization header that is not a personal token.
UNKNOWN_HEADERS = {
    "basic": "Basic bHBhLWE6Z2VoZWlt",
    "bearer": "Bearer x",
    "bare value": "x",
    "empty": "",
    "blank": "   ",
    "token without a value": "Token",
    "token-like scheme": "Tokens abc",
}


def half_logged_in(user) -> APIClient:
    """A client whose session has the password but not the second factor (a confirmed device
    exists, so the second factor is due)."""
    verified_device(user)
    client = APIClient()
    force_login_password_only(client, user)
    return client


@pytest.mark.parametrize("header", UNKNOWN_HEADERS.values(), ids=UNKNOWN_HEADERS.keys())
def test_a_half_logged_in_session_reaches_nothing_with_any_authorization_header(header, lpa_a, jongere_a):
    client = half_logged_in(lpa_a)
    for url in [f"/api/v1/dossiers/{jongere_a.dossier.pk}/", "/api/v1/jongeren/", "/api/v1/tokens/"]:
        response = client.get(url, HTTP_AUTHORIZATION=header)
        assert response.status_code == 401, (url, response.status_code)
        assert response["WWW-Authenticate"] == "Token"
    minted = client.post("/api/v1/tokens/", {}, format="json", HTTP_AUTHORIZATION=header)
    assert minted.status_code == 401
    assert "token" not in minted.json()
    assert not AuthToken.objects.filter(user=lpa_a).exists()
    assert not AuditEntry.objects.filter(gebruiker_id=lpa_a.pk).exists()  # nothing was read


def test_a_half_logged_in_session_without_a_header_is_refused_and_mints_no_token(lpa_a):
    client = half_logged_in(lpa_a)
    assert client.get("/api/v1/jongeren/").status_code == 401
    assert client.post("/api/v1/tokens/", {}, format="json").status_code == 401
    assert not AuthToken.objects.filter(user=lpa_a).exists()


@pytest.mark.parametrize("header", UNKNOWN_HEADERS.values(), ids=UNKNOWN_HEADERS.keys())
def test_an_unknown_authorization_header_is_401_even_with_a_verified_session(header, lpa_a):
    client = APIClient()
    client.force_login(lpa_a)  # password and second factor
    assert client.get("/api/v1/jongeren/").status_code == 200
    response = client.get("/api/v1/jongeren/", HTTP_AUTHORIZATION=header)
    assert response.status_code == 401
    assert "API-token" in response.json()["detail"]  # Dutch, says what is accepted


def test_a_token_still_works_and_a_bad_token_is_401_in_dutch(lpa_a):
    _instance, token = AuthToken.objects.create(user=lpa_a)
    client = APIClient()
    assert client.get("/api/v1/jongeren/", HTTP_AUTHORIZATION=f"Token {token}").status_code == 200
    # the scheme is case-insensitive, as in knox
    assert client.get("/api/v1/jongeren/", HTTP_AUTHORIZATION=f"token {token}").status_code == 200
    bad = client.get("/api/v1/jongeren/", HTTP_AUTHORIZATION="Token " + "0" * 64)
    assert bad.status_code == 401
    assert bad.json()["detail"] == "Ongeldig of ingetrokken API-token."


def test_a_half_logged_in_user_with_their_own_token_is_that_token(lpa_a):
    """A token is its own login: the half session next to it changes nothing."""
    _instance, token = AuthToken.objects.create(user=lpa_a)
    client = half_logged_in(lpa_a)
    assert client.get("/api/v1/jongeren/", HTTP_AUTHORIZATION=f"Token {token}").status_code == 200
    assert client.get("/api/v1/jongeren/", HTTP_AUTHORIZATION="Token nonsense").status_code == 401
