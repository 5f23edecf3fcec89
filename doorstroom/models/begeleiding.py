from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cases.constants import Codelijst
from cases.models import CodeItem, School

from ..constants import BenaderingSoort, BenaderingUitkomst, Casusregie
from .querysets import ViaTrajectQuerySet
from .traject import Traject


def _door(help_text):
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("vastgelegd door"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=help_text,
    )


class Benadering(models.Model):
    """One attempt to reach the jongere: letter, phone, e-mail or home visit."""

    traject = models.ForeignKey(
        Traject,
        verbose_name=_("traject"),
        on_delete=models.CASCADE,
        related_name="benaderingen",
        help_text=_("Het traject waarvoor contact gezocht is."),
    )
    soort = models.CharField(
        _("soort contact"),
        max_length=20,
        choices=BenaderingSoort.choices,
        help_text=_("Hoe contact is gezocht."),
    )
    datum = models.DateField(_("datum"), help_text=_("De dag van de contactpoging."))
    uitkomst = models.CharField(
        _("uitkomst"),
        max_length=30,
        choices=BenaderingUitkomst.choices,
        help_text=_("Is de jongere bereikt?"),
    )
    toelichting = models.TextField(
        _("toelichting"), blank=True, help_text=_("Bijvoorbeeld: brief achtergelaten.")
    )
    door = _door(_("De medewerker die de poging vastlegde."))
    vastgelegd_op = models.DateTimeField(
        _("vastgelegd op"), default=timezone.now, help_text=_("Tijdstip van registratie.")
    )

    objects = ViaTrajectQuerySet.as_manager()

    class Meta:
        verbose_name = _("benadering")
        verbose_name_plural = _("benaderingen")
        ordering = ["-datum", "-pk"]

    def __str__(self):
        return f"{self.get_soort_display()} ({self.datum:%d-%m-%Y})"


class PlanVanAanpak(models.Model):
    """Intake and plan van aanpak (Routekaart steps 4-8): leefdomeinen, privacy, afspraken."""

    traject = models.OneToOneField(
        Traject,
        verbose_name=_("traject"),
        on_delete=models.CASCADE,
        related_name="plan",
        help_text=_("Het traject waar dit plan bij hoort."),
    )
    intake_op = models.DateField(
        _("intakegesprek op"), null=True, blank=True, help_text=_("Datum van het intakegesprek.")
    )
    leefdomeinen = models.JSONField(
        _("leefdomeinen"),
        default=dict,
        blank=True,
        help_text=_("Per leefdomein (zelfredzaamheidsmatrix) een korte beschrijving van de situatie."),
    )
    toestemming_gegevensuitwisseling = models.BooleanField(
        _("toestemming gegevensuitwisseling"),
        default=False,
        help_text=_("De jongere heeft de toestemmingsverklaring voor gegevensuitwisseling getekend."),
    )
    toestemming_op = models.DateField(
        _("toestemming gegeven op"),
        null=True,
        blank=True,
        help_text=_("Datum van de toestemmingsverklaring."),
    )
    vooronderzoek = models.TextField(
        _("vooronderzoek"), blank=True, help_text=_("Redenen, eerdere interventies en mogelijke stappen.")
    )
    afspraken = models.TextField(
        _("afspraken"), blank=True, help_text=_("De afspraken en verwachtingen in het plan van aanpak.")
    )
    casusregie = models.CharField(
        _("casusregie"),
        max_length=20,
        choices=Casusregie.choices,
        blank=True,
        help_text=_("Wie de regie over de casus voert."),
    )
    ketenpartners = models.JSONField(
        _("betrokken ketenpartners"),
        default=list,
        blank=True,
        help_text=_("Codes van de betrokken ketenpartners."),
    )
    plan_vastgesteld_op = models.DateField(
        _("plan vastgesteld op"),
        null=True,
        blank=True,
        help_text=_("Datum waarop het plan van aanpak is besproken."),
    )
    bijgewerkt_door = _door(_("Wie het plan het laatst bijwerkte."))
    bijgewerkt_op = models.DateTimeField(
        _("bijgewerkt op"), default=timezone.now, help_text=_("Laatste wijziging.")
    )

    objects = ViaTrajectQuerySet.as_manager()

    class Meta:
        verbose_name = _("plan van aanpak")
        verbose_name_plural = _("plannen van aanpak")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(toestemming_gegevensuitwisseling=False)
                | models.Q(toestemming_op__isnull=False),
                name="plan_toestemming_met_datum",
            )
        ]

    def __str__(self):
        return _("Plan van aanpak bij traject %(nummer)s") % {"nummer": self.traject_id}


