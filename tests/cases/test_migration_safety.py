"""Migrations run while the previous release keeps serving (docs/operations.md, "Upgraden").

Every migration after v0.3.0 that builds an index on a table the application writes all day
builds it concurrently on PostgreSQL, and ``migrate`` waits at most MIGRATION_LOCK_TIMEOUT for a
lock instead of queueing the application behind it.
"""

import io
import time

import psycopg
import pytest
from django.core.management import call_command
from django.db import OperationalError, connection, transaction
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.operations import AddConstraint, AddIndex, RunSQL
from django.db.models.signals import pre_migrate

from cases.management.commands.migrate import apply_timeouts
from cases.platform.migration_ops import PrerenderedMigration, SafeAddConstraint, SafeAddIndex
from tests.factories import MeldingFactory, UserFactory

# Written before the upgrade drill (v0.3.0); they already ran everywhere.
BEFORE_V03 = {
    ("cases", "0001_initial"),
    ("cases", "0002_auditentry_append_only"),
    ("cases", "0003_document"),
    ("cases", "0004_importrecord"),
    ("cases", "0005_retention_and_inzage"),
    ("cases", "0006_jongere_name_trigram"),
    ("cases", "0007_jongere_zoeknaam"),
    ("cases", "0008_brief_sjablonen"),
    ("cases", "0009_werkdagen"),
    ("cases", "0010_actie_organisatie"),
    ("doorstroom", "0001_initial"),
    ("doorstroom", "0002_organisatie"),
    ("doorstroom", "0003_termijnen"),
    ("leerplicht", "0001_initial"),
    ("leerplicht", "0002_alter_meldingtransitie_gebruiker"),
    ("leerplicht", "0003_organisatie"),
    ("leerplicht", "0004_werkvoorraad_indexes"),
    ("leerplicht", "0005_termijnen"),
    ("reporting", "0001_initial"),
    ("reporting", "0002_reportrun"),
    ("reporting", "0003_alter_reportrun_options"),
}
OUR_APPS = {"cases", "leerplicht", "doorstroom", "reporting", "koppelingen"}
# Tables with more rows than organisations, written by every team every day.
HOT_MODELS = {
    ("cases", "jongere"),
    ("cases", "dossier"),
    ("cases", "actie"),
    ("cases", "auditentry"),
    ("cases", "brief"),
    ("cases", "document"),
    ("leerplicht", "melding"),
    ("leerplicht", "meldingtransitie"),
    ("leerplicht", "meldingactie"),
    ("leerplicht", "meldingroute"),
    ("leerplicht", "vrijstelling"),
    ("doorstroom", "traject"),
}
HOT_TABLES = {f"{app}_{model}" for app, model in HOT_MODELS}


def _builds_an_index(operation):
    if isinstance(operation, AddIndex):
        return True
    if isinstance(operation, AddConstraint):
        # A conditional or expression UniqueConstraint is a unique index in PostgreSQL.
        constraint = operation.constraint
        return getattr(constraint, "condition", None) is not None or bool(
            getattr(constraint, "expressions", ())
        )
    return False


def _new_migrations():
    loader = MigrationLoader(None, ignore_no_migrations=True)
    return [
        migration
        for key, migration in loader.disk_migrations.items()
        if key[0] in OUR_APPS and key not in BEFORE_V03
    ]


def test_indexes_on_hot_tables_are_built_concurrently():
    unsafe, checked = [], 0
    for migration in _new_migrations():
        for operation in migration.operations:
            if isinstance(operation, RunSQL):
                sql = " ".join(
                    str(part)
                    for part in ([operation.sql] if isinstance(operation.sql, str) else operation.sql)
                )
                if "CREATE INDEX" in sql.upper() and "CONCURRENTLY" not in sql.upper():
                    unsafe.append(f"{migration.app_label}.{migration.name}: RunSQL CREATE INDEX")
                continue
            if (
                not _builds_an_index(operation)
                or (migration.app_label, operation.model_name_lower) not in HOT_MODELS
            ):
                continue
            checked += 1
            concurrent = isinstance(operation, (SafeAddIndex, SafeAddConstraint)) and not migration.atomic
            if not concurrent:
                unsafe.append(f"{migration.app_label}.{migration.name}: {operation.describe()}")
    assert unsafe == []
    # The werkvoorraad indexes and the four unique extern_id / DUO-number indexes.
    assert checked >= 6


