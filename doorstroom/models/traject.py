from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cases.concurrency import VersionedModel
from cases.constants import Codelijst, TermijnEenheid
from cases.models import CodeItem, Dossier, Organisatie, OwnedByOrganisation
from cases.termijnen.models import signaal_index, termijn_fields

from ..constants import FASE_VAN_STAP, STAP_ORDER, Bron, Doelgroep, Stap, TrajectTermijnSoort, VerzuimAfloop
from .querysets import TrajectQuerySet, ViaTrajectQuerySet


def _code(lijsten, verbose_name, help_text, related_name="+"):
    """A nullable link to an organisation's code list item (reasons, outflow, results)."""
    return models.ForeignKey(
        CodeItem,
        verbose_name=verbose_name,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name=related_name,
        limit_choices_to={"lijst__in": [str(lijst) for lijst in lijsten]},
        help_text=help_text,
    )


class Traject(OwnedByOrganisation, VersionedModel):
    """A jongere in one doelgroep of the Doorstroompunt, walking the Routekaart on their dossier."""

    dossier = models.ForeignKey(
        Dossier,
        verbose_name=_("dossier"),
        on_delete=models.PROTECT,
        related_name="trajecten",
        help_text=_("Het dossier van de jongere; de leerplichtgeschiedenis staat op dezelfde tijdlijn."),
    )
    doelgroep = models.CharField(
        _("doelgroep"),
        max_length=30,
        choices=Doelgroep.choices,
        help_text=_("Bepaalt de route door de Routekaart en de tabellen van het jaarverslag."),
    )
    stap = models.CharField(
        _("stap"),
        max_length=40,
        choices=Stap.choices,
        default=Stap.SIGNALEREN,
        help_text=_("De huidige stap van de Routekaart; alleen te wijzigen via een stapwijziging."),
    )
    stap_sinds = models.DateField(
        _("in deze stap sinds"),
        default=timezone.localdate,
        help_text=_("Datum van de laatste stapwijziging."),
    )
    bron = models.CharField(
        _("bron van het signaal"),
        max_length=30,
        choices=Bron.choices,
        blank=True,
        help_text=_("Waar het signaal vandaan kwam, bijvoorbeeld een overdracht van leerplicht."),
    )
    gemeld_op = models.DateField(
        _("gemeld op"), help_text=_("Datum van het signaal; bepaalt het schooljaar in het jaarverslag.")
    )
    uitval_op = models.DateField(
        _("uitgevallen op"),
        null=True,
        blank=True,
        help_text=_("Datum waarop de jongere het onderwijs verliet; de leeftijd bij uitval volgt hieruit."),
    )
    onderwijsachtergrond = _code(
        [Codelijst.DSP_ONDERWIJSACHTERGROND],
        _("onderwijsachtergrond"),
        _("Het onderwijs waaruit de jongere uitviel (Tabel 13)."),
    )
    herkomst = _code(
        [Codelijst.DSP_HERKOMST_KWETSBAAR],
        _("herkomst (kwetsbare jongere)"),
        _("Praktijkonderwijs, VSO of Entree; alleen bij jongeren in een kwetsbare positie (Tabel 16)."),
    )
    reden = _code(
        [Codelijst.DSP_REDEN_UITVAL, Codelijst.DSP_REDEN_ZORG_18PLUS],
        _("reden"),
        _("Reden van uitval, of bij een zorgmelding 18+ de reden van de zorg."),
    )
    toelichting = models.TextField(
        _("toelichting op het signaal"), blank=True, help_text=_("Wat er gemeld is en door wie.")
    )
    behandelaar = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("doorstroomcoach"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="trajecten",
        help_text=_("De coach of casemanager die het traject begeleidt; leeg is nog niet toegewezen."),
    )
    begeleid = models.BooleanField(
        _("begeleid"),
        null=True,
        blank=True,
        help_text=_("Is de jongere begeleid (ja), niet begeleid (nee) of nog niet bepaald (leeg)."),
    )
    reden_niet_begeleid = _code(
        [Codelijst.DSP_REDEN_NIET_BEGELEID],
        _("reden niet begeleid"),
        _("Waarom de jongere geen gebruik maakte van het begeleidingsaanbod (Grafiek 5, Tabel 15)."),
    )
    uitstroom = _code(
        [Codelijst.DSP_UITSTROOM, Codelijst.DSP_UITSTROOM_KWETSBAAR],
        _("uitstroom"),
        _("Waar de jongere naartoe uitstroomt: categorie en detail (Tabel 14, 17)."),
    )
    resultaat = _code(
        [
            Codelijst.RESULTAAT_VERZUIM_18PLUS,
            Codelijst.RESULTAAT_NIEUW_VSV,
            Codelijst.RESULTAAT_JONGEREN_IN_BEELD,
        ],
        _("resultaat"),
        _("Resultaat van het werkproces, voor organisaties die resultaten registreren."),
    )
    verzuim_afloop = models.CharField(
        _("afloop verzuim 18+"),
        max_length=20,
        choices=VerzuimAfloop.choices,
        blank=True,
        help_text=_("Alleen bij verzuim 18+: opleiding voortgezet of voortijdig gestopt."),
    )
    afgesloten_op = models.DateField(
        _("afgesloten op"), null=True, blank=True, help_text=_("Leeg zolang het traject loopt.")
    )
    nazorg_op = models.DateField(
        _("nazorg gepland op"),
        null=True,
        blank=True,
        help_text=_("Een jaar na afsluiten wordt nagegaan waar de jongere is."),
    )
    nazorg_gesignaleerd_op = models.DateField(
        _("nazorg gesignaleerd op"),
        null=True,
        blank=True,
        help_text=_(
            "Gezet door de dagelijkse taak zodra de nazorg aan de beurt is; "
            "dan staat het traject in de caseload."
        ),
    )
    nazorg_uitgevoerd_op = models.DateField(
        _("nazorg uitgevoerd op"), null=True, blank=True, help_text=_("Datum van het nazorgcontact.")
    )
    nazorg_situatie = _code(
        [Codelijst.DSP_UITSTROOM, Codelijst.DSP_UITSTROOM_KWETSBAAR],
        _("situatie bij nazorg"),
        _("Waar de jongere een jaar na afsluiten is."),
    )
    nazorg_toelichting = models.TextField(
        _("toelichting nazorg"), blank=True, help_text=_("Wat het nazorgcontact opleverde.")
    )
    extern_id = models.CharField(
        _("extern id"), max_length=64, blank=True, help_text=_("Sleutel in het bronsysteem (import).")
    )
    aangemaakt_op = models.DateTimeField(
        _("aangemaakt op"), default=timezone.now, help_text=_("Tijdstip van registratie.")
    )
    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("aangemaakt door"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Leeg bij een import of demogegevens."),
    )
    termijn_op, termijn_soort, signaal = termijn_fields(TrajectTermijnSoort.choices).values()

    objects = TrajectQuerySet.as_manager()

    class Meta:
        verbose_name = _("traject")
        verbose_name_plural = _("trajecten")
        ordering = ["-gemeld_op", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(afgesloten_op__isnull=True)
                | models.Q(afgesloten_op__gte=models.F("gemeld_op")),
                name="traject_afgesloten_na_gemeld",
            ),
            models.CheckConstraint(
                condition=models.Q(nazorg_op__isnull=True) | models.Q(afgesloten_op__isnull=False),
                name="traject_nazorg_alleen_na_afsluiten",
            ),
            # See Melding: one record per extern_id of an organisation (security round 2, point 8).
            models.UniqueConstraint(
                fields=["organisatie", "extern_id"],
                condition=~models.Q(extern_id=""),
                name="traject_extern_id_uniek",
                violation_error_message=_("Deze extern_id bestaat al bij een ander traject."),
            ),
        ]
        indexes = [
            models.Index(fields=["organisatie", "gemeld_op"]),
            models.Index(fields=["doelgroep", "gemeld_op"]),
            models.Index(fields=["stap"]),
            models.Index(fields=["nazorg_op"]),
            signaal_index("traject_signaal"),
        ]

    def __str__(self):
        return _("Traject %(nummer)s (%(doelgroep)s)") % {
            "nummer": self.pk,
            "doelgroep": self.get_doelgroep_display(),
        }

    @property
    def is_open(self) -> bool:
        return self.afgesloten_op is None

    @property
    def nazorg_open(self) -> bool:
        return self.nazorg_gesignaleerd_op is not None and self.nazorg_uitgevoerd_op is None

    @property
    def fase(self):
        return FASE_VAN_STAP[Stap(self.stap)]

    @property
    def stapnummer(self) -> int:
        return STAP_ORDER.index(Stap(self.stap)) + 1


