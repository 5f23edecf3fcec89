"""Database defaults for the columns added since v0.3.0, for installations that ran 0013 and 0030
before these got their db_default (cases/platform/migration_ops.py, docs/operations.md)."""

from django.db import migrations

from cases.platform.migration_ops import PrerenderedMigration, set_database_defaults


class Migration(PrerenderedMigration):
    # Each SET DEFAULT commits on its own: the table's lock lasts milliseconds, not the rest of the
    # migration (each RunPython renders the models again). Idempotent, so safe to run again.
    atomic = False

    dependencies = [("cases", "0120_jongere_zoeknaam_index")]

    operations = [
        migrations.RunPython(set_database_defaults("cases.Brief", "adres", "geadresseerde"), elidable=False),
        migrations.RunPython(
            set_database_defaults("cases.ImportRecord", "problemen_totaal", "verwerkt"), elidable=False
        ),
    ]
