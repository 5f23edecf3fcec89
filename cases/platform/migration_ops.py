"""Migration operations that are safe while the previous release keeps serving (docs/operations.md).

A plain ``CREATE INDEX`` (also the one behind a conditional ``UniqueConstraint``) holds a SHARE
lock on the table for the whole build: every INSERT, UPDATE and DELETE of the old version waits
until the index is ready, which at 1,000,000 meldingen is seconds to minutes. On PostgreSQL these
operations build the index ``CONCURRENTLY`` instead (only a SHARE UPDATE EXCLUSIVE lock, which
does not block reads or writes). They produce exactly the same index as the plain operation, so
an installation that already ran the plain form is unaffected, and the migration state is the
same as Django's ``AddIndex`` / ``AddConstraint`` (``makemigrations --check`` stays clean).

A concurrent build that fails (lock_timeout, a duplicate that breaks a unique index) leaves an
INVALID index behind; running ``migrate`` again drops that leftover and builds it anew.

On SQLite (the embedded default) and other databases they fall back to the plain operation:
there is no concurrent reader to protect there. Migrations using them need ``atomic = False``
(PostgreSQL cannot build an index concurrently inside a transaction).
"""

from django.db import NotSupportedError
from django.db.migrations.operations import AddConstraint, AddIndex


def _is_postgresql(schema_editor):
    return schema_editor.connection.vendor == "postgresql"


def _ensure_not_in_transaction(operation, schema_editor):
    if schema_editor.connection.in_atomic_block:
        raise NotSupportedError(
            f"{operation.__class__.__name__} cannot run inside a transaction (set atomic = False on the migration)."
        )


def drop_invalid_index(schema_editor, name):
    """Drop an index of this name left INVALID by an interrupted concurrent build."""
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(
            "SELECT 1 FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
            "WHERE c.relname = %s AND NOT i.indisvalid AND pg_catalog.pg_table_is_visible(c.oid)",
            [name],
        )
        invalid = cursor.fetchone() is not None
    if invalid:
        schema_editor.execute(f"DROP INDEX CONCURRENTLY IF EXISTS {schema_editor.quote_name(name)}")


def _concurrently(sql):
    """CREATE [UNIQUE] INDEX name ... -> CREATE [UNIQUE] INDEX CONCURRENTLY name ..."""
    sql = str(sql)
    for plain in ("CREATE UNIQUE INDEX ", "CREATE INDEX "):
        if sql.startswith(plain):
            return plain + "CONCURRENTLY " + sql[len(plain) :]
    raise ValueError(f"Not an index statement: {sql[:40]}")


class SafeAddIndex(AddIndex):
    """``AddIndex`` that builds the index concurrently on PostgreSQL."""

    atomic = False

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if not _is_postgresql(schema_editor):
            return super().database_forwards(app_label, schema_editor, from_state, to_state)
        _ensure_not_in_transaction(self, schema_editor)
        model = to_state.apps.get_model(app_label, self.model_name)
        if self.allow_migrate_model(schema_editor.connection.alias, model):
            drop_invalid_index(schema_editor, self.index.name)
            schema_editor.add_index(model, self.index, concurrently=True)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if not _is_postgresql(schema_editor):
            return super().database_backwards(app_label, schema_editor, from_state, to_state)
        _ensure_not_in_transaction(self, schema_editor)
        model = from_state.apps.get_model(app_label, self.model_name)
        if self.allow_migrate_model(schema_editor.connection.alias, model):
            schema_editor.remove_index(model, self.index, concurrently=True)

    def describe(self):
        return f"Create index {self.index.name} on {self.model_name} (concurrently on PostgreSQL)"


class SafeAddConstraint(AddConstraint):
    """``AddConstraint`` for a conditional or expression ``UniqueConstraint``: PostgreSQL stores
    it as a unique index (not a table constraint), which this builds concurrently."""

    atomic = False

    def __init__(self, model_name, constraint):
        if not (getattr(constraint, "condition", None) is not None or getattr(constraint, "expressions", ())):
            # A plain UniqueConstraint becomes an ALTER TABLE ... ADD CONSTRAINT; it would need
            # CREATE UNIQUE INDEX CONCURRENTLY + ADD CONSTRAINT ... USING INDEX, not needed so far.
            raise ValueError("SafeAddConstraint only handles a conditional or expression UniqueConstraint.")
        super().__init__(model_name, constraint)

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if not _is_postgresql(schema_editor):
            return super().database_forwards(app_label, schema_editor, from_state, to_state)
        _ensure_not_in_transaction(self, schema_editor)
        model = to_state.apps.get_model(app_label, self.model_name)
        if self.allow_migrate_model(schema_editor.connection.alias, model):
            drop_invalid_index(schema_editor, self.constraint.name)
            schema_editor.execute(_concurrently(self.constraint.create_sql(model, schema_editor)))

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if not _is_postgresql(schema_editor):
            return super().database_backwards(app_label, schema_editor, from_state, to_state)
        _ensure_not_in_transaction(self, schema_editor)
        model = to_state.apps.get_model(app_label, self.model_name)
        if self.allow_migrate_model(schema_editor.connection.alias, model):
            schema_editor.execute(
                f"DROP INDEX CONCURRENTLY IF EXISTS {schema_editor.quote_name(self.constraint.name)}"
            )

    def describe(self):
        return f"Create constraint {self.constraint.name} on {self.model_name} (concurrently on PostgreSQL)"
