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

    gemeente = models.ForeignKey(
        Gemeente, verbose_name=_("gemeente"), on_delete=models.PROTECT, related_name="+"
    )
    schooljaar = models.PositiveSmallIntegerField(
        _("schooljaar"),
        validators=[MinValueValidator(2000)],
        help_text=_("Beginjaar van het schooljaar: 2024 voor 2024-2025."),
    )
    leerplichtigen = models.PositiveIntegerField(_("leerplichtigen"), help_text=_("5 tot en met 16 jaar."))
    kwalificatieplichtigen = models.PositiveIntegerField(
        _("kwalificatieplichtigen"),
        null=True,
        blank=True,
        help_text=_("16-18 jaar zonder startkwalificatie."),
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
            models.UniqueConstraint(
                fields=["gemeente", "schooljaar"], name="populatie_uniek_per_gemeente_jaar"
            )
        ]

    def __str__(self):
        return f"{self.gemeente} {self.schooljaar}-{self.schooljaar + 1}"


class ReportRunStatus(models.TextChoices):
    WACHTEND = "wachtend", _("Wachtend")
    BEZIG = "bezig", _("Bezig")
    KLAAR = "klaar", _("Klaar")
    MISLUKT = "mislukt", _("Mislukt")


class ReportFormaat(models.TextChoices):
    PDF = "pdf", _("PDF")
    JSON = "json", _("JSON")
    XLSX = "xlsx", _("Excel (XLSX)")


ACTIVE_STATUSES = [ReportRunStatus.WACHTEND, ReportRunStatus.BEZIG]


def default_formaten() -> list[str]:
    return [f.value for f in ReportFormaat]


def report_file_path(instance, filename):
    # A random name below the organisation: the download view gives it a readable name.
    extension = filename.rsplit(".", 1)[-1]
    return f"rapportages/{instance.organisatie_id}/{uuid.uuid4().hex}.{extension}"


