"""A covering index for the jaarverslag's counts (docs/performance.md). Built concurrently: the
table stays readable and writable while it is built (no lock beyond SHARE UPDATE EXCLUSIVE), so
the migration can run while the previous release serves. Concurrent builds cannot run inside a
transaction, hence atomic = False (SafeAddIndex builds a plain index on SQLite)."""

from django.db import models

from cases.platform.migration_ops import PrerenderedMigration, SafeAddIndex


class Migration(PrerenderedMigration):
    atomic = False

    dependencies = [
        ("leerplicht", "0120_database_defaults"),
    ]

    operations = [
        SafeAddIndex(
            model_name="melding",
            index=models.Index(
                fields=["organisatie", "ontvangen_op"],
                include=[
                    "soort",
                    "gemeente",
                    "dossier",
                    "reden",
                    "resultaat",
                    "fase",
                    "onderwijssoort",
                    "leeftijd",
                    "proces_verbaal",
                    "halt_verwijzing",
                    "gezin_id",
                    "id",  # COUNT(id): the ORM counts the primary key
                ],
                name="melding_jaarverslag",
            ),
        ),
    ]
