"""Schools (locations with a BRIN), shared reference data."""

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from cases.constants import Onderwijssoort


class School(models.Model):
    """An onderwijsinstelling (BRIN + vestiging). Reference data, no personal data."""

    brin = models.CharField(
        _("BRIN"),
        max_length=4,
        validators=[
            RegexValidator(
                r"^\d{2}[A-Z]{2}$|^[0-9A-Z]{4}$", _("Een BRIN-code heeft 4 tekens, bijvoorbeeld 12AB.")
            )
        ],
        help_text=_("De BRIN-code van DUO, 4 tekens."),
    )
    vestiging = models.CharField(
        _("vestiging"),
        max_length=2,
        blank=True,
        validators=[RegexValidator(r"^\d{2}$", _("Een vestigingsnummer heeft 2 cijfers."))],
        help_text=_("Vestigingsnummer (2 cijfers), leeg voor de hoofdvestiging."),
    )
    naam = models.CharField(_("naam"), max_length=200)
    plaats = models.CharField(_("plaats"), max_length=100, blank=True)
    # The gemeente DUO's register gives the location (manage.py import_scholen). Decides whether a
    # school is in an organisation's region; without it the plaats does (cases/scholen.py).
    gemeente = models.ForeignKey(
        "cases.Gemeente",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="scholen",
        verbose_name=_("gemeente"),
        help_text=_("De gemeente van de vestiging volgens het register van DUO."),
    )
    onderwijssoorten = models.JSONField(
        _("onderwijssoorten"),
        default=list,
        blank=True,
        help_text=_("Codes uit de lijst onderwijssoorten, bijvoorbeeld ['vmbo', 'havo']."),
    )
    contact_email = models.EmailField(_("e-mail verzuimcoördinator"), blank=True)
    contact_telefoon = models.CharField(_("telefoon"), max_length=20, blank=True)

    class Meta:
        verbose_name = _("school")
        verbose_name_plural = _("scholen")
        ordering = ["naam"]
        constraints = [
            models.UniqueConstraint(fields=["brin", "vestiging"], name="school_brin_vestiging_uniek")
        ]

    def __str__(self):
        return f"{self.naam} ({self.brin}{self.vestiging})"

    def clean(self):
        super().clean()
        unknown = sorted(set(self.onderwijssoorten) - set(Onderwijssoort.values))
        if unknown:
            raise ValidationError(
                {
                    "onderwijssoorten": _("Onbekende onderwijssoort(en): %(codes)s.")
                    % {"codes": ", ".join(unknown)}
                }
            )
