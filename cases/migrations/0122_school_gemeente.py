"""The gemeente of a school location, from DUO's register (manage.py import_scholen). Nullable, on
the small reference table cases_school: no rewrite, no default to fill."""

import django.db.models.deletion
from django.db import migrations, models

from cases.platform.migration_ops import PrerenderedMigration


class Migration(PrerenderedMigration):
    dependencies = [("cases", "0121_database_defaults")]

    operations = [
        migrations.AddField(
            model_name="school",
            name="gemeente",
            field=models.ForeignKey(
                blank=True,
                help_text="De gemeente van de vestiging volgens het register van DUO.",
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="scholen",
                to="cases.gemeente",
                verbose_name="gemeente",
            ),
        ),
    ]
