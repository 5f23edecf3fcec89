"""Issue 15 point 10 (pages and API; the import problems are another test): edge values answer a
clear Dutch 400 or form error, never a 500.

- A huge or fractional number in an API filter (`?dossier=-5.9e221`, found by schemathesis on the
  embedded SQLite default) is a 400 naming the field; every FilterSet of the project checks this.
- The page search is capped in length as the API's is.
- On SQLite, a save that meets another save's lock answers the conflict message PostgreSQL gives,
  not "database is locked" as a 500.

Tests marked `embedded` also run on SQLite (tests/api/test_embedded_sqlite.py starts that run);
those that need SQLite skip on PostgreSQL.
"""

import importlib
import sqlite3

import django_filters
import pytest
from django.conf import settings
from django.db import connection
from django.urls import reverse

from cases.concurrency import ConflictError
from cases.models import Actie
from leerplicht.models import Melding
from tests.api.conftest import seed_organisation, token_client

pytestmark = [pytest.mark.django_db, pytest.mark.embedded]

sqlite_only = pytest.mark.skipif(
    not settings.DATABASES["default"]["ENGINE"].endswith(".sqlite3"),
    reason="SQLite's write lock (the embedded default)",
)

# (list endpoint, integer filter) for every number or model-choice filter of the API.
INTEGER_FILTERS = [
    ("/api/v1/acties/", "dossier"),
    ("/api/v1/meldingen/", "dossier"),
    ("/api/v1/meldingen/", "behandelaar"),
    ("/api/v1/meldingen/", "school"),
    ("/api/v1/vrijstellingen/", "dossier"),
    ("/api/v1/trajecten/", "dossier"),
    ("/api/v1/trajecten/", "behandelaar"),
    ("/api/v1/populatie/", "schooljaar"),
]


@pytest.fixture
def seed(organisatie_a):
    return seed_organisation(organisatie_a, "a")


def test_every_filterset_of_the_project_checks_its_values():
    from cases.filtering import FilterSet

    for module in ("config.urls", "cases.filters", "doorstroom.filters", "leerplicht.views"):
        importlib.import_module(module)
    found, unchecked = [], []

    def walk(cls):
        for sub in cls.__subclasses__():
            if sub.__module__.split(".")[0] in ("cases", "leerplicht", "doorstroom", "reporting"):
                found.append(sub)
                if not issubclass(sub, FilterSet):
                    unchecked.append(f"{sub.__module__}.{sub.__name__}")
            walk(sub)

    walk(django_filters.FilterSet)
    assert len(found) >= 10
    assert not unchecked


@pytest.mark.parametrize("path, name", INTEGER_FILTERS)
@pytest.mark.parametrize("value", ["-5.9e221", "99999999999999999999999", "1e30"])
def test_a_huge_number_in_an_api_filter_is_a_400_naming_the_field(seed, path, name, value):
    client, _token = token_client(seed.lpa)
    response = client.get(path, {name: value})
    assert response.status_code == 400, response.content
    body = response.json()
    assert list(body["fouten"]) == [name]
    assert body["detail"] == "Controleer de gegevens; er is niets opgeslagen."


def test_a_fraction_is_not_silently_rounded_to_an_id(seed):
    client, _token = token_client(seed.lpa)
    dossier = seed.jongere.dossier.pk
    response = client.get("/api/v1/acties/", {"dossier": f"{dossier}.5"})
    assert response.status_code == 400
    assert response.json()["fouten"]["dossier"] == ["Vul een geheel getal in (zonder komma of decimalen)."]
    assert client.get("/api/v1/acties/", {"dossier": dossier}).status_code == 200


def test_a_huge_number_in_a_page_filter_is_a_form_error_not_a_500(client, seed):
    client.force_login(seed.lpa)
    response = client.get(reverse("werkvoorraad"), {"gemeente": "-5.9e221", "behandelaar": "9" * 30})
    assert response.status_code == 200
    assert "Selecteer een geldige keuze" in response.content.decode()


def test_the_page_search_is_capped_like_the_api(client, seed):
    client.force_login(seed.lpa)
    page = client.post(reverse("jongeren"), {"q": "noor " * 1000}).content.decode()
    assert "Zorg dat deze waarde niet meer dan 200 tekens bevat" in page
    assert "gevonden" not in page
    api_client, _token = token_client(seed.lpa)
    api = api_client.post("/api/v1/jongeren/zoeken/", {"naam": "noor " * 1000}, format="json")
    assert api.status_code == 400 and "naam" in api.json()["fouten"]
    page = client.get(reverse("werkvoorraad"), {"school": "x" * 5000}).content.decode()
    assert "Zorg dat deze waarde niet meer dan 200 tekens bevat" in page


@sqlite_only
@pytest.mark.django_db(transaction=True)
def test_a_page_save_meeting_a_lock_on_sqlite_gets_the_conflict_message(client, organisatie_a, settings):
    seed = seed_organisation(organisatie_a, "a")
    client.force_login(seed.lpa)
    # This test holds the lock through the whole request, which no real save does; the session's
    # own save afterwards (one statement outside a transaction) would then fail too, where in real
    # use it waits the lock out (timeout, config/settings/base.py).
    settings.SESSION_SAVE_EVERY_REQUEST = False
    url = reverse("actie_toevoegen", args=[seed.jongere.dossier.pk])
    before = Actie.objects.count()
    with _locked():
        response = client.post(url, {"soort": "notitie", "datum": "2025-01-06", "omschrijving": "Gebeld"})
    assert response.status_code == 409
    assert ConflictError().message in response.content.decode()
    assert Actie.objects.count() == before


@sqlite_only
@pytest.mark.django_db(transaction=True)
def test_an_api_save_meeting_a_lock_on_sqlite_gets_the_conflict_message(organisatie_a):
    seed = seed_organisation(organisatie_a, "a")
    client, _token = token_client(seed.lpa)
    melding = seed.melding
    with _locked():
        response = client.patch(
            f"/api/v1/meldingen/{melding.pk}/", {"uren_verzuim": 31, "versie": melding.versie}, format="json"
        )
    assert response.status_code == 409, response.content
    assert response.json() == {"detail": ConflictError().message}
    assert Melding.objects.get(pk=melding.pk).uren_verzuim == melding.uren_verzuim


class _locked:
    """A second connection holding SQLite's write lock, as a colleague's save in progress."""

    def __enter__(self):
        self.other = sqlite3.connect(connection.settings_dict["NAME"], isolation_level=None)
        self.other.execute("BEGIN IMMEDIATE")

    def __exit__(self, *exc):
        self.other.execute("ROLLBACK")
        self.other.close()
