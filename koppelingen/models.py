"""The inbox of incoming signals, the switches for automatic application, the outbox of messages
back to the sources, and the runs of each source (for the beheer page)."""

import uuid

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cases.access import scope_for
from cases.models import ChoiceLabels, Gemeente, Jongere, Organisatie, User

from .constants import (
    OPEN_STATUSES,
    Bron,
    DuoStatus,
    RunStatus,
    SignaalStatus,
    UitberichtStatus,
    Voorstel,
)


class SignaalQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The organisation's signals; a user restricted to some gemeenten sees only the signals
        of jongeren living there (so not the 'doorsturen' list of jongeren living elsewhere)."""
        scope = scope_for(user)
        if scope is None:
            return self.none()
        queryset = self.filter(organisatie_id=scope["organisatie_id"])
        if "woongemeente_id__in" in scope:
            queryset = queryset.filter(gemeente_id__in=scope["woongemeente_id__in"])
        return queryset

    def open(self):
        return self.filter(status__in=OPEN_STATUSES)


class Signaal(ChoiceLabels, models.Model):
    """One record from an outside source, kept as received, with what the system proposes."""

    organisatie = models.ForeignKey(
        Organisatie, verbose_name=_("organisatie"), on_delete=models.PROTECT, related_name="+"
    )
    bron = models.CharField(_("bron"), max_length=30, choices=Bron.choices)
    soort = models.CharField(
        _("soort bericht"), max_length=40, help_text=_("Soort record in de bron, bijvoorbeeld 'verhuizing'.")
    )
    extern_id = models.CharField(
        _("kenmerk in de bron"),
        max_length=100,
        help_text=_("Sleutel van het record in de bron; hetzelfde record twee keer verandert niets."),
    )
    inhoud = models.JSONField(_("inhoud zoals ontvangen"))
    gegevens = models.JSONField(
        _("voorgestelde gegevens"), default=dict, help_text=_("De velden van het record in onze termen.")
    )
    voorstel = models.CharField(_("voorstel"), max_length=30, choices=Voorstel.choices)
    toelichting = models.TextField(
        _("toelichting bij het voorstel"), blank=True, help_text=_("Waarom dit voorstel, en wat onzeker is.")
    )
    status = models.CharField(
        _("status"), max_length=20, choices=SignaalStatus.choices, default=SignaalStatus.WACHTEND
    )
    jongere = models.ForeignKey(
        Jongere,
        verbose_name=_("gevonden jongere"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    gemeente = models.ForeignKey(
        Gemeente,
        verbose_name=_("woongemeente volgens de bron"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    doorsturen = models.BooleanField(
        _("doorsturen"),
        default=False,
        help_text=_("De jongere woont buiten de gemeenten van de organisatie: doorsturen naar die gemeente."),
    )
    ontvangen_op = models.DateTimeField(_("ontvangen op"), default=timezone.now)
    bewaren_tot = models.DateField(
        _("bewaren tot"), help_text=_("Daarna wordt de ruwe inhoud verwijderd (bewaartermijn).")
    )
    afgehandeld_op = models.DateTimeField(_("afgehandeld op"), null=True, blank=True)
    afgehandeld_door = models.ForeignKey(
        User,
        verbose_name=_("afgehandeld door"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    afwijsreden = models.TextField(_("reden van afwijzen"), blank=True)
    foutmelding = models.TextField(_("foutmelding"), blank=True)
    resultaat_url = models.CharField(
        _("resultaat"), max_length=200, blank=True, help_text=_("De pagina van wat het signaal opleverde.")
    )

    objects = SignaalQuerySet.as_manager()

    class Meta:
        verbose_name = _("signaal")
        verbose_name_plural = _("signalen")
        ordering = ["ontvangen_op", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisatie", "bron", "extern_id"], name="signaal_uniek_per_bron"
            )
        ]
        indexes = [
            models.Index(
                fields=["organisatie", "ontvangen_op"],
                condition=models.Q(status__in=OPEN_STATUSES),
                name="signaal_open",
            )
        ]

    def __str__(self):
        return f"{self.get_bron_display()}: {self.get_voorstel_display()} ({self.extern_id})"

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES


class AutomatischToepassen(models.Model):
    """An organisation's switch: signals of this kind that match exactly one jongere without doubt
    are applied without waiting for a person."""

    organisatie = models.ForeignKey(
        Organisatie, verbose_name=_("organisatie"), on_delete=models.CASCADE, related_name="+"
    )
    voorstel = models.CharField(_("soort voorstel"), max_length=30, choices=Voorstel.choices)

    class Meta:
        verbose_name = _("automatisch toepassen")
        verbose_name_plural = _("automatisch toepassen")
        constraints = [
            models.UniqueConstraint(fields=["organisatie", "voorstel"], name="automatisch_toepassen_uniek")
        ]

    def __str__(self):
        return f"{self.organisatie}: {self.get_voorstel_display()}"


class Uitbericht(ChoiceLabels, models.Model):
    """A status message back to DUO, written in the transaction of the melding's transition and
    sent afterwards by a Celery task; `sleutel` lets DUO recognise a repeated delivery."""

    organisatie = models.ForeignKey(
        Organisatie, verbose_name=_("organisatie"), on_delete=models.PROTECT, related_name="+"
    )
    melding_id = models.BigIntegerField(_("melding"), null=True, blank=True)
    duo_meldingnummer = models.CharField(_("DUO-meldingnummer"), max_length=40)
    duo_status = models.CharField(_("status voor DUO"), max_length=20, choices=DuoStatus.choices)
    reden = models.CharField(_("reden (DUO-code)"), max_length=40, blank=True)
    sleutel = models.UUIDField(_("berichtsleutel"), default=uuid.uuid4, unique=True, editable=False)
    toestand = models.CharField(
        _("verzending"),
        max_length=20,
        choices=UitberichtStatus.choices,
        default=UitberichtStatus.TE_VERSTUREN,
    )
    pogingen = models.PositiveSmallIntegerField(_("pogingen"), default=0)
    laatste_fout = models.TextField(_("laatste fout"), blank=True)
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), default=timezone.now)
    verstuurd_op = models.DateTimeField(_("verstuurd op"), null=True, blank=True)

    class Meta:
        verbose_name = _("bericht aan DUO")
        verbose_name_plural = _("berichten aan DUO")
        ordering = ["aangemaakt_op", "pk"]

    def __str__(self):
        return f"{self.duo_meldingnummer}: {self.get_duo_status_display()}"

    def as_message(self) -> dict:
        """The message in our intermediate format (docs/koppelingen.md)."""
        return {
            "meldingnummer": self.duo_meldingnummer,
            "status": self.duo_status,
            "reden": self.reden,
            "datum": self.aangemaakt_op.date().isoformat(),
            "berichtsleutel": str(self.sleutel),
        }


class KoppelingRun(ChoiceLabels, models.Model):
    """One fetch or upload of a source: what came in, and what went wrong (in Dutch)."""

    bron = models.CharField(_("bron"), max_length=30, choices=Bron.choices)
    organisatie = models.ForeignKey(
        Organisatie, verbose_name=_("organisatie"), on_delete=models.CASCADE, null=True, related_name="+"
    )
    via = models.CharField(_("via"), max_length=20, help_text=_("upload, map, http of taak."))
    gestart_op = models.DateTimeField(_("gestart op"), default=timezone.now)
    status = models.CharField(_("status"), max_length=20, choices=RunStatus.choices)
    ontvangen = models.PositiveIntegerField(_("ontvangen"), default=0)
    nieuw = models.PositiveIntegerField(_("nieuwe signalen"), default=0)
    fout = models.TextField(_("fout"), blank=True)

    class Meta:
        verbose_name = _("ophaalronde")
        verbose_name_plural = _("ophaalrondes")
        ordering = ["-gestart_op", "-pk"]

    def __str__(self):
        return f"{self.get_bron_display()} {self.gestart_op:%d-%m-%Y %H:%M}"


class BrpStand(models.Model):
    """What the BRP last said about a jongere beyond the address and ouders (which live on the
    jongere and the ouders themselves): secrecy, death, and when it was asked."""

    jongere = models.OneToOneField(
        Jongere, verbose_name=_("jongere"), on_delete=models.CASCADE, related_name="brp_stand"
    )
    opgehaald_op = models.DateTimeField(_("laatst opgehaald"), null=True, blank=True)
    geheimhouding = models.BooleanField(
        _("geheimhouding persoonsgegevens"),
        default=False,
        help_text=_("De BRP meldt geheimhouding: geen gegevens aan derden, brieven pas na bevestiging."),
    )
    geheimhouding_bevestigd_door = models.ForeignKey(
        User,
        verbose_name=_("bevestigd door"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    geheimhouding_bevestigd_op = models.DateTimeField(_("bevestigd op"), null=True, blank=True)
    overleden_op = models.DateField(_("overleden op"), null=True, blank=True)
    gemeentecode = models.CharField(_("gemeente van inschrijving"), max_length=6, blank=True)
    laatste_fout = models.TextField(_("laatste fout"), blank=True)

    class Meta:
        verbose_name = _("BRP-stand")
        verbose_name_plural = _("BRP-standen")

    def __str__(self):
        return f"BRP {self.jongere_id}"

    @property
    def brieven_geblokkeerd(self) -> bool:
        return self.geheimhouding and self.geheimhouding_bevestigd_op is None
