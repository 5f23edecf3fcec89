"""The search column without accents, so "chloe" finds "Chloé" (cases/zoeknaam.py).

A generated column's expression cannot be altered in place: the column is dropped (with its
trigram index) and added again, and the index is rebuilt (PostgreSQL only, as in 0007).
"""

import django.db.models.functions.text
from django.db import migrations, models

import cases.zoeknaam


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        "CREATE INDEX IF NOT EXISTS cases_jongere_zoeknaam_trgm ON cases_jongere USING gin (zoeknaam gin_trgm_ops)"
    )


class Migration(migrations.Migration):
    dependencies = [("cases", "0050_formulier_inzending")]

    operations = [
        migrations.RemoveField(model_name="jongere", name="zoeknaam"),
        migrations.AddField(
            model_name="jongere",
            name="zoeknaam",
            field=models.GeneratedField(
                db_persist=True,
                expression=django.db.models.functions.text.Upper(
                    cases.zoeknaam.Ontaccent(
                        django.db.models.functions.text.Concat(
                            "voornamen", models.Value(" "), "tussenvoegsel", models.Value(" "), "achternaam"
                        )
                    )
                ),
                output_field=models.TextField(),
                verbose_name="zoeknaam",
            ),
        ),
        migrations.RunPython(create_index, migrations.RunPython.noop),
    ]
