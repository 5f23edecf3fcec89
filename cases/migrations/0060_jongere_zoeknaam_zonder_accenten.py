"""The search column without accents, so "chloe" finds "Chloé" (cases/zoeknaam.py).

A generated column's expression cannot be altered in place: the column is dropped (with its
trigram index) and added again in one transaction, so the previous release, which keeps serving
during the upgrade, always finds the column. Adding a stored generated column rewrites
cases_jongere under an ACCESS EXCLUSIVE lock (bench/upgrade.py: several seconds at 70,000
jongeren, see docs/operations.md); that cannot be avoided for a generated column. The trigram index is rebuilt
concurrently by 0120_jongere_zoeknaam_index (it was built here, inside the lock, before).
"""

import django.db.models.functions.text
from django.db import migrations, models

import cases.zoeknaam

from cases.platform.migration_ops import PrerenderedMigration


class Migration(PrerenderedMigration):
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
    ]