class StapWijziging(models.Model):
    """History of the Routekaart: who moved a traject from which step to which, when and why."""

    traject = models.ForeignKey(
        Traject,
        verbose_name=_("traject"),
        on_delete=models.CASCADE,
        related_name="stapwijzigingen",
        help_text=_("Het traject dat van stap wisselde."),
    )
    van_stap = models.CharField(
        _("van stap"),
        max_length=40,
        choices=Stap.choices,
        blank=True,
        help_text=_("Leeg bij de start van het traject."),
    )
    naar_stap = models.CharField(
        _("naar stap"), max_length=40, choices=Stap.choices, help_text=_("De nieuwe stap.")
    )
    reden = models.TextField(
        _("reden"), blank=True, help_text=_("Verplicht bij teruggaan naar fase 2 of 3 (Analyseren, Plannen).")
    )
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("door"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Wie de stap zette; leeg bij een import."),
    )
    tijdstip = models.DateTimeField(
        _("tijdstip"), default=timezone.now, help_text=_("Wanneer de stap gezet werd.")
    )

    objects = ViaTrajectQuerySet.as_manager()

    class Meta:
        verbose_name = _("stapwijziging")
        verbose_name_plural = _("stapwijzigingen")
        ordering = ["-tijdstip", "-pk"]

    def __str__(self):
        return f"{self.get_van_stap_display() or '-'} -> {self.get_naar_stap_display()}"


