"""Database defaults for the columns added since v0.3.0, for installations that ran 0010 before
these got their db_default (cases/platform/migration_ops.py, docs/operations.md)."""

from django.db import migrations

from cases.platform.migration_ops import PrerenderedMigration, set_database_defaults


class Migration(PrerenderedMigration):
    # Each SET DEFAULT commits on its own: the table's lock lasts milliseconds, not the rest of the
    # migration (each RunPython renders the models again). Idempotent, so safe to run again.
    atomic = False

    dependencies = [("reporting", "0010_jaarverslag_teksten_huisstijl_controle")]

    operations = [
        migrations.RunPython(
            set_database_defaults("reporting.ReportRun", "controle", "drie_jaren"), elidable=False
        ),
    ]
