"""Query budgets: a page or list endpoint runs the same number of SQL queries for 2 records as for
17, and as for more than one page. A growing count is an N+1 (a query per row shown)."""

import re
from collections.abc import Callable
from dataclasses import dataclass

from django.db import connection
from django.test.utils import CaptureQueriesContext

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
    large, response = _captured(budget)
    assert budget.shown(response) == budget.expect(budget.large)
    if budget.total:
        assert budget.total(response) == budget.large
    _same(small, large, f"{budget.small} → {budget.large} records")

    if budget.page_size:
        beyond = budget.page_size + 3
        budget.add(beyond - budget.large)
        more, response = _captured(budget)
        assert budget.shown(response) == budget.expect(budget.page_size)
        if budget.total:
            assert budget.total(response) == beyond
        _same(small, more, f"{budget.small} → {beyond} records (more than one page)")
