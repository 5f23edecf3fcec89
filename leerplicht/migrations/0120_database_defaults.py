"""Database defaults for the columns added since v0.3.0, for installations that ran 0010, 0030 and
0060 before these got their db_default (cases/platform/migration_ops.py, docs/operations.md)."""

from django.db import migrations

from cases.platform.migration_ops import PrerenderedMigration, set_database_defaults


class Migration(PrerenderedMigration):
    # Each SET DEFAULT commits on its own: the table's lock lasts milliseconds, not the rest of the
    # migration (each RunPython renders the models again). Idempotent, so safe to run again.
    atomic = False

    dependencies = [("leerplicht", "0070_meldingactie_duo_meldingnummer")]

    operations = [
        migrations.RunPython(
            set_database_defaults("leerplicht.Melding", "duo_meldingnummer"), elidable=False
        ),
        migrations.RunPython(
            set_database_defaults("leerplicht.MeldingActie", "jongere_instemming", "verdachte"),
            elidable=False,
        ),
        migrations.RunPython(
            set_database_defaults("leerplicht.MeldingRoute", "jongere_instemming", "ouders_instemming"),
            elidable=False,
        ),
        migrations.RunPython(
            set_database_defaults("leerplicht.Vrijstelling", "beslist_door", "verklaring_onafhankelijk"),
            elidable=False,
        ),
    ]
