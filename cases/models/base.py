"""Building blocks shared by the models of the core and the team apps."""

import functools

from django.db import models
from django.utils.encoding import force_str
from django.utils.hashable import make_hashable
from django.utils.translation import gettext_lazy as _

from cases.models.jongere import Dossier
from cases.models.organisatie import Organisatie


@functools.cache
def _choice_labels(field) -> dict:
    return dict(make_hashable(field.flatchoices))


class ChoiceLabels:
    """`get_<field>_display()` from a dict built once per field. Django rebuilds that dict from the
    (lazily translated) choices on every call, which made the labels half the cost of rendering
    a werkvoorraad row. The label is still translated at each call."""

    def _get_FIELD_display(self, field):  # noqa: N802 - Django's name
        value = getattr(self, field.attname)
        return force_str(_choice_labels(field).get(make_hashable(value), value), strings_only=True)


class OwnedByOrganisation(ChoiceLabels, models.Model):
    """A record on a dossier that also carries its organisation, so the jaarverslag and the
    lists of a large organisation select on (organisatie, date) without joining through every
    jongere. Filled from the dossier on save; bulk inserts set it themselves."""

    organisatie = models.ForeignKey(
        Organisatie,
        verbose_name=_("organisatie"),
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
        help_text=_("De organisatie van het dossier (afgeleid)."),
    )

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.organisatie_id is None and self.dossier_id is not None:
            self.organisatie_id = (
                Dossier.objects.filter(pk=self.dossier_id)
                .values_list("jongere__organisatie_id", flat=True)
                .get()
            )
        super().save(*args, **kwargs)
