"""Trigram indexes for searching jongeren by part of a name (PostgreSQL only).

The search filters with `icontains`, which PostgreSQL runs as UPPER(column) LIKE UPPER('%...%');
a GIN index with gin_trgm_ops on UPPER(column) serves exactly that at national scale. pg_trgm is
a trusted extension (PostgreSQL 13+): the database owner may create it.
"""

from django.db import migrations

COLUMNS = ("achternaam", "voornamen")


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for column in COLUMNS:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS cases_jongere_{column}_trgm "
            f"ON cases_jongere USING gin (UPPER({column}::text) gin_trgm_ops)"
        )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for column in COLUMNS:
        schema_editor.execute(f"DROP INDEX IF EXISTS cases_jongere_{column}_trgm")


class Migration(migrations.Migration):
    dependencies = [("cases", "0005_retention_and_inzage")]

    operations = [migrations.RunPython(forwards, backwards)]
