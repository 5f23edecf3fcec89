"""A covering index for the jaarverslag's counts (docs/performance.md). Built concurrently: the
table stays readable and writable while it is built (no lock beyond SHARE UPDATE EXCLUSIVE), so
the migration can run while the previous release serves. Concurrent builds cannot run inside a
transaction, hence atomic = False."""

from django.contrib.postgres.operations import AddIndexConcurrently
from django.db import migrations, models


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ("leerplicht", "0040_werkvoorraad_urgentie"),
    ]

    operations = [
        AddIndexConcurrently(
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
