"""Reads of the jaarverslag from a PostgreSQL read replica, when one is configured.

`DATABASE_REPLICA_URL` adds the database alias "replica". Code that only reads and may lag a few
seconds behind the primary (the report builder) runs inside `reads_from_replica()`; every other
read and every write, including the processing log, goes to the primary. Without a replica
nothing changes.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings

REPLICA = "replica"
_reading_from_replica: ContextVar[bool] = ContextVar("reading_from_replica", default=False)


@contextmanager
def reads_from_replica():
    token = _reading_from_replica.set(True)
    try:
        yield
    finally:
        _reading_from_replica.reset(token)


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
