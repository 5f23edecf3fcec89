"""Who handles what: every (re)assignment of a melding, aanvraag or traject, for the dossier's
timeline. Written by reporting/toewijzen.py (the teamleider's bulk transfer)."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cases.models.jongere import Dossier
from cases.models.organisatie import Organisatie, User


class Toewijzing(models.Model):
    class Onderwerp(models.TextChoices):
        MELDING = "melding", _("Melding")
        AANVRAAG = "aanvraag", _("Aanvraag vrijstelling of verlof")
        TRAJECT = "traject", _("Traject")

    organisatie = models.ForeignKey(
        Organisatie, verbose_name=_("organisatie"), on_delete=models.CASCADE, related_name="+"
    )
    dossier = models.ForeignKey(
        Dossier, verbose_name=_("dossier"), on_delete=models.CASCADE, related_name="toewijzingen"
    )
    onderwerp = models.CharField(_("onderwerp"), max_length=20, choices=Onderwerp.choices)
    object_id = models.PositiveBigIntegerField(_("object-id"))
    van = models.ForeignKey(
        User, verbose_name=_("van"), on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    naar = models.ForeignKey(User, verbose_name=_("naar"), on_delete=models.PROTECT, related_name="+")
    door = models.ForeignKey(User, verbose_name=_("door"), on_delete=models.PROTECT, related_name="+")
    tijdstip = models.DateTimeField(_("tijdstip"), default=timezone.now)

    class Meta:
        verbose_name = _("toewijzing")
        verbose_name_plural = _("toewijzingen")
        ordering = ["-tijdstip", "-pk"]
        indexes = [models.Index(fields=["dossier", "tijdstip"])]
        permissions = [("toewijzen_werk", _("Kan werk van medewerkers toewijzen en overdragen"))]

    def __str__(self):
        return f"{self.onderwerp} {self.object_id} → {self.naar_id}"
