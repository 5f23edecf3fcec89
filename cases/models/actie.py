"""Actions: the dated entries of a dossier's timeline."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cases import access
from cases.constants import ActieSoort
from cases.models.base import OwnedByOrganisation
from cases.models.jongere import Dossier
from cases.models.organisatie import User


class Actie(OwnedByOrganisation):
    """A dated entry on a dossier's timeline, made by a user."""

    dossier = models.ForeignKey(
        Dossier, verbose_name=_("dossier"), on_delete=models.CASCADE, related_name="acties"
    )
    soort = models.CharField(_("soort"), max_length=40, choices=ActieSoort.choices)
    datum = models.DateField(_("datum"), help_text=_("De dag waarop de actie plaatsvond."))
    omschrijving = models.TextField(_("omschrijving"), blank=True)
    gebruiker = models.ForeignKey(
        User, verbose_name=_("vastgelegd door"), on_delete=models.PROTECT, related_name="+"
    )
    vastgelegd_op = models.DateTimeField(_("vastgelegd op"), default=timezone.now)

    objects = access.ViaDossierQuerySet.as_manager()

    class Meta:
        verbose_name = _("actie")
        verbose_name_plural = _("acties")
        ordering = ["-datum", "-vastgelegd_op"]
        indexes = [
            models.Index(fields=["dossier", "-datum"]),
            # The jaarverslag counts actions of one kind in a schooljaar per organisation.
            models.Index(fields=["organisatie", "soort", "datum"], name="actie_org_soort_datum"),
        ]

    def __str__(self):
        return f"{self.get_soort_display()} ({self.datum:%d-%m-%Y})"
