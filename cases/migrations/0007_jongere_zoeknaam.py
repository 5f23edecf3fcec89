"""One search column for the full name, with one trigram index (PostgreSQL only).

The name search requires every word to occur in voornamen + tussenvoegsel + achternaam. With one
trigram index per name part PostgreSQL could not combine them for "part of any column" and read
the whole organisation instead; one GIN index on the generated `zoeknaam` answers every word in a
single index scan (short words such as "de" are only rechecked).
"""

import django.db.models.functions.text
from django.db import migrations, models


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for column in ("achternaam", "voornamen"):
        schema_editor.execute(f"DROP INDEX IF EXISTS cases_jongere_{column}_trgm")
    schema_editor.execute(
        "CREATE INDEX IF NOT EXISTS cases_jongere_zoeknaam_trgm ON cases_jongere USING gin (zoeknaam gin_trgm_ops)"
    )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("DROP INDEX IF EXISTS cases_jongere_zoeknaam_trgm")
    for column in ("achternaam", "voornamen"):
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS cases_jongere_{column}_trgm "
            f"ON cases_jongere USING gin (UPPER({column}::text) gin_trgm_ops)"
        )


class Migration(migrations.Migration):
    dependencies = [("cases", "0006_jongere_name_trigram")]

    operations = [
        migrations.AddField(
            model_name="jongere",
            name="zoeknaam",
            field=models.GeneratedField(
                db_persist=True,
                expression=django.db.models.functions.text.Upper(
                    django.db.models.functions.text.Concat(
                        "voornamen", models.Value(" "), "tussenvoegsel", models.Value(" "), "achternaam"
                    )
                ),
                output_field=models.TextField(),
                verbose_name="zoeknaam",
            ),
        ),
        migrations.RunPython(forwards, backwards),
    ]
