"""Serialising imports: one import per organisation and kind at a time (security round 2,
point 8). Two imports of the same file must not both find a record missing and both create it.

On PostgreSQL a transaction-scoped advisory lock is taken; it is released at commit or rollback,
also when the worker dies (the connection closes). Other databases serialise writers themselves
(SQLite) and the unique constraints catch the rest.
"""

import hashlib
from contextlib import contextmanager

from django.db import connection


def lock_key(*parts) -> int:
    """A signed 64-bit key for pg_advisory_*_lock from the parts' text."""
    digest = hashlib.blake2b(":".join(str(p) for p in parts).encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


def lock_import(organisatie_id: int, kind: str, *shared: str) -> None:
    """Wait for the lock of (organisation, kind), then of each shared resource (e.g. the
    organisation's jongeren, created by several kinds). Always in this order: no deadlock."""
    if connection.vendor != "postgresql":
        return
    keys = [lock_key("import", organisatie_id, kind)]
    keys += [lock_key("import", organisatie_id, name) for name in shared]
    with connection.cursor() as cursor:
        for key in keys:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [key])


@contextmanager
def holding_record(record_id: int):
    """Mark an import record as being worked on while the block runs: a watcher can then tell
    a running job from one whose worker died (record_is_running). A session lock, released at
    the end of the block or when the connection closes (a killed worker); the job's own
    transactions and progress updates commit freely meanwhile."""
    if connection.vendor != "postgresql":
        yield
        return
    key = lock_key("import-record", record_id)
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_lock(%s)", [key])
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_unlock(%s)", [key])


def record_is_running(record_id: int) -> bool | None:
    """True when a job holds the record (see holding_record), False when none does, None when
    the database cannot tell (not PostgreSQL)."""
    if connection.vendor != "postgresql":
        return None
    key = lock_key("import-record", record_id)
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s)", [key])
        (free,) = cursor.fetchone()
        if free:
            cursor.execute("SELECT pg_advisory_unlock(%s)", [key])
    return not free
