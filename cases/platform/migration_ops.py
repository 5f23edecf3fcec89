"""Migration operations that are safe while the previous release keeps serving (docs/operations.md).

A plain ``CREATE INDEX`` (also the one behind a conditional ``UniqueConstraint``) holds a SHARE
lock on the table for the whole build: every INSERT, UPDATE and DELETE of the old version waits
until the index is ready, which at 1,000,000 meldingen is seconds to minutes. On PostgreSQL these
operations build the index ``CONCURRENTLY`` instead (only a SHARE UPDATE EXCLUSIVE lock, which
does not block reads or writes). They produce exactly the same index as the plain operation, so
an installation that already ran the plain form is unaffected, and the migration state is the
same as Django's ``AddIndex`` / ``AddConstraint`` (``makemigrations --check`` stays clean).

A concurrent build that fails (lock_timeout, a duplicate that breaks a unique index) leaves an
INVALID index behind; running ``migrate`` again drops that leftover and builds it anew, and skips
an index that an interrupted earlier run of the same (non-atomic) migration already finished.

On SQLite (the embedded default) and other databases they fall back to the plain operation:
there is no concurrent reader to protect there. Migrations using them need ``atomic = False``
(PostgreSQL cannot build an index concurrently inside a transaction).
"""

from django.db import NotSupportedError, migrations, transaction
from django.db.migrations.operations import AddConstraint, AddIndex


class PrerenderedMigration(migrations.Migration):
    """A migration that works out every operation's model state before it touches the database.

    Django's ``Migration.apply`` alternates: work out the state after an operation (rendering the
    models again, about half a second to a second of Python per operation in this project), then
    run its SQL. In an atomic migration the first ALTER TABLE takes an ACCESS EXCLUSIVE lock that is
    held until COMMIT, so the rendering of every later operation happens while the previous
    release waits for that table: the upgrade drill (bench/upgrade.py) measured 6 s on
    leerplicht_melding for a migration whose SQL takes milliseconds. Here all states are rendered
    first; the locks are held only for the SQL itself. Same operations, same SQL, same schema.
    """

    def apply(self, project_state, schema_editor, collect_sql=False):
        if collect_sql:  # sqlmigrate: nothing is locked
            return super().apply(project_state, schema_editor, collect_sql)
        steps = []
        for operation in self.operations:
            old_state = project_state.clone()
            operation.state_forwards(self.app_label, project_state)
            new_state = project_state.clone()
            old_state.apps, new_state.apps  # noqa: B018 - render now, not under a lock
            steps.append((operation, old_state, new_state))
        for operation, old_state, new_state in steps:
            # As Django's Migration.apply: an atomic operation in a non-atomic migration gets its
            # own transaction.
            atomic_operation = operation.atomic or (self.atomic and operation.atomic is not False)
            if not schema_editor.atomic_migration and atomic_operation:
                with transaction.atomic(schema_editor.connection.alias):
                    operation.database_forwards(self.app_label, schema_editor, old_state, new_state)
            else:
                operation.database_forwards(self.app_label, schema_editor, old_state, new_state)
        return project_state


def _is_postgresql(schema_editor):
    return schema_editor.connection.vendor == "postgresql"


def _ensure_not_in_transaction(operation, schema_editor):
    if schema_editor.connection.in_atomic_block:
        raise NotSupportedError(
            f"{operation.__class__.__name__} cannot run inside a transaction (set atomic = False on the migration)."
        )


def drop_invalid_index(schema_editor, name):
    """Drop an index of this name left INVALID by an interrupted concurrent build. Returns True if
    a valid index of this name exists (built by an earlier, interrupted run of the migration)."""
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(
            "SELECT i.indisvalid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
            "WHERE c.relname = %s AND pg_catalog.pg_table_is_visible(c.oid)",
            [name],
        )
        row = cursor.fetchone()
    if row is not None and not row[0]:
        schema_editor.execute(f"DROP INDEX CONCURRENTLY IF EXISTS {schema_editor.quote_name(name)}")
    return row is not None and row[0]


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
        if self.allow_migrate_model(schema_editor.connection.alias, model) and not drop_invalid_index(
            schema_editor, self.index.name
        ):
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
        if self.allow_migrate_model(schema_editor.connection.alias, model) and not drop_invalid_index(
            schema_editor, self.constraint.name
        ):
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


def set_database_defaults(model_label, *field_names):
    """A RunPython function that gives columns their ``db_default`` on PostgreSQL.

    Columns added since v0.3.0 first came without a database default, so the previous release,
    which does not know them, could not insert rows while it kept serving after ``migrate``. Their
    AddField now carries the ``db_default``; this sets it on installations that ran the earlier
    form (SET DEFAULT is idempotent and only touches the catalogue). SQLite is skipped: no old
    release writes to it during an upgrade, and Django always sends the value itself.
    """

    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        model = apps.get_model(model_label)
        clauses, params = [], []
        for name in field_names:
            field = model._meta.get_field(name)
            sql, field_params = schema_editor.db_default_sql(field)
            clauses.append(f"ALTER COLUMN {schema_editor.quote_name(field.column)} SET DEFAULT {sql}")
            params.extend(field_params)
        schema_editor.execute(
            f"ALTER TABLE {schema_editor.quote_name(model._meta.db_table)} {', '.join(clauses)}",
            params or None,
        )

    return run
