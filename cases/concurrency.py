"""Optimistic concurrency: two people editing the same record must not overwrite each other.

Every editable record has a `versie` counter. A form or API write carries the version it was
based on; the service locks the row (select_for_update), compares, and refuses a stale write.
"""

from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy


class ConflictError(Exception):
    def __init__(self, message: str | None = None):
        self.message = message or _(
            "Iemand anders heeft dit intussen gewijzigd. Uw wijziging is niet opgeslagen; "
            "open de pagina opnieuw om de actuele gegevens te zien en voer uw wijziging dan opnieuw in."
        )
        super().__init__(self.message)


class VersionedModel(models.Model):
    versie = models.PositiveIntegerField(
        gettext_lazy("versie"),
        default=1,
        help_text=gettext_lazy("Verhoogd bij elke wijziging (gelijktijdig bewerken)."),
    )

    class Meta:
        abstract = True


def lock_and_check(queryset: models.QuerySet, pk: int, expected_version: int | None):
    """Lock the row for this transaction and verify the caller saw the current version."""
    obj = queryset.select_for_update().get(pk=pk)
    if expected_version is not None and obj.versie != expected_version:
        raise ConflictError()
    obj.versie += 1
    return obj
