"""Every page and endpoint that shows a jongere's personal data writes a processing-log entry
about that jongere. The routes come from the URL configuration (pages and the API router), so a
new view is covered without editing this test: whatever answers with a jongere's name or BSN in
its body must have logged that jongere in the same request."""

import pytest
from django.test import Client
from django.urls import reverse
from knox.models import AuthToken
from rest_framework.test import APIClient

from cases.models import AuditEntry
from tests.security.test_url_isolation import OTHER_KWARGS, id_kwargs, object_routes, walk

pytestmark = pytest.mark.django_db

#: GET routes without an id that show nothing when called plainly, or are not pages.
SKIPPED = {
    "logout",  # POST only
    "api-schema",  # the OpenAPI description
    "api-docs",
}


def _clients(user):
    page = Client()
    page.force_login(user)
    _instance, token = AuthToken.objects.create(user=user)
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    return page, api


def _urls(world):
    objects = world.objects()
    for name, kwarg, kind, others in object_routes():
        yield name, reverse(name, kwargs={kwarg: objects[kind].pk, **{k: OTHER_KWARGS[k] for k in others}})
    for name, _text, pattern in walk():
        if name is None or name.startswith("admin:") or name in SKIPPED or id_kwargs(pattern):
            continue
        if pattern.pattern.regex.groupindex:
            continue  # format suffixes and other parametrised routes are covered above
        yield name, reverse(name)


def _shown(body: str, jongere) -> bool:
    return jongere.achternaam in body or (jongere.bsn and jongere.bsn in body)


def test_every_response_showing_a_jongere_logs_that_jongere(world):
    seed = world.seed
    jongeren = [seed.jongere, seed.volwassene]
    users = [seed.lpa, seed.coach]
    clients = [_clients(user) for user in users]
    checked, unlogged = [], []
    for name, url in _urls(world):
        for page, api in clients:
            client = api if url.startswith("/api/") else page
            before = AuditEntry.objects.count()
            response = client.get(url)
            if response.status_code != 200 or response.get("Content-Disposition"):
                body = b"".join(response) if response.streaming else response.content
            else:
                body = response.content
            text = body.decode("utf-8", errors="ignore")
            new = (
                set(AuditEntry.objects.order_by("pk")[before:].values_list("jongere_id", flat=True))
                if AuditEntry.objects.count() > before
                else set()
            )
            for jongere in jongeren:
                if _shown(text, jongere):
                    if jongere.pk not in new:
                        unlogged.append(f"{name} ({url}) as {response.wsgi_request.user}")
                    checked.append(name)
    assert not unlogged, "shows a jongere without logging it:\n" + "\n".join(unlogged)
    assert {"dossier", "melding", "traject_detail", "jongere-detail", "jongere-list", "werkvoorraad"} <= set(
        checked
    ), set(checked)
