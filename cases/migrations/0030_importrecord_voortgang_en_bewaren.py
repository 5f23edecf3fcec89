# Security round 2, points 3, 7, 8: progress of the check, a capped and expiring problem list,
# and the states of an import that failed or was never confirmed.

from django.db import migrations, models

from cases.platform.migration_ops import PrerenderedMigration


class Migration(PrerenderedMigration):
    dependencies = [
        ("cases", "0020_roltoekenning_accountmelding_apitoken"),
    ]

    operations = [
        migrations.AddField(
            model_name="importrecord",
            name="gestart_op",
            field=models.DateTimeField(
                blank=True,
                help_text="Wanneer de controle of de import begon.",
                null=True,
                verbose_name="gestart op",
            ),
        ),
        migrations.AddField(
            model_name="importrecord",
            name="problemen_totaal",
            field=models.PositiveIntegerField(
                db_default=0,
                default=0,
                help_text="Alle gevonden problemen; bewaard worden er ten hoogste 1000, een bepaalde tijd.",
                verbose_name="aantal problemen",
            ),
        ),
        migrations.AddField(
            model_name="importrecord",
            name="problemen_verwijderd_op",
            field=models.DateTimeField(
                blank=True,
                help_text="Na de bewaartermijn.",
                null=True,
                verbose_name="problemen verwijderd op",
            ),
        ),
        migrations.AddField(
            model_name="importrecord",
            name="verwerkt",
            field=models.PositiveIntegerField(
                db_default=0,
                default=0,
                help_text="Rijen gecontroleerd tot nu toe (voortgang).",
                verbose_name="verwerkt",
            ),
        ),
        migrations.AlterField(
            model_name="importrecord",
            name="status",
            field=models.CharField(
                choices=[
                    ("controleren", "Wordt gecontroleerd"),
                    ("voorbeeld", "Gecontroleerd, wacht op bevestiging"),
                    ("wachtend", "In de wachtrij"),
                    ("bezig", "Bezig"),
                    ("klaar", "Klaar"),
                    ("geweigerd", "Geweigerd: er is niets opgeslagen"),
                    ("mislukt", "Mislukt: er is niets opgeslagen"),
                    ("verlopen", "Verlopen: niet bevestigd, het bestand is verwijderd"),
                ],
                max_length=20,
                verbose_name="status",
            ),
        ),
    ]
