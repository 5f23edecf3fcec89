"""Django's ``migrate`` with a lock_timeout on PostgreSQL, for upgrades while the old release serves.

Any ALTER TABLE needs an ACCESS EXCLUSIVE lock for a moment. If a long transaction of the running
application holds a conflicting lock, the ALTER waits, and every query on that table queues behind
the waiting ALTER: the application stalls although the migration itself would take milliseconds.
With ``lock_timeout`` the ALTER gives up instead (SQLSTATE 55P03, "canceling statement due to lock
timeout"); its migration is rolled back (or, for a non-atomic one, resumes cleanly: see
cases/platform/migration_ops.py) and this command tries again after a pause.

Environment (docs/operations.md, "Upgraden"):
    MIGRATION_LOCK_TIMEOUT       how long one statement may wait for a lock, default 5s (0 = off)
    MIGRATION_STATEMENT_TIMEOUT  how long one statement may run, default 0 (off): concurrent index
                                 builds at 1,000,000 meldingen take minutes
    MIGRATION_LOCK_RETRIES       attempts after a lock timeout, default 5
    MIGRATION_RETRY_PAUSE        seconds between attempts, default 10

The settings only apply to the connection of this command, never to the application servers.
SQLite (the embedded default) has no such locks; nothing changes there.
"""

import os
import time

from django.core.management.commands.migrate import Command as DjangoMigrateCommand
from django.db import OperationalError, connections
from django.db.backends.signals import connection_created

LOCK_NOT_AVAILABLE = "55P03"


def _timeouts():
    return {
        "lock_timeout": os.environ.get("MIGRATION_LOCK_TIMEOUT", "5s"),
        "statement_timeout": os.environ.get("MIGRATION_STATEMENT_TIMEOUT", "0"),
    }


def apply_timeouts(connection):
    """SET the migration timeouts on one PostgreSQL connection (session level)."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        for name, value in _timeouts().items():
            cursor.execute("SELECT set_config(%s, %s, false)", [name, value])


def is_lock_timeout(error):
    cause = error.__cause__
    return getattr(cause, "sqlstate", None) == LOCK_NOT_AVAILABLE or "lock timeout" in str(error)


class Command(DjangoMigrateCommand):
    help = (
        DjangoMigrateCommand.help + " Sets lock_timeout on PostgreSQL (MIGRATION_LOCK_TIMEOUT) and retries."
    )

    def handle(self, *args, **options):
        alias = options["database"]
        connection = connections[alias]

        def on_connect(sender, connection, **kwargs):
            if connection.alias == alias:
                apply_timeouts(connection)

        # Also after a reconnect in the middle of the run.
        connection_created.connect(on_connect, weak=False)
        try:
            if connection.connection is not None:
                apply_timeouts(connection)
            retries = int(os.environ.get("MIGRATION_LOCK_RETRIES", "5"))
            pause = float(os.environ.get("MIGRATION_RETRY_PAUSE", "10"))
            attempt = 0
            while True:
                try:
                    return super().handle(*args, **options)
                except OperationalError as error:
                    if not is_lock_timeout(error) or attempt >= retries:
                        raise
                    attempt += 1
                    self.stderr.write(
                        f"Lock timeout ({_timeouts()['lock_timeout']}): another transaction holds a lock "
                        f"on the table. Attempt {attempt + 1} of {retries + 1} in {pause:g} s."
                    )
                    # The failed migration was rolled back (or, if non-atomic, resumes cleanly);
                    # the connection itself is fine and keeps its settings.
                    time.sleep(pause)
        finally:
            connection_created.disconnect(on_connect)