class ReportRun(models.Model):
    """One background run of the jaarverslag: its parameters, progress and resulting files."""

    organisatie = models.ForeignKey(
        Organisatie,
        verbose_name=_("organisatie"),
        on_delete=models.CASCADE,
        related_name="rapportages",
        help_text=_("De organisatie waarvoor het jaarverslag is gemaakt."),
    )
    schooljaar = models.PositiveSmallIntegerField(
        _("schooljaar"),
        validators=[MinValueValidator(2000)],
        help_text=_("Beginjaar van het schooljaar: 2024 voor 2024-2025."),
    )
    vergelijkingsjaar = models.PositiveSmallIntegerField(
        _("vergelijkingsjaar"),
        null=True,
        blank=True,
        validators=[MinValueValidator(2000)],
        help_text=_("Beginjaar van het schooljaar om mee te vergelijken; leeg voor geen vergelijking."),
    )
    drie_jaren = models.BooleanField(
        _("drie schooljaren"),
        default=False,
        db_default=False,
        help_text=_("De kerncijfers van de laatste drie schooljaren naast elkaar (zoals Roermond)."),
    )
    formaten = models.JSONField(
        _("formaten"),
        default=default_formaten,
        help_text=_("De gevraagde bestanden: pdf, json en/of xlsx."),
    )
    gestart_door = models.ForeignKey(
        User,
        verbose_name=_("gestart door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("De gebruiker die de rapportage heeft gestart."),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ReportRunStatus.choices,
        default=ReportRunStatus.WACHTEND,
        help_text=_("Wachtend, bezig, klaar of mislukt."),
    )
    voortgang = models.PositiveSmallIntegerField(
        _("voortgang"),
        default=0,
        validators=[MaxValueValidator(100)],
        help_text=_("Percentage van 0 tot en met 100."),
    )
    voortgang_tekst = models.CharField(
        _("voortgangstekst"), max_length=200, blank=True, help_text=_("Wat er op dit moment gebeurt.")
    )
    pogingen = models.PositiveSmallIntegerField(
        _("pogingen"),
        default=0,
        help_text=_(
            "Hoe vaak een worker aan deze rapportage is begonnen (na een afgebroken worker meer dan 1)."
        ),
    )
    aangemaakt_op = models.DateTimeField(
        _("aangemaakt op"), default=timezone.now, help_text=_("Wanneer de rapportage is aangevraagd.")
    )
    gestart_op = models.DateTimeField(
        _("gestart op"), null=True, blank=True, help_text=_("Wanneer een worker eraan begon.")
    )
    klaar_op = models.DateTimeField(
        _("klaar op"), null=True, blank=True, help_text=_("Wanneer de rapportage klaar of mislukt was.")
    )
    pdf_bestand = models.FileField(
        _("PDF-bestand"),
        storage=private_storage,
        upload_to=report_file_path,
        blank=True,
        help_text=_("Het jaarverslag als PDF, in de afgeschermde opslag."),
    )
    json_bestand = models.FileField(
        _("JSON-bestand"),
        storage=private_storage,
        upload_to=report_file_path,
        blank=True,
        help_text=_("De tabellen als JSON, in de afgeschermde opslag."),
    )
    xlsx_bestand = models.FileField(
        _("XLSX-bestand"),
        storage=private_storage,
        upload_to=report_file_path,
        blank=True,
        help_text=_("De tabellen als Excel-werkmap, in de afgeschermde opslag."),
    )
    foutmelding = models.TextField(
        _("foutmelding"),
        blank=True,
        help_text=_(
            "Uitleg voor de gebruiker als de rapportage mislukte; de technische details staan in het log."
        ),
    )
    paginas = models.PositiveIntegerField(
        _("aantal pagina's"), null=True, blank=True, help_text=_("Het aantal pagina's van de PDF.")
    )
    databasis = models.TextField(
        _("gegevensbasis"),
        blank=True,
        help_text=_("Uit welke gegevens de rapportage is berekend; staat ook in het colofon."),
    )
    controle = models.JSONField(
        _("controle"),
        default=list,
        db_default=models.Value([], output_field=models.JSONField()),
        blank=True,
        help_text=_("Getallen die elkaar tegenspreken (controle bij het maken), in het Nederlands."),
    )

    class Meta:
        verbose_name = _("rapportage")
        verbose_name_plural = _("rapportages")
        ordering = ["-aangemaakt_op", "-pk"]
        permissions = [
            ("view_teamoverzicht", _("Kan het teamoverzicht van de werkvoorraad zien (aantallen)"))
        ]
        constraints = [
            # One waiting or busy run per organisation and parameters; finished ones may repeat.
            models.UniqueConstraint(
                F("organisatie"),
                F("schooljaar"),
                Coalesce(F("vergelijkingsjaar"), Value(0)),
                F("drie_jaren"),
                condition=Q(status__in=ACTIVE_STATUSES),
                name="reportrun_een_actieve_per_parameters",
            ),
        ]

    def __str__(self):
        return f"{self.organisatie} {self.schooljaar_label}"

    @property
    def schooljaar_label(self) -> str:
        return f"{self.schooljaar}-{self.schooljaar + 1}"

    @property
    def vergelijkingsjaar_label(self) -> str:
        if self.vergelijkingsjaar is None:
            return ""
        return f"{self.vergelijkingsjaar}-{self.vergelijkingsjaar + 1}"

    @property
    def is_active(self) -> bool:
        return self.status in ACTIVE_STATUSES

    def bestand(self, formaat: str):
        """The stored file of one format (a FieldFile, falsy when absent)."""
        return getattr(self, f"{ReportFormaat(formaat).value}_bestand")

    def downloads(self) -> list[str]:
        return [f for f in ReportFormaat.values if self.bestand(f)]


def logo_path(instance, filename):
    extension = filename.rsplit(".", 1)[-1].lower()
    return f"huisstijl/{instance.organisatie_id}/{uuid.uuid4().hex}.{extension}"


class Huisstijl(models.Model):
    """What the cover of an organisation's jaarverslag shows: its logo (uploaded in beheer)."""

    organisatie = models.OneToOneField(
        Organisatie,
        verbose_name=_("organisatie"),
        on_delete=models.CASCADE,
        related_name="huisstijl",
    )
    logo = models.FileField(
        _("logo"),
        storage=private_storage,
        upload_to=logo_path,
        blank=True,
        help_text=_("PNG of JPEG, hoogstens 500 kB. Staat op de voorpagina van het jaarverslag."),
    )
    logo_tekst = models.CharField(
        _("beschrijving van het logo"),
        max_length=200,
        blank=True,
        help_text=_(
            "Alternatieve tekst voor wie het logo niet ziet, bijvoorbeeld ‘Logo gemeente Voorbeeldstad’."
        ),
    )

    class Meta:
        verbose_name = _("huisstijl jaarverslag")
        verbose_name_plural = _("huisstijl jaarverslag")

    def __str__(self):
        return str(self.organisatie)


class JaarverslagTekst(models.Model):
    """A text the teamleider writes for the jaarverslag (Markdown): the voorwoord, the
    introduction of a part, or the toelichting of a table. Per organisation and schooljaar."""

    organisatie = models.ForeignKey(
        Organisatie, verbose_name=_("organisatie"), on_delete=models.CASCADE, related_name="+"
    )
    schooljaar = models.PositiveSmallIntegerField(
        _("schooljaar"),
        validators=[MinValueValidator(2000)],
        help_text=_("Beginjaar van het schooljaar: 2024 voor 2024-2025."),
    )
    sleutel = models.CharField(
        _("plaats"),
        max_length=80,
        help_text=_("voorwoord, deel:leerplicht, deel:doorstroom of tabel:<tabel-id>."),
    )
    tekst = models.TextField(
        _("tekst"), blank=True, help_text=_("Markdown: kopjes, lijsten, vet en cursief.")
    )
    bijgewerkt_door = models.ForeignKey(
        User,
        verbose_name=_("bijgewerkt door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    bijgewerkt_op = models.DateTimeField(_("bijgewerkt op"), default=timezone.now)

    class Meta:
        verbose_name = _("tekst jaarverslag")
        verbose_name_plural = _("teksten jaarverslag")
        constraints = [
            models.UniqueConstraint(
                fields=["organisatie", "schooljaar", "sleutel"], name="jaarverslagtekst_uniek"
            )
        ]

    def __str__(self):
        return f"{self.sleutel} {self.schooljaar}"
