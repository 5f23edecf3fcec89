"""Ouders and verzorgers: the persons the Leerplichtwet holds responsible for a jongere.

Art. 2 lid 1 Lpw 1969 obliges "de ouders, de voogd en de verzorgers" (those with gezag or who
care for the child in fact) to see that the child is enrolled and attends. Letters are
addressed to them and a proces-verbaal names one of them as verdachte.
"""

import re

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import access
from .concurrency import VersionedModel
from .constants import GegevensBron, OuderRelatie, OuderWijzigingSoort
from .models import ChoiceLabels, Jongere, Organisatie, User, validate_bsn

_POSTCODE = re.compile(r"^\s*(\d{4})\s*([A-Za-z]{2})\s*$")


def normalise_postcode(value: str) -> str:
    """'2711ab' -> '2711 AB'; anything else unchanged (clean() then names the problem)."""
    match = _POSTCODE.match(value or "")
    return f"{match.group(1)} {match.group(2).upper()}" if match else (value or "").strip()


class OuderQuerySet(access.ScopedQuerySet):
    jongere_path = "jongere__"
    own_organisation = True

    def actief(self):
        return self.filter(actief=True)


class Ouder(ChoiceLabels, VersionedModel):
    """A person with gezag or feitelijke verzorging of one jongere (art. 2 Lpw)."""

    organisatie = models.ForeignKey(
        Organisatie,
        verbose_name=_("organisatie"),
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
        help_text=_("De organisatie van de jongere (afgeleid)."),
    )
    jongere = models.ForeignKey(
        Jongere, verbose_name=_("jongere"), on_delete=models.CASCADE, related_name="ouders"
    )
    bsn = models.CharField(
        _("BSN"),
        max_length=9,
        blank=True,
        validators=[validate_bsn],
        help_text=_("Burgerservicenummer, 9 cijfers (elfproef). Leeg als het niet bekend is."),
    )
    voornamen = models.CharField(_("voornamen"), max_length=200, blank=True)
    voorvoegsel = models.CharField(_("voorvoegsel"), max_length=20, blank=True)
    achternaam = models.CharField(_("achternaam"), max_length=200)
    relatie = models.CharField(
        _("relatie tot de jongere"), max_length=20, choices=OuderRelatie.choices, default=OuderRelatie.OUDER
    )
    gezag = models.BooleanField(
        _("heeft gezag"),
        default=True,
        help_text=_("Ouderlijk gezag of voogdij (art. 2 lid 1 Leerplichtwet)."),
    )
    feitelijke_verzorging = models.BooleanField(
        _("feitelijke verzorging"),
        default=True,
        help_text=_("Zorgt feitelijk voor de jongere, ook zonder gezag (art. 2 lid 1 Leerplichtwet)."),
    )
    straat = models.CharField(_("straat"), max_length=200, blank=True)
    huisnummer = models.CharField(
        _("huisnummer"), max_length=20, blank=True, help_text=_("Met toevoeging, bijvoorbeeld 12a.")
    )
    postcode = models.CharField(
        _("postcode"),
        max_length=7,
        blank=True,
        validators=[
            RegexValidator(
                r"^\d{4} [A-Z]{2}$", _("Een postcode heeft 4 cijfers en 2 letters, bijvoorbeeld 2711 AB.")
            )
        ],
    )
    woonplaats = models.CharField(_("woonplaats"), max_length=100, blank=True)
    telefoon = models.CharField(
        _("telefoon"),
        max_length=20,
        blank=True,
        validators=[
            RegexValidator(
                r"^\+?[0-9 ()-]{6,20}$",
                _("Een telefoonnummer bestaat uit cijfers, eventueel met +, spaties of streepjes."),
            )
        ],
    )
    email = models.EmailField(_("e-mail"), blank=True)
    geheim_adres = models.BooleanField(
        _("geheimhouding adres (BRP)"),
        default=False,
        help_text=_("Het adres mag niet aan derden worden verstrekt (geheimhouding in de BRP)."),
    )
    bron = models.CharField(
        _("bron"), max_length=20, choices=GegevensBron.choices, default=GegevensBron.HANDMATIG
    )
    bron_datum = models.DateField(
        _("bron bijgewerkt op"),
        null=True,
        blank=True,
        help_text=_("Datum van de laatste import of BRP-bevraging."),
    )
    actief = models.BooleanField(
        _("actief"),
        default=True,
        help_text=_(
            "Verwijderde of niet meer in de bron voorkomende ouders blijven voor de geschiedenis bewaard."
        ),
    )
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), default=timezone.now)
    gewijzigd_op = models.DateTimeField(_("gewijzigd op"), default=timezone.now)

    objects = OuderQuerySet.as_manager()

    class Meta:
        verbose_name = _("ouder/verzorger")
        verbose_name_plural = _("ouders/verzorgers")
        ordering = ["-gezag", "-feitelijke_verzorging", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["jongere", "bsn"],
                condition=~Q(bsn="") & Q(actief=True),
                name="ouder_bsn_uniek_per_jongere",
            )
        ]
        indexes = [models.Index(fields=["jongere", "actief"], name="ouder_jongere_actief")]

    def __str__(self):
        return self.volledige_naam

    @property
    def volledige_naam(self) -> str:
        return " ".join(p for p in (self.voornamen, self.voorvoegsel, self.achternaam) if p)

    @property
    def adresregels(self) -> list[str]:
        """The address as lines on an envelope; empty when unknown."""
        lines = [" ".join(p for p in (self.straat, self.huisnummer) if p)]
        lines.append("  ".join(p for p in (self.postcode, self.woonplaats.upper()) if p))
        return [line for line in lines if line.strip()]

    @property
    def adres_sleutel(self) -> str:
        """Identifies the household: ouders with the same key live together (one letter)."""
        if self.postcode and self.huisnummer:
            key = f"{self.postcode}|{self.huisnummer}"
        else:
            key = f"{self.straat}|{self.huisnummer}|{self.woonplaats}"
        return re.sub(r"\s+", "", key).upper()

    @property
    def is_verantwoordelijk(self) -> bool:
        """Holds gezag or cares for the jongere in fact: obliged by art. 2 lid 1 Lpw."""
        return self.gezag or self.feitelijke_verzorging

    def clean(self):
        super().clean()
        self.postcode = normalise_postcode(self.postcode)
        if self.bsn and self.jongere_id and self.bsn == self.jongere.bsn:
            raise ValidationError({"bsn": _("Dit is het BSN van de jongere zelf, niet van een ouder.")})
        if not self.achternaam.strip():
            raise ValidationError({"achternaam": _("Vul de achternaam van de ouder of verzorger in.")})