class TrajectTermijn(models.Model):
    """A term of an organisation per doelgroep: the first contact attempt after the signal, or
    carrying out the nazorg after its planned date. Without a row the defaults apply
    (doorstroom.constants.DEFAULT_TRAJECT_TERMIJN_WERKDAGEN)."""

    organisatie = models.ForeignKey(
        Organisatie, verbose_name=_("organisatie"), on_delete=models.CASCADE, related_name="+"
    )
    doelgroep = models.CharField(_("doelgroep"), max_length=30, choices=Doelgroep.choices)
    termijn = models.CharField(_("termijn"), max_length=20, choices=TrajectTermijnSoort.choices)
    dagen = models.PositiveSmallIntegerField(
        _("dagen"),
        help_text=_("Eerste contact: na de signaleringsdatum; nazorg: na de geplande nazorgdatum."),
    )
    eenheid = models.CharField(
        _("eenheid"), max_length=20, choices=TermijnEenheid.choices, default=TermijnEenheid.WERKDAGEN
    )
    schoolvakanties_overslaan = models.BooleanField(
        _("schoolvakanties tellen niet mee"),
        default=False,
        help_text=_("Alleen bij werkdagen: de schoolvakanties van uw organisatie tellen niet als werkdag."),
    )

    class Meta:
        verbose_name = _("termijn traject")
        verbose_name_plural = _("termijnen trajecten")
        constraints = [
            models.UniqueConstraint(
                fields=["organisatie", "doelgroep", "termijn"], name="trajecttermijn_uniek"
            )
        ]

    def __str__(self):
        return f"{self.get_doelgroep_display()}, {self.get_termijn_display()}: {self.dagen} {self.get_eenheid_display().lower()}"
