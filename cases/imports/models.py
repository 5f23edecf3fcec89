"""The record of one file import: who, when, which file, and what it did."""

import uuid

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cases.models.document import private_storage
from cases.models.organisatie import Organisatie, User


def import_path(instance, filename):
    return f"imports/{instance.organisatie_id}/{uuid.uuid4().hex}"


class ImportRecord(models.Model):
    """One import of a file: who, when, which file, and what it did (or why it was refused)."""

    class Status(models.TextChoices):
        CONTROLEREN = "controleren", _("Wordt gecontroleerd")
        VOORBEELD = "voorbeeld", _("Gecontroleerd, wacht op bevestiging")
        WACHTEND = "wachtend", _("In de wachtrij")
        BEZIG = "bezig", _("Bezig")
        KLAAR = "klaar", _("Klaar")
        GEWEIGERD = "geweigerd", _("Geweigerd: er is niets opgeslagen")
        MISLUKT = "mislukt", _("Mislukt: er is niets opgeslagen")
        VERLOPEN = "verlopen", _("Verlopen: niet bevestigd, het bestand is verwijderd")

    organisatie = models.ForeignKey(
        Organisatie, verbose_name=_("organisatie"), on_delete=models.PROTECT, related_name="+"
    )
    soort = models.CharField(
        _("soort"), max_length=30, help_text=_("meldingen, vrijstellingen, doorstroom of populatie.")
    )
    bestandsnaam = models.CharField(_("bestandsnaam"), max_length=255)
    checksum = models.CharField(_("controlegetal (SHA-256)"), max_length=64)
    bestand = models.FileField(
        _("bestand"),
        storage=private_storage,
        upload_to=import_path,
        blank=True,
        help_text=_("Bewaard tot de import is bevestigd en uitgevoerd."),
    )
    gebruiker = models.ForeignKey(
        User, verbose_name=_("gebruiker"), on_delete=models.PROTECT, null=True, related_name="+"
    )
    via = models.CharField(_("via"), max_length=20, help_text=_("browser, api of commandoregel."))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices)
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), default=timezone.now)
    gestart_op = models.DateTimeField(
        _("gestart op"), null=True, blank=True, help_text=_("Wanneer de controle of de import begon.")
    )
    klaar_op = models.DateTimeField(_("klaar op"), null=True, blank=True)
    rijen = models.PositiveIntegerField(_("rijen"), default=0)
    verwerkt = models.PositiveIntegerField(
        _("verwerkt"), default=0, db_default=0, help_text=_("Rijen gecontroleerd tot nu toe (voortgang).")
    )
    aangemaakt = models.PositiveIntegerField(_("nieuw"), default=0)
    bijgewerkt = models.PositiveIntegerField(_("bijgewerkt"), default=0)
    ongewijzigd = models.PositiveIntegerField(_("ongewijzigd"), default=0)
    problemen = models.JSONField(
        _("problemen"), default=list, blank=True, help_text=_("Rij, kolom, waarde en melding.")
    )
    problemen_totaal = models.PositiveIntegerField(
        _("aantal problemen"),
        default=0,
        db_default=0,
        help_text=_("Alle gevonden problemen; bewaard worden er ten hoogste 1000, een bepaalde tijd."),
    )
    problemen_verwijderd_op = models.DateTimeField(
        _("problemen verwijderd op"), null=True, blank=True, help_text=_("Na de bewaartermijn.")
    )

    class Meta:
        verbose_name = _("import")
        verbose_name_plural = _("imports")
        ordering = ["-aangemaakt_op"]

    def __str__(self):
        return f"{self.soort} {self.bestandsnaam} ({self.aangemaakt_op:%d-%m-%Y %H:%M})"
