"""One record per form, however often it is sent: the back button, a reload or a double click
resubmit the same form with the same hidden key, and the second submission finds the record
the first one made instead of creating another.

The form carries a random key (`sleutel`, rendered in a hidden field); the view asks
`eerder_verwerkt(user, key)` before writing and calls `vastleggen(...)` inside the same
transaction as the write, so a key is stored only with the record it produced. A unique
constraint stops two simultaneous submissions: the second one waits for the first and then
finds its key (see `vastleggen`).
"""

import uuid

from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import User

#: Keys older than this may be removed; a resubmission after a day is a new record on purpose.
BEWAARTERMIJN_DAGEN = 1


def nieuwe_sleutel() -> str:
    return uuid.uuid4().hex


class FormulierInzending(models.Model):
    """A form key that has been processed, and the record (app label, model, pk) it created."""

    gebruiker = models.ForeignKey(
        User, verbose_name=_("gebruiker"), on_delete=models.CASCADE, related_name="+"
    )
    sleutel = models.CharField(_("sleutel"), max_length=64)
    model = models.CharField(_("soort record"), max_length=100)
    object_id = models.PositiveBigIntegerField(_("record"))
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), default=timezone.now)

    class Meta:
        app_label = "cases"
        verbose_name = _("verwerkt formulier")
        verbose_name_plural = _("verwerkte formulieren")
        constraints = [
            models.UniqueConstraint(fields=["gebruiker", "sleutel"], name="formulier_inzending_uniek")
        ]

    def __str__(self):
        return f"{self.model} {self.object_id}"


class AlVerwerkt(Exception):
    """The form was processed before; `object_id` is what it created."""

    def __init__(self, object_id: int):
        super().__init__(object_id)
        self.object_id = object_id


def eerder_verwerkt(user, sleutel: str, model: str) -> int | None:
    """The pk of the record this user's form with `sleutel` created, or None."""
    if not sleutel:
        return None
    return (
        FormulierInzending.objects.filter(gebruiker=user, sleutel=sleutel, model=model)
        .values_list("object_id", flat=True)
        .first()
    )


def vastleggen(user, sleutel: str, model: str, object_id: int) -> None:
    """Store the key with the record it created; call inside the write's transaction. When a
    simultaneous submission stored the same key first, raise AlVerwerkt (the caller's
    transaction then rolls back its duplicate)."""
    if not sleutel:
        return
    try:
        with transaction.atomic():
            FormulierInzending.objects.create(
                gebruiker=user, sleutel=sleutel, model=model, object_id=object_id
            )
    except IntegrityError:
        first = eerder_verwerkt(user, sleutel, model)
        raise AlVerwerkt(first) from None
