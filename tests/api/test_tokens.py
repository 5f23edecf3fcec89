"""Personal API tokens: created (shown once), listed without their value, revoked (then 401)."""

import pytest
from django.urls import reverse
from knox.models import AuthToken
from rest_framework.test import APIClient

from tests.api.conftest import token_client

pytestmark = pytest.mark.django_db


def test_create_list_and_revoke_through_the_api(seed_a):
    client, first = token_client(seed_a.lpa)
    created = client.post("/api/v1/tokens/")
    assert created.status_code == 201
    second = created.json()["token"]
    assert created.json()["id"] == second[:15]
    listed = client.get("/api/v1/tokens/").json()["results"]
    assert {t["id"] for t in listed} == {first[:15], second[:15]}
    assert all("token" not in t for t in listed)
    # stored hashed: the plain value is nowhere in the table
    assert not AuthToken.objects.filter(digest=second).exists()

    other = APIClient()
    other.credentials(HTTP_AUTHORIZATION=f"Token {second}")
    assert other.get("/api/v1/codelijsten/").status_code == 200
    assert client.delete(f"/api/v1/tokens/{second[:15]}/").status_code == 204
    revoked = other.get("/api/v1/codelijsten/")
    assert revoked.status_code == 401
    assert revoked["WWW-Authenticate"] == "Token"
    assert client.get("/api/v1/codelijsten/").status_code == 200


def test_no_token_answers_401(db):
    response = APIClient().get("/api/v1/meldingen/")
    assert response.status_code == 401
    assert "detail" in response.json()


def test_token_page_creates_shows_once_and_revokes(client, seed_a):
    client.force_login(seed_a.lpa)
    url = reverse("api-tokens")
    page = client.get(url).content.decode()
    assert "U hebt nog geen API-tokens." in page
    page = client.post(url, {"actie": "aanmaken"}).content.decode()
    token = AuthToken.objects.get(user=seed_a.lpa)
    assert "Kopieer het token nu" in page
    assert f'value="{token.token_key}' in page  # the full value starts with the key
    again = client.get(url).content.decode()
    assert "Kopieer het token nu" not in again and token.token_key[:8] in again
    response = client.post(url, {"actie": "intrekken", "token": token.token_key}, follow=True)
    assert "Het token is ingetrokken en werkt niet meer." in response.content.decode()
    assert not AuthToken.objects.exists()


def test_token_page_needs_login(client, db):
    response = client.get(reverse("api-tokens"))
    assert response.status_code == 302
