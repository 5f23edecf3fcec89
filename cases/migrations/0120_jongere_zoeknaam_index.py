"""The trigram index on the search column, built concurrently (PostgreSQL only, as in 0007).

0060 dropped it with the old column; it was rebuilt there under the table's ACCESS EXCLUSIVE
lock. Here CREATE INDEX CONCURRENTLY lets the previous release read and write cases_jongere
meanwhile. IF NOT EXISTS: an installation that ran the earlier form of 0060 has it already; an
INVALID leftover of an interrupted build is dropped and built anew.
"""

from django.db import migrations

from cases.platform.migration_ops import PrerenderedMigration, drop_invalid_index

INDEX = "cases_jongere_zoeknaam_trgm"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    drop_invalid_index(schema_editor, INDEX)
    schema_editor.execute(
        f"CREATE INDEX CONCURRENTLY IF NOT EXISTS {INDEX} ON cases_jongere USING gin (zoeknaam gin_trgm_ops)"
    )


class Migration(PrerenderedMigration):
    atomic = False

    dependencies = [("cases", "0080_organisatie_ondertekening")]

    operations = [migrations.RunPython(create_index, migrations.RunPython.noop, elidable=False)]
