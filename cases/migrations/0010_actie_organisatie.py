"""Actions carry their dossier's organisation, as meldingen do, so the jaarverslag counts the
actions of one organisation and year from an index instead of joining every action of the country
to its melding. Existing rows are filled from their dossier."""

import django.db.models.deletion
from django.db import migrations, models

FILL = """
UPDATE cases_actie SET organisatie_id = (
    SELECT j.organisatie_id FROM cases_dossier d JOIN cases_jongere j ON j.id = d.jongere_id
    WHERE d.id = cases_actie.dossier_id
)
"""


class Migration(migrations.Migration):
    dependencies = [("cases", "0009_werkdagen")]

    operations = [
        migrations.AddField(
            model_name="actie",
            name="organisatie",
            field=models.ForeignKey(
                editable=False,
                help_text="De organisatie van het dossier (afgeleid).",
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="cases.organisatie",
                verbose_name="organisatie",
            ),
        ),
        migrations.RunSQL(FILL, migrations.RunSQL.noop),
        migrations.AlterField(
            model_name="actie",
            name="organisatie",
            field=models.ForeignKey(
                editable=False,
                help_text="De organisatie van het dossier (afgeleid).",
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="cases.organisatie",
                verbose_name="organisatie",
            ),
        ),
        migrations.AddIndex(
            model_name="actie",
            index=models.Index(fields=["organisatie", "soort", "datum"], name="actie_org_soort_datum"),
        ),
    ]
