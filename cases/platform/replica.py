"""Reads of the jaarverslag from a PostgreSQL read replica, when one is configured.

`DATABASE_REPLICA_URL` adds the database alias "replica". Code that only reads and may lag a few
seconds behind the primary (the report builder) runs inside `reads_from_replica()`; every other
read and every write, including the processing log, goes to the primary. Without a replica
nothing changes.

A replica that cannot be reached (stopped, failed over, network) is no reason to refuse the report:
`reads_from_replica()` checks the connection first and then reads from the primary, which holds the
same rows (docs/deployment.md, the replica drill of bench/drills.py).
"""

import logging
from contextlib import contextmanager, suppress
from contextvars import ContextVar

from django.conf import settings
from django.db import DatabaseError, connections

logger = logging.getLogger(__name__)

REPLICA = "replica"
_reading_from_replica: ContextVar[bool] = ContextVar("reading_from_replica", default=False)


@contextmanager
def reads_from_replica():
    token = _reading_from_replica.set(settings.REPORTS_FROM_REPLICA and replica_available())
    try:
        yield
    finally:
        _reading_from_replica.reset(token)


def replica_available() -> bool:
    """True when the replica answers a query now; otherwise its connection is closed (a later
    report connects again) and the caller reads from the primary."""
    connection = connections[REPLICA]
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        logger.warning("Leesreplica onbereikbaar; het jaarverslag leest van de primaire database")
        with suppress(DatabaseError):
            connection.close()
        return False
    return True


class ReplicaRouter:
    """Django database router (DATABASE_ROUTERS) for the optional read replica."""

    def db_for_read(self, model, **hints):
        if _reading_from_replica.get() and settings.REPORTS_FROM_REPLICA:
            return REPLICA
        return None

    def db_for_write(self, model, **hints):
        return None

    def allow_relation(self, obj1, obj2, **hints):
        return True  # the replica holds the same rows as the primary

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db != REPLICA  # a replica follows the primary's schema
