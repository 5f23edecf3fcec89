"""Tables of the deadline calendar and the daily e-mail digest."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cases.constants import Signaal
from cases.models import Organisatie, User


def termijn_fields(soorten):
    """The deadline state the daily job stores (cases.termijnen_signaleren); read-only elsewhere."""
    return {
        "termijn_op": models.DateField(
            _("eerstvolgende termijn"),
            null=True,
            blank=True,
            editable=False,
            help_text=_(
                "Uiterste datum van de eerstvolgende open termijn; bijgewerkt door de dagelijkse taak."
            ),
        ),
        "termijn_soort": models.CharField(
            _("soort termijn"), max_length=20, choices=soorten, blank=True, editable=False
        ),
        "signaal": models.CharField(
            _("signaal termijn"),
            max_length=20,
            choices=Signaal.choices,
            blank=True,
            editable=False,
            help_text=_("Termijn nadert (binnen 2 werkdagen) of verstreken; leeg: niets te melden."),
        ),
    }


def signaal_index(name: str) -> models.Index:
    """Partial index: only items with a signal, so it stays small at a million rows."""
    return models.Index(fields=["behandelaar", "signaal"], condition=~models.Q(signaal=""), name=name)


class SchoolVakantie(models.Model):
    """A school holiday of an organisation's region; terms that skip school holidays do not
    count these days."""

    organisatie = models.ForeignKey(
        Organisatie, verbose_name=_("organisatie"), on_delete=models.CASCADE, related_name="schoolvakanties"
    )
    naam = models.CharField(_("naam"), max_length=100, help_text=_("Bijvoorbeeld 'Herfstvakantie 2026'."))
    van = models.DateField(_("van"), help_text=_("Eerste vakantiedag."))
    tot = models.DateField(_("tot en met"), help_text=_("Laatste vakantiedag."))

    class Meta:
        verbose_name = _("schoolvakantie")
        verbose_name_plural = _("schoolvakanties")
        ordering = ["van"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(tot__gte=models.F("van")), name="schoolvakantie_tot_na_van"
            )
        ]

    def __str__(self):
        return f"{self.naam} ({self.van:%d-%m-%Y} – {self.tot:%d-%m-%Y})"


class DigestVerzending(models.Model):
    """One daily digest sent to one user: at most one per user and day. `toegewezen` holds the
    keys (kind and id, no personal data) of the items assigned at that moment, so the next
    digest can tell which assignments are new."""

    gebruiker = models.ForeignKey(
        User, verbose_name=_("gebruiker"), on_delete=models.CASCADE, related_name="digests"
    )
    datum = models.DateField(_("datum"))
    verzonden_op = models.DateTimeField(_("verzonden op"), default=timezone.now)
    toegewezen = models.JSONField(
        _("toegewezen werk"), default=list, help_text=_("Sleutels zoals 'melding:12'; geen persoonsgegevens.")
    )

    class Meta:
        verbose_name = _("verzonden dagelijks overzicht")
        verbose_name_plural = _("verzonden dagelijkse overzichten")
        ordering = ["-datum", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["gebruiker", "datum"], name="digest_een_per_dag"),
        ]

    def __str__(self):
        return f"{self.gebruiker_id} {self.datum:%d-%m-%Y}"
