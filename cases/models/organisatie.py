"""Organisations, the gemeenten they serve, and their users."""

from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from cases.constants import Bewaartermijn


class Gemeente(models.Model):
    code = models.CharField(
        _("CBS-gemeentecode"),
        max_length=6,
        unique=True,
        validators=[RegexValidator(r"^GM\d{4}$", _("Een gemeentecode is GM gevolgd door 4 cijfers."))],
        help_text=_("De code van het CBS, bijvoorbeeld GM0637."),
    )
    naam = models.CharField(_("naam"), max_length=100, help_text=_("Officiële gemeentenaam."))

    class Meta:
        verbose_name = _("gemeente")
        verbose_name_plural = _("gemeenten")
        ordering = ["naam"]

    def __str__(self):
        return self.naam


class Organisatie(models.Model):
    """The team that does the work: one gemeente, or a contactgemeente for several."""

    slug = models.SlugField(
        _("korte naam"), unique=True, help_text=_("Vaste sleutel, bijvoorbeeld 'zoetermeer'.")
    )
    naam = models.CharField(_("naam"), max_length=200, help_text=_("Naam zoals op rapportages en brieven."))
    gemeenten = models.ManyToManyField(
        Gemeente,
        verbose_name=_("gemeenten"),
        related_name="organisaties",
        help_text=_("De gemeenten waarvoor deze organisatie de leerplichttaken uitvoert."),
    )
    bewaartermijn = models.CharField(
        _("bewaartermijn dossiers"),
        max_length=20,
        choices=Bewaartermijn.choices,
        default=Bewaartermijn.SELECTIELIJST,
        help_text=_(
            "Selectielijst 2020: leerplichtdossiers 19 jaar na de geboortedatum (12.1.3), "
            "kwalificatieplicht 2 jaar na het einde ervan (12.1.4); of de kortere termijn van de "
            "Wpg: 5 jaar na de laatste activiteit op het dossier."
        ),
    )
    briefhoofd_adres = models.TextField(
        _("briefhoofd: adres"),
        blank=True,
        help_text=_(
            "Afzender op brieven, één regel per adresregel (bijvoorbeeld Postbus 15, 2700 AA Zoetermeer)."
        ),
    )
    briefhoofd_telefoon = models.CharField(
        _("briefhoofd: telefoon"), max_length=30, blank=True, help_text=_("Telefoonnummer op brieven.")
    )
    briefhoofd_email = models.EmailField(
        _("briefhoofd: e-mail"), blank=True, help_text=_("E-mailadres op brieven.")
    )
    ondertekening_naam = models.CharField(
        _("ondertekening: naam"),
        max_length=200,
        blank=True,
        db_default="",  # the previous release inserts without it during an upgrade
        help_text=_(
            "Wie de brieven ondertekent, bijvoorbeeld de teamleider. Leeg: de medewerker die de brief maakt."
        ),
    )
    ondertekening_functie = models.CharField(
        _("ondertekening: functie"),
        max_length=200,
        blank=True,
        db_default="",  # the previous release inserts without it during an upgrade
        help_text=_(
            "Bijvoorbeeld 'Teamleider Leerplicht, namens het college van burgemeester en wethouders'."
        ),
    )

    class Meta:
        verbose_name = _("organisatie")
        verbose_name_plural = _("organisaties")
        ordering = ["naam"]

    def __str__(self):
        return self.naam


class User(AbstractUser):
    """A user belongs to one organisation and may be restricted to some of its gemeenten."""

    organisatie = models.ForeignKey(
        Organisatie,
        verbose_name=_("organisatie"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="gebruikers",
        help_text=_("Zonder organisatie ziet een gebruiker geen persoonsgegevens."),
    )
    gemeenten = models.ManyToManyField(
        Gemeente,
        verbose_name=_("beperkt tot gemeenten"),
        blank=True,
        related_name="+",
        help_text=_("Leeg: alle gemeenten van de organisatie."),
    )
    dagelijks_overzicht = models.BooleanField(
        _("dagelijks overzicht per e-mail"),
        default=True,
        help_text=_(
            "Elke ochtend een e-mail met nieuw toegewezen werk en termijnen die naderen of verstreken "
            "zijn (alleen aantallen, data en links, geen persoonsgegevens)."
        ),
    )

    class Meta:
        verbose_name = _("gebruiker")
        verbose_name_plural = _("gebruikers")

    def clean(self):
        super().clean()
        if self.is_superuser and self.organisatie_id:
            # Superusers configure; they never double as case workers.
            raise ValidationError(_("Een superuser hoort niet bij een organisatie."))