class OuderWijzigingQuerySet(access.ScopedQuerySet):
    jongere_path = "ouder__jongere__"


class OuderWijziging(models.Model):
    """One change to an ouder, for the dossier's timeline: what happened, to whom, by whom.
    Field names only, no old values: the current record holds the data."""

    ouder = models.ForeignKey(
        Ouder, verbose_name=_("ouder/verzorger"), on_delete=models.CASCADE, related_name="wijzigingen"
    )
    soort = models.CharField(_("soort"), max_length=20, choices=OuderWijzigingSoort.choices)
    velden = models.JSONField(_("gewijzigde velden"), default=list, blank=True)
    bron = models.CharField(_("bron"), max_length=20, choices=GegevensBron.choices)
    gebruiker = models.ForeignKey(
        User,
        verbose_name=_("door"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Leeg bij een import of bevraging zonder gebruiker."),
    )
    tijdstip = models.DateTimeField(_("tijdstip"), default=timezone.now)

    objects = OuderWijzigingQuerySet.as_manager()

    class Meta:
        verbose_name = _("wijziging ouder/verzorger")
        verbose_name_plural = _("wijzigingen ouders/verzorgers")
        ordering = ["-tijdstip", "-pk"]

    def __str__(self):
        return f"{self.get_soort_display()} ({self.tijdstip:%d-%m-%Y})"
