"""Population figures (the report's denominators) and report runs."""

import uuid

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cases.models import Gemeente, Organisatie, User, private_storage


class Populatie(models.Model):
    """Per gemeente and schooljaar: counts from the BRP / DUO, entered or imported."""

    gemeente = models.ForeignKey(Gemeente, verbose_name=_("gemeente"), on_delete=models.PROTECT, related_name="+")
    schooljaar = models.PositiveSmallIntegerField(
        _("schooljaar"),
        validators=[MinValueValidator(2000)],
        help_text=_("Beginjaar van het schooljaar: 2024 voor 2024-2025."),
    )
    leerplichtigen = models.PositiveIntegerField(_("leerplichtigen"), help_text=_("5 tot en met 16 jaar."))
    kwalificatieplichtigen = models.PositiveIntegerField(
        _("kwalificatieplichtigen"), null=True, blank=True, help_text=_("16-18 jaar zonder startkwalificatie.")
    )
    boven_leerplichtigen = models.PositiveIntegerField(
        _("boven-leerplichtigen"), null=True, blank=True, help_text=_("18-23 jaar zonder startkwalificatie.")
    )
    startpopulatie_vsv = models.PositiveIntegerField(
        _("startpopulatie vsv"), null=True, blank=True, help_text=_("Noemer van het vsv-percentage (DUO).")
    )

    class Meta:
        verbose_name = _("populatie")
        verbose_name_plural = _("populatie")
        ordering = ["-schooljaar", "gemeente__naam"]
        constraints = [
            models.UniqueConstraint(fields=["gemeente", "schooljaar"], name="populatie_uniek_per_gemeente_jaar")
        ]

    def __str__(self):
        return f"{self.gemeente} {self.schooljaar}-{self.schooljaar + 1}"


