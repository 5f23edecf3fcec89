"""Destruction proposals: the daily job lists dossiers past their retention term, a functioneel
beheerder approves or rejects each one, and the outcome stays reviewable."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import Dossier, Organisatie, User


class VernietigingsVoorstel(models.Model):
    class Status(models.TextChoices):
        VOORGESTELD = "voorgesteld", _("Voorgesteld, wacht op beoordeling")
        VERNIETIGD = "vernietigd", _("Goedgekeurd en vernietigd")
        AFGEWEZEN = "afgewezen", _("Afgewezen (blijft bewaard)")

    class Grondslag(models.TextChoices):
        LEERPLICHT = "selectielijst_12_1_3", _("Selectielijst 12.1.3: 19 jaar na de geboortedatum")
        KWALIFICATIEPLICHT = (
            "selectielijst_12_1_4",
            _("Selectielijst 12.1.4: 2 jaar na einde kwalificatieplicht"),
        )
        LAATSTE_ACTIVITEIT = "laatste_activiteit", _("2 jaar na de laatste activiteit (traject of melding)")
        WPG = "wpg_5_jaar", _("Wpg: 5 jaar na de laatste activiteit")

    organisatie = models.ForeignKey(
        Organisatie, verbose_name=_("organisatie"), on_delete=models.PROTECT, related_name="+"
    )
    dossier = models.ForeignKey(
        Dossier,
        verbose_name=_("dossier"),
        on_delete=models.PROTECT,
        related_name="vernietigingsvoorstellen",
        help_text=_("Na vernietiging een anonieme huls: alleen de feiten voor het jaarverslag."),
    )
    grondslag = models.CharField(_("grondslag"), max_length=30, choices=Grondslag.choices)
    vervaldatum = models.DateField(_("bewaartermijn verstreken op"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.VOORGESTELD)
    voorgesteld_op = models.DateTimeField(_("voorgesteld op"), default=timezone.now)
    beoordeeld_door = models.ForeignKey(
        User,
        verbose_name=_("beoordeeld door"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    beoordeeld_op = models.DateTimeField(_("beoordeeld op"), null=True, blank=True)
    verwijderd = models.JSONField(
        _("verwijderd"),
        default=dict,
        blank=True,
        help_text=_("Wat de vernietiging verwijderde of leegmaakte, per soort gegevens (aantallen)."),
    )

    class Meta:
        verbose_name = _("vernietigingsvoorstel")
        verbose_name_plural = _("vernietigingsvoorstellen")
        ordering = ["vervaldatum", "pk"]
        default_permissions = ("view", "change")
        constraints = [
            models.UniqueConstraint(
                fields=["dossier"],
                condition=models.Q(status="voorgesteld"),
                name="een_open_vernietigingsvoorstel_per_dossier",
            )
        ]

    def __str__(self):
        return _("Dossier %(nummer)s: %(status)s") % {
            "nummer": self.dossier_id,
            "status": self.get_status_display(),
        }