@pytest.mark.django_db
def test_the_concurrent_builds_leave_valid_indexes_with_the_plain_definition():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT c.relname, i.indisvalid, pg_get_indexdef(i.indexrelid) FROM pg_index i "
            "JOIN pg_class c ON c.oid = i.indexrelid WHERE c.relname = ANY(%s)",
            [
                [
                    "melding_duo_nummer_uniek",
                    "melding_open_org_urgentie",
                    "traject_extern_id_uniek",
                    "cases_jongere_zoeknaam_trgm",
                ]
            ],
        )
        indexes = {name: (valid, definition) for name, valid, definition in cursor.fetchall()}
    assert indexes["melding_duo_nummer_uniek"] == (
        True,
        "CREATE UNIQUE INDEX melding_duo_nummer_uniek ON public.leerplicht_melding USING btree "
        "(organisatie_id, duo_meldingnummer) WHERE (NOT ((duo_meldingnummer)::text = ''::text))",
    )
    assert indexes["melding_open_org_urgentie"] == (
        True,
        "CREATE INDEX melding_open_org_urgentie ON public.leerplicht_melding USING btree "
        "(organisatie_id, termijn_op, ontvangen_op, id) WHERE (NOT ((fase)::text = 'afgesloten'::text))",
    )
    assert indexes["traject_extern_id_uniek"][0] is True
    assert indexes["cases_jongere_zoeknaam_trgm"] == (
        True,
        "CREATE INDEX cases_jongere_zoeknaam_trgm ON public.cases_jongere USING gin (zoeknaam gin_trgm_ops)",
    )


@pytest.mark.django_db
def test_migrate_runs_with_the_lock_timeout(monkeypatch):
    monkeypatch.setenv("MIGRATION_LOCK_TIMEOUT", "1500ms")
    seen = []

    def during_migrate(sender, using, **kwargs):
        with connection.cursor() as cursor:
            cursor.execute("SHOW lock_timeout")
            seen.append(cursor.fetchone()[0])

    pre_migrate.connect(during_migrate, weak=False, dispatch_uid="test-lock-timeout")
    try:
        call_command("migrate", verbosity=0)
    finally:
        # The session settings go with the test's transaction.
        pre_migrate.disconnect(dispatch_uid="test-lock-timeout")
    assert seen and set(seen) == {"1500ms"}


@pytest.mark.django_db
def test_migrate_tries_again_after_a_lock_timeout(monkeypatch):
    """A lock timeout (PostgreSQL's own message) stops the run; the command waits and tries again."""
    monkeypatch.setenv("MIGRATION_RETRY_PAUSE", "0")
    attempts = []

    def busy_once(sender, using, **kwargs):
        attempts.append(1)
        if len(attempts) == 1:
            raise OperationalError("canceling statement due to lock timeout")

    pre_migrate.connect(busy_once, weak=False, dispatch_uid="test-lock-retry")
    stderr = io.StringIO()
    try:
        call_command("migrate", verbosity=0, stderr=stderr)
    finally:
        pre_migrate.disconnect(dispatch_uid="test-lock-retry")
    # pre_migrate goes to every app: the first call failed, then a whole second run followed.
    assert len(attempts) > 2
    assert "Attempt 2 of 6" in stderr.getvalue()


