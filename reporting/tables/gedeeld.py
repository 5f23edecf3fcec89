"""Counts that several tables of one report share: read once per report, the heaviest ahead.

Within `gedeeld()` (one `build_report`) a count of an organisation-year (cijfers.py, the trajecten
of doorstroom.py) is read once, whichever table asks first (`eenmaal`).

`vooraf()` starts the heaviest of them on database connections of their own, while the report's
own connection builds the other tables. At 1,000,000 meldingen those counts are about 60% of the
report's database time (docs/performance.md), and PostgreSQL runs each statement on one core.
Only on PostgreSQL and outside a transaction: another connection cannot see rows the caller has
not committed (a test's transaction), and SQLite allows one writer. Otherwise every count is read
in the caller's thread when it is first asked for, as before; the numbers are the same.
"""

import contextvars
import threading
from collections.abc import Callable, Iterable
from concurrent.futures import Future
from contextlib import contextmanager
from contextvars import ContextVar

from django.db import DEFAULT_DB_ALIAS, connections

_shared: ContextVar[dict | None] = ContextVar("gedeelde_tellingen", default=None)
_THREADS = "threads"

#: A count of one organisation-year: (organisatie id, schooljaar) -> result.
Telling = Callable


@contextmanager
def gedeeld():
    """Within this block each count of an organisation-year is read once (one report build)."""
    shared: dict = {}
    token = _shared.set(shared)
    try:
        yield
    finally:
        _shared.reset(token)
        # The threads of vooraf() have closed their connections before the report is returned.
        for thread in shared.get(_THREADS, []):
            thread.join()


def eenmaal(count: Telling, organisatie, schooljaar):
    """count(organisatie.pk, schooljaar), read once within gedeeld()."""
    key = _key(count, organisatie, schooljaar)
    shared = _shared.get()
    if shared is not None and key in shared:
        value = shared[key]
        return value.result() if isinstance(value, Future) else value
    result = count(organisatie.pk, schooljaar)
    if shared is not None:
        shared[key] = result
    return result


def vooraf(alias: str, *reeksen: Iterable[tuple[Telling, object, object]]) -> None:
    """Start reading each series of (count, organisatie, schooljaar) in a thread of its own, on
    that thread's connection to `alias`; eenmaal() then waits for the result. Does nothing where
    other connections would not see the caller's rows (see the module's docstring)."""
    shared = _shared.get()
    if shared is None or not _other_connections_see_the_same_rows(alias):
        return
    threads = shared.setdefault(_THREADS, [])
    for reeks in reeksen:
        work = []
        for count, organisatie, schooljaar in reeks:
            if schooljaar is None:
                continue
            key = _key(count, organisatie, schooljaar)
            if key not in shared:
                shared[key] = Future()
                work.append((shared[key], count, organisatie.pk, schooljaar))
        if not work:
            continue
        # copy_context: the thread reads from the same database (cases/platform/replica.py).
        thread = threading.Thread(target=contextvars.copy_context().run, args=(_read, work), daemon=True)
        thread.start()
        threads.append(thread)


def _read(work) -> None:
    try:
        for future, count, organisatie_id, schooljaar in work:
            try:
                future.set_result(count(organisatie_id, schooljaar))
            except Exception as error:  # raised where the table asks for the count
                future.set_exception(error)
    finally:
        connections.close_all()  # this thread's connections only


def _other_connections_see_the_same_rows(alias: str) -> bool:
    return all(
        connections[name].vendor == "postgresql" and not connections[name].in_atomic_block
        for name in {alias, DEFAULT_DB_ALIAS}
    )


def _key(count: Telling, organisatie, schooljaar) -> tuple:
    return (count.__module__, count.__name__, organisatie.pk, schooljaar.first_day, schooljaar.last_day)
