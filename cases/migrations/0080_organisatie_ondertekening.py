from django.db import migrations, models

from cases.platform.migration_ops import PrerenderedMigration


class Migration(PrerenderedMigration):
    dependencies = [
        ("cases", "0061_toewijzing"),
    ]

    operations = [
        migrations.AddField(
            model_name="organisatie",
            name="ondertekening_naam",
            field=models.CharField(
                db_default="",
                blank=True,
                help_text="Wie de brieven ondertekent, bijvoorbeeld de teamleider. Leeg: de medewerker die de brief maakt.",
                max_length=200,
                verbose_name="ondertekening: naam",
            ),
        ),
        migrations.AddField(
            model_name="organisatie",
            name="ondertekening_functie",
            field=models.CharField(
                db_default="",
                blank=True,
                help_text="Bijvoorbeeld 'Teamleider Leerplicht, namens het college van burgemeester en wethouders'.",
                max_length=200,
                verbose_name="ondertekening: functie",
            ),
        ),
    ]