@pytest.mark.django_db
def test_an_alter_table_gives_up_after_the_lock_timeout_instead_of_queueing(monkeypatch):
    """The old release holds a lock (a long report query): the migration's ALTER TABLE stops after
    MIGRATION_LOCK_TIMEOUT, rather than waiting and blocking every query queued behind it."""
    monkeypatch.setenv("MIGRATION_LOCK_TIMEOUT", "300ms")
    settings = connection.settings_dict
    other = psycopg.connect(
        dbname=settings["NAME"],
        user=settings["USER"],
        host=settings["HOST"],
        port=settings["PORT"] or 5432,
        password=settings["PASSWORD"] or None,
    )
    try:
        other.execute("SELECT count(*) FROM leerplicht_melding")  # opens a transaction: ACCESS SHARE
        apply_timeouts(connection)  # undone with the test's transaction
        started = time.monotonic()
        with (
            pytest.raises(OperationalError, match="lock timeout"),
            transaction.atomic(),
            connection.cursor() as cursor,
        ):
            cursor.execute("ALTER TABLE leerplicht_melding ADD COLUMN upgrade_drill integer")
        waited = time.monotonic() - started
    finally:
        other.rollback()
        other.close()
    assert 0.25 <= waited < 3


def test_new_migrations_render_their_models_before_taking_locks():
    """In an atomic migration the first ALTER TABLE holds its lock until COMMIT; the model
    rendering of later operations (about a second each under load) must not happen inside it."""
    plain = [
        f"{migration.app_label}.{migration.name}"
        for migration in _new_migrations()
        if not isinstance(migration, PrerenderedMigration)
    ]
    assert plain == []


# Columns added to existing tables since v0.3.0 that are NOT NULL: the previous release inserts
# rows without them while it keeps serving after `migrate`.
ADDED_NOT_NULL = {
    ("leerplicht_melding", "duo_meldingnummer"): "''::character varying",
    ("leerplicht_meldingactie", "jongere_instemming"): "false",
    ("leerplicht_meldingactie", "duo_meldingnummer"): "''::character varying",
    ("cases_organisatie", "ondertekening_naam"): "''::character varying",
    ("cases_organisatie", "ondertekening_functie"): "''::character varying",
    ("leerplicht_meldingactie", "verdachte"): "''::text",
    ("leerplicht_meldingroute", "jongere_instemming"): "false",
    ("leerplicht_meldingroute", "ouders_instemming"): "false",
    ("leerplicht_vrijstelling", "beslist_door"): "''::character varying",
    ("leerplicht_vrijstelling", "verklaring_onafhankelijk"): "false",
    ("cases_brief", "adres"): "''::text",
    ("cases_brief", "geadresseerde"): "''::text",
    ("cases_importrecord", "problemen_totaal"): "0",
    ("cases_importrecord", "verwerkt"): "0",
    ("reporting_reportrun", "controle"): "'[]'::jsonb",
    ("reporting_reportrun", "drie_jaren"): "false",
}


@pytest.mark.django_db
def test_columns_added_since_the_previous_release_have_a_database_default():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT table_name, column_name, column_default FROM information_schema.columns "
            "WHERE table_schema = 'public' AND (table_name, column_name) IN "
            "(SELECT * FROM unnest(%s::text[], %s::text[]))",
            [[table for table, _ in ADDED_NOT_NULL], [column for _, column in ADDED_NOT_NULL]],
        )
        defaults = {(table, column): default for table, column, default in cursor.fetchall()}
    assert defaults == ADDED_NOT_NULL


@pytest.mark.django_db
def test_the_previous_release_can_still_add_a_melding_action():
    """An INSERT with only the columns v0.3.0 knew (the old release during the upgrade)."""
    melding, user = MeldingFactory(), UserFactory()
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO leerplicht_meldingroute (melding_id, route, toelichting, gekozen_door_id, gekozen_op) "
            "VALUES (%s, 'halt', '', %s, now()) RETURNING jongere_instemming, ouders_instemming",
            [melding.pk, user.pk],
        )
        assert cursor.fetchone() == (False, False)
