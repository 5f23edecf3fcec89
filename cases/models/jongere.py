"""Jongeren, their dossier and their school history. Reached only through `visible_to(user)`."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Value
from django.db.models.functions import Concat, Upper
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cases import access
from cases.constants import Geslacht, Onderwijssoort
from cases.models.organisatie import Gemeente, Organisatie
from cases.models.school import School
from cases.rules import is_valid_bsn
from cases.zoeknaam import Ontaccent


def validate_bsn(value: str) -> None:
    if not is_valid_bsn(value):
        raise ValidationError(
            _("%(value)s is geen geldig BSN: een BSN heeft 9 cijfers en voldoet aan de elfproef."),
            params={"value": value},
            code="invalid_bsn",
        )


class Jongere(models.Model):
    """A young person as known to one organisation. Sensitive personal data of minors."""

    organisatie = models.ForeignKey(
        Organisatie, verbose_name=_("organisatie"), on_delete=models.PROTECT, related_name="jongeren"
    )
    bsn = models.CharField(
        _("BSN"),
        max_length=9,
        blank=True,
        validators=[validate_bsn],
        help_text=_("Burgerservicenummer, 9 cijfers (elfproef). Leeg als het niet bekend is."),
    )
    voornamen = models.CharField(_("voornamen"), max_length=200)
    tussenvoegsel = models.CharField(_("tussenvoegsel"), max_length=20, blank=True)
    achternaam = models.CharField(_("achternaam"), max_length=200)
    geboortedatum = models.DateField(_("geboortedatum"))
    geslacht = models.CharField(_("geslacht"), max_length=1, choices=Geslacht.choices, blank=True)
    straat = models.CharField(_("straat en huisnummer"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=7, blank=True)
    woonplaats = models.CharField(_("woonplaats"), max_length=100, blank=True)
    woongemeente = models.ForeignKey(
        Gemeente,
        verbose_name=_("woongemeente"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Een van de gemeenten van de organisatie; bepaalt wie het dossier ziet."),
    )
    startkwalificatie_op = models.DateField(
        _("startkwalificatie behaald op"),
        null=True,
        blank=True,
        help_text=_("Diploma havo, vwo of mbo niveau 2 of hoger."),
    )
    extern_id = models.CharField(
        _("extern id"), max_length=64, blank=True, help_text=_("Persoonssleutel in het bronsysteem (import).")
    )
    # One column for searching by (part of) a name, so PostgreSQL answers every word of a search
    # from one trigram index (migration 0007) instead of one index per name part. Without accents,
    # so "chloe" finds "Chloé" (cases/zoeknaam.py).
    zoeknaam = models.GeneratedField(
        expression=Upper(
            Ontaccent(Concat("voornamen", Value(" "), "tussenvoegsel", Value(" "), "achternaam"))
        ),
        output_field=models.TextField(),
        db_persist=True,
        verbose_name=_("zoeknaam"),
    )

    objects = access.JongereQuerySet.as_manager()

    class Meta:
        verbose_name = _("jongere")
        verbose_name_plural = _("jongeren")
        permissions = [("inzageverzoek_jongere", _("Kan een inzageverzoek (AVG art. 15) maken"))]
        ordering = ["achternaam", "voornamen"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisatie", "bsn"],
                condition=~models.Q(bsn=""),
                name="jongere_bsn_uniek_per_organisatie",
            )
        ]
        indexes = [
            models.Index(fields=["organisatie", "achternaam"]),
            models.Index(fields=["organisatie", "geboortedatum"]),
        ]

    def __str__(self):
        return self.volledige_naam

    @property
    def volledige_naam(self) -> str:
        return " ".join(p for p in (self.voornamen, self.tussenvoegsel, self.achternaam) if p)

    def clean(self):
        super().clean()
        if self.geboortedatum and self.geboortedatum > timezone.localdate():
            raise ValidationError(
                {
                    "geboortedatum": _(
                        "De geboortedatum ligt in de toekomst; vul de werkelijke geboortedatum in."
                    )
                }
            )
        if (
            self.organisatie_id
            and self.woongemeente_id
            and not self.organisatie.gemeenten.filter(pk=self.woongemeente_id).exists()
        ):
            raise ValidationError(
                {"woongemeente": _("De woongemeente hoort niet bij de gemeenten van deze organisatie.")}
            )


class Dossier(models.Model):
    """A jongere's file within the organisation: everything on one timeline, over the years."""

    jongere = models.OneToOneField(
        Jongere, verbose_name=_("jongere"), on_delete=models.PROTECT, related_name="dossier"
    )
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), default=timezone.now)
    vernietigd_op = models.DateTimeField(
        _("vernietigd op"),
        null=True,
        blank=True,
        help_text=_("Na vernietiging blijven alleen de anonieme feiten voor het jaarverslag over."),
    )
    overgedragen_op = models.DateField(
        _("overgedragen op"),
        null=True,
        blank=True,
        help_text=_(
            "De jongere is naar een andere gemeente verhuisd en overgedragen; het dossier is sindsdien "
            "alleen te lezen."
        ),
    )

    objects = access.DossierQuerySet.as_manager()

    class Meta:
        verbose_name = _("dossier")
        verbose_name_plural = _("dossiers")

    def __str__(self):
        return _("Dossier %(nummer)s") % {"nummer": self.pk}


class Inschrijving(models.Model):
    """School history: where the jongere was enrolled, from when to when."""

    jongere = models.ForeignKey(
        Jongere, verbose_name=_("jongere"), on_delete=models.CASCADE, related_name="inschrijvingen"
    )
    school = models.ForeignKey(School, verbose_name=_("school"), on_delete=models.PROTECT, related_name="+")
    onderwijssoort = models.CharField(_("onderwijssoort"), max_length=20, choices=Onderwijssoort.choices)
    van = models.DateField(_("ingeschreven van"))
    tot = models.DateField(
        _("ingeschreven tot"), null=True, blank=True, help_text=_("Leeg: nog ingeschreven.")
    )

    objects = access.ViaJongereQuerySet.as_manager()

    class Meta:
        verbose_name = _("inschrijving")
        verbose_name_plural = _("inschrijvingen")
        ordering = ["-van"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(tot__isnull=True) | models.Q(tot__gte=models.F("van")),
                name="inschrijving_tot_na_van",
            )
        ]

    def __str__(self):
        return f"{self.get_onderwijssoort_display()} ({self.van:%d-%m-%Y})"
