"""Query budgets: a page or list endpoint runs the same number of SQL queries for 2 records as for
17, and as for more than one page. A growing count is an N+1 (a query per row shown)."""

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from knox.models import AuthToken
from rest_framework.test import APIClient

from cases.constants import Role
from cases.models import CodeItem, Document, ImportRecord
from tests.factories import (
    JongereFactory,
    UserFactory,
)

#: Every record a budget test creates carries a marker like Qz007q in a field the user sees, so a
#: response proves which of them it shows.
MARKER = re.compile(r"Qz\d{3}q")


def marker(n: int) -> str:
    return f"Qz{n:03d}q"


def markers_in(response) -> int:
    """How many different created records the response names."""
    return len(set(MARKER.findall(response.content.decode())))


@dataclass
class Budget:
    """One page or endpoint: `fetch` requests it, `add(k)` creates k more records the user may see,
    `shown(response)` counts the created records in the answer and `total(response)` (for
    paginated lists) the number the answer reports over all pages."""

    fetch: Callable
    add: Callable[[int], None]
    shown: Callable = markers_in
    total: Callable | None = None
    small: int = 2
    large: int = 17
    #: For a paginated (or capped) list: also a run with a few more records than one page.
    page_size: int | None = None
    #: How many created records the answer shows when there are n (all of them, by default).
    expect: Callable[[int], int] = lambda n: n


def _captured(budget: Budget):
    with CaptureQueriesContext(connection) as captured:
        response = budget.fetch()
    assert response.status_code == 200, response.content[:500]
    return [q["sql"] for q in captured.captured_queries], response


def _same(small: list[str], large: list[str], label: str) -> None:
    if len(small) != len(large):
        extra = "\n".join(sql for sql in large if sql not in small) or "\n".join(large)
        raise AssertionError(
            f"{label}: {len(small)} queries became {len(large)}; for example:\n{extra[:3000]}"
        )


def check_budget(budget: Budget) -> None:
    budget.add(budget.small)
    budget.fetch()  # warm up session, permission and content-type caches
    small, response = _captured(budget)
    assert budget.shown(response) == budget.expect(budget.small)
    if budget.total:
        assert budget.total(response) == budget.small

    budget.add(budget.large - budget.small)
    budget.fetch()  # a created colleague is a role change: permissions are read once again
    large, response = _captured(budget)
    assert budget.shown(response) == budget.expect(budget.large)
    if budget.total:
        assert budget.total(response) == budget.large
    _same(small, large, f"{budget.small} → {budget.large} records")

    if budget.page_size:
        beyond = budget.page_size + 3
        budget.add(beyond - budget.large)
        budget.fetch()
        more, response = _captured(budget)
        assert budget.shown(response) == budget.expect(budget.page_size)
        if budget.total:
            assert budget.total(response) == beyond
        _same(small, more, f"{budget.small} → {beyond} records (more than one page)")


# -- the test world and helpers shared by the page and API budget tests -----------------------

API_PAGE_SIZE = 50
PAGE_SIZE = 25


class World:
    """One organisation with a user per role; `next()` numbers the created records."""

    def __init__(self, organisatie, client):
        self.org = organisatie
        self.client = client
        self.gemeente = organisatie.gemeenten.first()
        self.lpa = UserFactory(username="budget-lpa", organisatie=organisatie, role=Role.LEERPLICHTAMBTENAAR)
        self.coach = UserFactory(username="budget-coach", organisatie=organisatie, role=Role.DOORSTROOMCOACH)
        self.teamleider = UserFactory(username="budget-tl", organisatie=organisatie, role=Role.TEAMLEIDER)
        # Reads both teams' records, as the dossier of a jongere handed over at 18 shows them.
        self.both = UserFactory(
            username="budget-both", organisatie=organisatie, role=Role.LEERPLICHTAMBTENAAR
        )
        self.both.groups.add(Group.objects.get(name=str(Role.DOORSTROOMCOACH.label)))
        self._numbers = itertools.count(1)

    def next(self) -> int:
        return next(self._numbers)

    def jongere(self, **kwargs):
        n = self.next()
        kwargs.setdefault("achternaam", marker(n))
        return JongereFactory(organisatie=self.org, woongemeente=self.gemeente, **kwargs)

    def code(self, lijst):
        return CodeItem.objects.create(organisatie=self.org, lijst=lijst, label=f"Code {self.next()}")

    def page(self, user, url, method="get", data=None):
        self.client.force_login(user)
        return lambda: getattr(self.client, method)(url, data or {})

    def api(self, user, url, method="get", data=None):
        _instance, token = AuthToken.objects.create(user=user)
        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
        return lambda: getattr(client, method)(url, data or {}, format="json" if method == "post" else None)


def repeat(make):
    """`add(k)`: call `make()` k times."""

    def add(k):
        for _ in range(k):
            make()

    return add


def count_pattern(pattern: str):
    return lambda response: len(set(re.findall(pattern, response.content.decode())))


def heading_total(text: str):
    """The total a list page reports in its heading, e.g. '28 meldingen'."""

    def total(response):
        match = re.search(rf"(\d+) {text}", response.content.decode())
        return int(match.group(1)) if match else None

    return total


def api_results(response) -> int:
    return len(response.json()["results"])


def api_count(response) -> int:
    return response.json()["count"]


def api_budget(fetch, add, **kwargs) -> Budget:
    return Budget(fetch, add, shown=api_results, total=api_count, page_size=API_PAGE_SIZE, **kwargs)


def make_document(dossier, user, naam="verklaring.pdf"):
    return Document.objects.create(
        dossier=dossier,
        bestand="documenten/niet-geopend",
        naam=naam,
        content_type="application/pdf",
        grootte=10,
        geupload_door=user,
    )


def make_import(w, **kwargs):
    n = w.next()
    return ImportRecord.objects.create(
        organisatie=w.org,
        soort="meldingen",
        bestandsnaam=kwargs.pop("bestandsnaam", f"{marker(n)}.csv"),
        checksum=f"{n:064d}",
        gebruiker=kwargs.pop("gebruiker", None) or UserFactory(organisatie=w.org),
        via="browser",
        status=kwargs.pop("status", ImportRecord.Status.KLAAR),
        **kwargs,
    )
