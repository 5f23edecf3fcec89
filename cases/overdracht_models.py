"""Verhuizing between gemeenten: a jongere who moves out of the organisation's gemeenten is
handed over to the team of the new gemeente; one who moves in is taken over with the previous
team's summary. The woongemeente of the jongere stays the organisation's own gemeente (it
decides who in the team sees the archived dossier); the record says where the jongere went."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import access
from .constants import OverdrachtRichting
from .models import Document, Dossier, Gemeente, OwnedByOrganisation, User


class Overdracht(OwnedByOrganisation):
    dossier = models.ForeignKey(
        Dossier, verbose_name=_("dossier"), on_delete=models.CASCADE, related_name="overdrachten"
    )
    richting = models.CharField(_("richting"), max_length=3, choices=OverdrachtRichting.choices)
    gemeente = models.ForeignKey(
        Gemeente,
        verbose_name=_("andere gemeente"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("De nieuwe woongemeente (overdracht) of de vorige (overname)."),
    )
    eigen_gemeente = models.ForeignKey(
        Gemeente,
        verbose_name=_("eigen gemeente"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("De gemeente van de organisatie die de jongere verlaat of waar hij komt wonen."),
    )
    datum = models.DateField(_("verhuisdatum"))
    toelichting = models.TextField(_("toelichting"), blank=True)
    document = models.OneToOneField(
        Document,
        verbose_name=_("samenvatting"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="overdracht",
        help_text=_("De samenvatting voor het ontvangende team, of die van het vorige team."),
    )
    gesloten_meldingen = models.PositiveIntegerField(_("afgesloten meldingen"), default=0)
    gebruiker = models.ForeignKey(
        User, verbose_name=_("vastgelegd door"), on_delete=models.PROTECT, related_name="+"
    )
    vastgelegd_op = models.DateTimeField(_("vastgelegd op"), default=timezone.now)

    objects = access.ViaDossierQuerySet.as_manager()

    class Meta:
        verbose_name = _("overdracht andere gemeente")
        verbose_name_plural = _("overdrachten andere gemeenten")
        ordering = ["-datum", "-vastgelegd_op"]
        indexes = [models.Index(fields=["organisatie", "richting", "datum"], name="overdracht_org_richting")]

    def __str__(self):
        return f"{self.get_richting_display()}: {self.gemeente} ({self.datum:%d-%m-%Y})"
