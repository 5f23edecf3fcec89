"""Permissions are cached between requests, and a change of role or group takes effect at once."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cases.constants import Role
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def queries_on(client, url) -> tuple[int, list[str]]:
    with CaptureQueriesContext(connection) as ctx:
        status = client.get(url).status_code
    return status, [q["sql"] for q in ctx.captured_queries]


def test_a_page_checks_permissions_without_asking_the_database_again(client, lpa_a):
    client.force_login(lpa_a)
    url = reverse("werkvoorraad")
    assert client.get(url).status_code == 200
    status, sql = queries_on(client, url)
    assert status == 200
    # Django's backend reads a user's permissions as content type label + codename.
    assert not [q for q in sql if q.startswith('SELECT "django_content_type"."app_label"')]
    assert any('FROM "leerplicht_melding"' in q for q in sql)  # the page did its work
    # The organisation's name in the header comes with the user.
    assert not [q for q in sql if q.startswith('SELECT "cases_organisatie"')]


def test_losing_a_role_takes_effect_on_the_next_request(client, lpa_a):
    client.force_login(lpa_a)
    url = reverse("werkvoorraad")
    assert client.get(url).status_code == 200
    lpa_a.groups.clear()
    assert client.get(url).status_code == 403


def test_a_permission_given_to_a_group_takes_effect_on_the_next_request(client, organisatie_a):
    teamleider = UserFactory(organisatie=organisatie_a, role=Role.TEAMLEIDER)
    client.force_login(teamleider)
    url = reverse("werkvoorraad")
    assert client.get(url).status_code == 403
    group = Group.objects.get(name=str(Role.TEAMLEIDER.label))
    group.permissions.add(
        Permission.objects.get(content_type__app_label="leerplicht", codename="view_melding")
    )
    assert client.get(url).status_code == 200
    group.permissions.remove(
        Permission.objects.get(content_type__app_label="leerplicht", codename="view_melding")
    )
    assert client.get(url).status_code == 403


def test_a_deactivated_user_is_logged_out(client, lpa_a):
    client.force_login(lpa_a)
    lpa_a.is_active = False
    lpa_a.save()
    response = client.get(reverse("werkvoorraad"))
    assert response.status_code == 302 and "/inloggen/" in response["Location"]


def test_without_a_shared_cache_permissions_come_from_the_database(client, lpa_a, settings):
    # One gunicorn worker's LocMemCache would not see a role change made in another worker.
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    client.force_login(lpa_a)
    url = reverse("werkvoorraad")
    assert client.get(url).status_code == 200
    status, sql = queries_on(client, url)
    assert status == 200
    assert [q for q in sql if q.startswith('SELECT "django_content_type"."app_label"')]
