"""The shared core: organisations, users, jongeren and their dossiers, schools, code lists and
the processing log. Personal data is reached only through `visible_to(user)` (cases/access.py).
"""

import functools
import os
import uuid

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Value
from django.db.models.functions import Concat, Upper
from django.utils import timezone
from django.utils.encoding import force_str
from django.utils.hashable import make_hashable
from django.utils.translation import gettext_lazy as _

from . import access
from .constants import (
    ActieSoort,
    Bewaartermijn,
    Codelijst,
    Geslacht,
    Onderwijssoort,
)
from .rules import is_valid_bsn
from .zoeknaam import Ontaccent


def validate_bsn(value: str) -> None:
    if not is_valid_bsn(value):
        raise ValidationError(
            _("%(value)s is geen geldig BSN: een BSN heeft 9 cijfers en voldoet aan de elfproef."),
            params={"value": value},
            code="invalid_bsn",
        )


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

    objects = access.DossierQuerySet.as_manager()

    class Meta:
        verbose_name = _("dossier")
        verbose_name_plural = _("dossiers")

    def __str__(self):
        return _("Dossier %(nummer)s") % {"nummer": self.pk}


@functools.cache
def _choice_labels(field) -> dict:
    return dict(make_hashable(field.flatchoices))


class ChoiceLabels:
    """`get_<field>_display()` from a dict built once per field. Django rebuilds that dict from the
    (lazily translated) choices on every call, which made the labels half the cost of rendering
    a werkvoorraad row. The label is still translated at each call."""

    def _get_FIELD_display(self, field):  # noqa: N802 - Django's name
        value = getattr(self, field.attname)
        return force_str(_choice_labels(field).get(make_hashable(value), value), strings_only=True)


class OwnedByOrganisation(ChoiceLabels, models.Model):
    """A record on a dossier that also carries its organisation, so the jaarverslag and the
    lists of a large organisation select on (organisatie, date) without joining through every
    jongere. Filled from the dossier on save; bulk inserts set it themselves."""

    organisatie = models.ForeignKey(
        Organisatie,
        verbose_name=_("organisatie"),
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
        help_text=_("De organisatie van het dossier (afgeleid)."),
    )

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.organisatie_id is None and self.dossier_id is not None:
            self.organisatie_id = (
                Dossier.objects.filter(pk=self.dossier_id)
                .values_list("jongere__organisatie_id", flat=True)
                .get()
            )
        super().save(*args, **kwargs)


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


class Actie(OwnedByOrganisation):
    """A dated entry on a dossier's timeline, made by a user."""

    dossier = models.ForeignKey(
        Dossier, verbose_name=_("dossier"), on_delete=models.CASCADE, related_name="acties"
    )
    soort = models.CharField(_("soort"), max_length=40, choices=ActieSoort.choices)
    datum = models.DateField(_("datum"), help_text=_("De dag waarop de actie plaatsvond."))
    omschrijving = models.TextField(_("omschrijving"), blank=True)
    gebruiker = models.ForeignKey(
        User, verbose_name=_("vastgelegd door"), on_delete=models.PROTECT, related_name="+"
    )
    vastgelegd_op = models.DateTimeField(_("vastgelegd op"), default=timezone.now)

    objects = access.ViaDossierQuerySet.as_manager()

    class Meta:
        verbose_name = _("actie")
        verbose_name_plural = _("acties")
        ordering = ["-datum", "-vastgelegd_op"]
        indexes = [
            models.Index(fields=["dossier", "-datum"]),
            # The jaarverslag counts actions of one kind in a schooljaar per organisation.
            models.Index(fields=["organisatie", "soort", "datum"], name="actie_org_soort_datum"),
        ]

    def __str__(self):
        return f"{self.get_soort_display()} ({self.datum:%d-%m-%Y})"


class PrivateStorage(FileSystemStorage):
    """Files outside any public URL; only authorised views serve them. The location is read
    from settings each time, so tests (and operators) can point it elsewhere."""

    def __init__(self):
        super().__init__(base_url=None)

    @property
    def base_location(self):
        return str(settings.PRIVATE_MEDIA_ROOT)

    @property
    def location(self):
        return os.path.abspath(self.base_location)


def private_storage():
    return PrivateStorage()


def document_path(instance, filename):
    # A random name: the original file name may hold personal data and stays in `naam`.
    return f"documenten/{instance.dossier_id}/{uuid.uuid4().hex}"