class VerzuimMelding(models.Model):
    """A verzuim 18+ report (regional agreement: 16 hours or more in 4 weeks)."""

    traject = models.ForeignKey(
        Traject,
        verbose_name=_("traject"),
        on_delete=models.CASCADE,
        related_name="verzuimmeldingen",
        help_text=_("Het verzuim 18+-traject van de jongere."),
    )
    gemeld_op = models.DateField(_("gemeld op"), help_text=_("Datum van de melding via het verzuimloket."))
    uren = models.PositiveSmallIntegerField(
        _("verzuimde uren"),
        validators=[MinValueValidator(1)],
        help_text=_("Aantal ongeoorloofd verzuimde les- of praktijkuren in de periode."),
    )
    weken = models.PositiveSmallIntegerField(
        _("periode in weken"), default=4, help_text=_("Aantal aaneengesloten weken waarover verzuimd is.")
    )
    school = models.ForeignKey(
        School,
        verbose_name=_("school"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("De melding doende school."),
    )
    toelichting = models.TextField(_("toelichting"), blank=True, help_text=_("Toelichting van de school."))
    door = _door(_("Wie de melding vastlegde."))
    vastgelegd_op = models.DateTimeField(
        _("vastgelegd op"), default=timezone.now, help_text=_("Tijdstip van registratie.")
    )

    objects = ViaTrajectQuerySet.as_manager()

    class Meta:
        verbose_name = _("verzuimmelding 18+")
        verbose_name_plural = _("verzuimmeldingen 18+")
        ordering = ["-gemeld_op", "-pk"]

    def __str__(self):
        return _("Verzuimmelding van %(datum)s") % {"datum": f"{self.gemeld_op:%d-%m-%Y}"}


class VerzuimActie(models.Model):
    """What the Doorstroompunt did after a verzuim 18+ report (waarschuwingsbrief, preventief contact)."""

    traject = models.ForeignKey(
        Traject,
        verbose_name=_("traject"),
        on_delete=models.CASCADE,
        related_name="verzuimacties",
        help_text=_("Het verzuim 18+-traject van de jongere."),
    )
    melding = models.ForeignKey(
        VerzuimMelding,
        verbose_name=_("naar aanleiding van melding"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="acties",
        help_text=_("De verzuimmelding waarop deze actie volgde."),
    )
    actie = models.ForeignKey(
        CodeItem,
        verbose_name=_("actie"),
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"lijst": Codelijst.DSP_ACTIE_VERZUIM_18PLUS},
        help_text=_("Uit de lijst 'Acties verzuim 18+' van de organisatie."),
    )
    datum = models.DateField(_("datum"), help_text=_("De dag van de actie."))
    toelichting = models.TextField(_("toelichting"), blank=True, help_text=_("Korte toelichting."))
    door = _door(_("Wie de actie vastlegde."))
    vastgelegd_op = models.DateTimeField(
        _("vastgelegd op"), default=timezone.now, help_text=_("Tijdstip van registratie.")
    )

    objects = ViaTrajectQuerySet.as_manager()

    class Meta:
        verbose_name = _("actie verzuim 18+")
        verbose_name_plural = _("acties verzuim 18+")
        ordering = ["-datum", "-pk"]

    def __str__(self):
        return f"{self.actie} ({self.datum:%d-%m-%Y})"
