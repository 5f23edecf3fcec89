# Security round 2, point 8: one record per (organisation, extern_id) in the database.

from django.conf import settings
from django.db import migrations, models

from cases.platform.migration_ops import PrerenderedMigration, SafeAddConstraint


def keep_first_extern_id(model_names):
    """Existing duplicates (two imports at once could make them) keep their data: the oldest
    record keeps the extern_id, later ones get it with a suffix, so the constraint can be added
    and a later import updates the oldest record."""

    def run(apps, schema_editor):
        for model_name in model_names:
            model = apps.get_model(*model_name.split("."))
            duplicates = (
                model.objects.exclude(extern_id="")
                .values("organisatie_id", "extern_id")
                .annotate(n=models.Count("pk"))
                .filter(n__gt=1)
            )
            for group in duplicates.iterator():
                later = model.objects.filter(
                    organisatie_id=group["organisatie_id"], extern_id=group["extern_id"]
                ).order_by("pk")[1:]
                for obj in later:
                    suffix = f"~dubbel-{obj.pk}"
                    obj.extern_id = group["extern_id"][: 64 - len(suffix)] + suffix
                    obj.save(update_fields=["extern_id"])

    return run


class Migration(PrerenderedMigration):
    # The unique index is built concurrently on PostgreSQL: the previous release keeps writing
    # to the table meanwhile (docs/operations.md).
    atomic = False

    dependencies = [
        ("doorstroom", "0003_termijnen"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RunPython(keep_first_extern_id(["doorstroom.Traject"]), migrations.RunPython.noop),
        SafeAddConstraint(
            model_name="traject",
            constraint=models.UniqueConstraint(
                condition=models.Q(("extern_id", ""), _negated=True),
                fields=("organisatie", "extern_id"),
                name="traject_extern_id_uniek",
                violation_error_message="Deze extern_id bestaat al bij een ander traject.",
            ),
        ),
    ]