class Document(models.Model):
    """A file in a dossier (e.g. a doctor's statement for a 5a vrijstelling)."""

    dossier = models.ForeignKey(
        Dossier, verbose_name=_("dossier"), on_delete=models.CASCADE, related_name="documenten"
    )
    bestand = models.FileField(_("bestand"), storage=private_storage, upload_to=document_path)
    naam = models.CharField(
        _("bestandsnaam"), max_length=200, help_text=_("De naam van het geüploade bestand.")
    )
    omschrijving = models.CharField(_("omschrijving"), max_length=200, blank=True)
    content_type = models.CharField(_("bestandstype"), max_length=100)
    grootte = models.PositiveIntegerField(_("grootte in bytes"))
    geupload_door = models.ForeignKey(
        User, verbose_name=_("geüpload door"), on_delete=models.PROTECT, related_name="+"
    )
    geupload_op = models.DateTimeField(_("geüpload op"), default=timezone.now)

    objects = access.ViaDossierQuerySet.as_manager()

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documenten")
        ordering = ["-geupload_op"]

    def __str__(self):
        return self.naam


class CodeItem(models.Model):
    """One entry of an organisation's configurable code list. Retired, never deleted."""

    organisatie = models.ForeignKey(
        Organisatie, verbose_name=_("organisatie"), on_delete=models.CASCADE, related_name="codes"
    )
    lijst = models.CharField(_("lijst"), max_length=40, choices=Codelijst.choices)
    label = models.CharField(
        _("label"), max_length=200, help_text=_("Zoals gebruikers en rapportages het zien.")
    )
    categorie = models.CharField(
        _("categorie"),
        max_length=100,
        blank=True,
        help_text=_("Hoofdcategorie, voor lijsten met detailregels (uitstroom)."),
    )
    samenvatting = models.CharField(
        _("samenvatting"),
        max_length=100,
        blank=True,
        help_text=_("Groep in 'Leerplicht in een oogopslag' van het jaarverslag (alleen resultaten)."),
    )
    volgorde = models.PositiveIntegerField(
        _("volgorde"), default=0, help_text=_("Volgorde in formulieren en tabellen.")
    )
    actief = models.BooleanField(
        _("actief"), default=True, help_text=_("Uitgefaseerde codes blijven bestaan voor oude gegevens.")
    )

    class Meta:
        verbose_name = _("code")
        verbose_name_plural = _("codelijsten")
        ordering = ["organisatie", "lijst", "volgorde", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisatie", "lijst", "categorie", "label"], name="codeitem_label_uniek"
            )
        ]

    def __str__(self):
        return f"{self.categorie}: {self.label}" if self.categorie else self.label

    def delete(self, *args, **kwargs):
        raise ValidationError(_("Codes worden niet verwijderd maar uitgefaseerd (actief uit)."))


def import_path(instance, filename):
    return f"imports/{instance.organisatie_id}/{uuid.uuid4().hex}"


class ImportRecord(models.Model):
    """One import of a file: who, when, which file, and what it did (or why it was refused)."""

    class Status(models.TextChoices):
        VOORBEELD = "voorbeeld", _("Gecontroleerd, wacht op bevestiging")
        WACHTEND = "wachtend", _("In de wachtrij")
        BEZIG = "bezig", _("Bezig")
        KLAAR = "klaar", _("Klaar")
        GEWEIGERD = "geweigerd", _("Geweigerd: er is niets opgeslagen")

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
    klaar_op = models.DateTimeField(_("klaar op"), null=True, blank=True)
    rijen = models.PositiveIntegerField(_("rijen"), default=0)
    aangemaakt = models.PositiveIntegerField(_("nieuw"), default=0)
    bijgewerkt = models.PositiveIntegerField(_("bijgewerkt"), default=0)
    ongewijzigd = models.PositiveIntegerField(_("ongewijzigd"), default=0)
    problemen = models.JSONField(
        _("problemen"), default=list, blank=True, help_text=_("Rij, kolom, waarde en melding.")
    )

    class Meta:
        verbose_name = _("import")
        verbose_name_plural = _("imports")
        ordering = ["-aangemaakt_op"]

    def __str__(self):
        return f"{self.soort} {self.bestandsnaam} ({self.aangemaakt_op:%d-%m-%Y %H:%M})"


from .audit_models import AuditEntry  # noqa: E402, F401
from .letter_models import Brief, BriefSjabloon  # noqa: E402, F401
from .retention_models import VernietigingsVoorstel  # noqa: E402, F401
from .termijn_models import DigestVerzending, SchoolVakantie  # noqa: E402, F401
from .toewijzing_models import Toewijzing  # noqa: E402, F401
