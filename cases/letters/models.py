"""Letter templates per organisation, and the letters made from them (one background job each)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cases import access
from cases.concurrency import VersionedModel
from cases.constants import BriefSoort, BriefStatus
from cases.letters.placeholders import validate_template_text
from cases.models import Actie, Document, Dossier, Organisatie, OwnedByOrganisation, User


class BriefSjabloon(VersionedModel):
    """The text of one kind of letter for one organisation, with placeholders such as
    {{ jongere.naam }}. Edited by the functioneel beheerder; never executed as a template."""

    organisatie = models.ForeignKey(
        Organisatie, verbose_name=_("organisatie"), on_delete=models.CASCADE, related_name="briefsjablonen"
    )
    soort = models.CharField(
        _("soort brief"),
        max_length=40,
        choices=BriefSoort.choices,
        help_text=_("Bepaalt bij welke melding, aanvraag of traject de brief te maken is."),
    )
    naam = models.CharField(_("naam"), max_length=200, help_text=_("Zoals medewerkers het sjabloon kiezen."))
    onderwerp = models.CharField(
        _("onderwerp"), max_length=300, help_text=_("Onderwerpregel van de brief; plaatshouders toegestaan.")
    )
    inhoud = models.TextField(
        _("inhoud"),
        help_text=_(
            "Platte tekst met plaatshouders zoals {{ jongere.naam }}; een lege regel begint een nieuwe "
            "alinea. Briefhoofd, adres, datum en ondertekening voegt het systeem zelf toe."
        ),
    )
    actief = models.BooleanField(
        _("actief"),
        default=True,
        help_text=_("Alleen actieve sjablonen zijn te kiezen bij het maken van een brief."),
    )
    gewijzigd_op = models.DateTimeField(_("gewijzigd op"), default=timezone.now)
    gewijzigd_door = models.ForeignKey(
        User,
        verbose_name=_("gewijzigd door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Leeg bij het standaardsjabloon."),
    )

    class Meta:
        verbose_name = _("briefsjabloon")
        verbose_name_plural = _("briefsjablonen")
        ordering = ["organisatie", "soort"]
        constraints = [
            models.UniqueConstraint(fields=["organisatie", "soort"], name="briefsjabloon_uniek_per_soort")
        ]

    def __str__(self):
        return self.naam

    def clean(self):
        super().clean()
        errors = {}
        for field in ("onderwerp", "inhoud"):
            try:
                validate_template_text(getattr(self, field) or "")
            except ValidationError as exc:
                errors[field] = exc.messages
        if errors:
            raise ValidationError(errors)


class BriefQuerySet(access.ScopedQuerySet):
    jongere_path = "dossier__jongere__"


class Brief(OwnedByOrganisation):
    """One letter made for a melding, aanvraag or traject: the request renders its HTML, a
    Celery task lays it out as PDF, stores it as a dossier document and records the action."""

    dossier = models.ForeignKey(
        Dossier, verbose_name=_("dossier"), on_delete=models.CASCADE, related_name="brieven"
    )
    sjabloon = models.ForeignKey(
        BriefSjabloon, verbose_name=_("sjabloon"), on_delete=models.PROTECT, related_name="brieven"
    )
    soort = models.CharField(_("soort brief"), max_length=40, choices=BriefSoort.choices)
    bron = models.CharField(_("bron"), max_length=20, help_text=_("melding, vrijstelling of traject."))
    bron_id = models.BigIntegerField(_("bron-id"))
    datum = models.DateField(_("datum van de brief"))
    # A TextField: it names the jongere, and destroying a dossier blanks every text field.
    onderwerp = models.TextField(_("onderwerp"))
    html = models.TextField(
        _("opgemaakte brief"),
        blank=True,
        help_text=_("De HTML voor de PDF; leeggemaakt zodra de PDF in het dossier staat."),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=BriefStatus.choices, default=BriefStatus.WACHTEND
    )
    foutmelding = models.TextField(_("foutmelding"), blank=True)
    document = models.OneToOneField(
        Document,
        verbose_name=_("document"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="brief",
    )
    actie = models.OneToOneField(
        Actie, verbose_name=_("actie"), on_delete=models.SET_NULL, null=True, blank=True, related_name="brief"
    )
    aangemaakt_door = models.ForeignKey(
        User, verbose_name=_("gemaakt door"), on_delete=models.PROTECT, related_name="+"
    )
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), default=timezone.now)
    klaar_op = models.DateTimeField(_("klaar op"), null=True, blank=True)
    # Who the letter went to (art. 2 Lpw: each responsible ouder, one letter per address). The
    # names and address are kept as sent, even when the ouder's data changes later.
    ouder = models.ForeignKey(
        "cases.Ouder",
        verbose_name=_("geadresseerde ouder"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="brieven",
        help_text=_("Leeg bij een brief aan de school, de jongere zelf of zonder vastgelegde ouders."),
    )
    geadresseerde = models.TextField(
        _("geadresseerde"), blank=True, db_default="", help_text=_("Naam of namen zoals op de brief.")
    )
    adres = models.TextField(
        _("adres"), blank=True, db_default="", help_text=_("Het adres zoals op de brief.")
    )
    zending = models.UUIDField(
        _("zending"), null=True, blank=True, help_text=_("Brieven die samen zijn gemaakt (één per adres).")
    )

    objects = BriefQuerySet.as_manager()

    class Meta:
        verbose_name = _("brief")
        verbose_name_plural = _("brieven")
        ordering = ["-aangemaakt_op", "-pk"]

    def __str__(self):
        return f"{self.get_soort_display()} ({self.datum:%d-%m-%Y})"

    @property
    def is_active(self) -> bool:
        return self.status in (BriefStatus.WACHTEND, BriefStatus.BEZIG)
