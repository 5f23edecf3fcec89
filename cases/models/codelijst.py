"""An organisation's configurable code lists (reasons, results, ...)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from cases.constants import Codelijst
from cases.models.organisatie import Organisatie


class CodeItem(models.Model):
    """One entry of an organisation's configurable code list. Retired, never deleted."""

    organisatie = models.ForeignKey(
        Organisatie, verbose_name=_("organisatie"), on_delete=models.CASCADE, related_name="codes"
    )
    lijst = models.CharField(_("lijst"), max_length=40, choices=Codelijst.choices)
    label = models.CharField(
        _("label"), max_length=200, help_text=_("Zoals gebruikers en rapportages het zien.")
    )
    categorie = models.CharField(
        _("categorie"),
        max_length=100,
        blank=True,
        help_text=_("Hoofdcategorie, voor lijsten met detailregels (uitstroom)."),
    )
    samenvatting = models.CharField(
        _("samenvatting"),
        max_length=100,
        blank=True,
        help_text=_("Groep in 'Leerplicht in een oogopslag' van het jaarverslag (alleen resultaten)."),
    )
    volgorde = models.PositiveIntegerField(
        _("volgorde"), default=0, help_text=_("Volgorde in formulieren en tabellen.")
    )
    actief = models.BooleanField(
        _("actief"), default=True, help_text=_("Uitgefaseerde codes blijven bestaan voor oude gegevens.")
    )

    class Meta:
        verbose_name = _("code")
        verbose_name_plural = _("codelijsten")
        ordering = ["organisatie", "lijst", "volgorde", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisatie", "lijst", "categorie", "label"], name="codeitem_label_uniek"
            )
        ]

    def __str__(self):
        return f"{self.categorie}: {self.label}" if self.categorie else self.label

    def delete(self, *args, **kwargs):
        raise ValidationError(_("Codes worden niet verwijderd maar uitgefaseerd (actief uit)."))
