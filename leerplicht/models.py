"""Meldingen of school absence, their MAS history and actions, vrijstellingen and handling terms."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cases.access import ScopedQuerySet
from cases.concurrency import VersionedModel
from cases.constants import Onderwijssoort, TermijnEenheid
from cases.models import (
    Actie,
    ChoiceLabels,
    CodeItem,
    Document,
    Dossier,
    Gemeente,
    Organisatie,
    OwnedByOrganisation,
    School,
    User,
)
from cases.termijnen.models import signaal_index, termijn_fields

from .constants import Beslisser, Besluit, Fase, Grondslag, MeldingSoort, OnderwijsKolom, Route, TermijnSoort


class ViaDossierQuerySet(ScopedQuerySet):
    jongere_path = "dossier__jongere__"
    # Leerplicht history: a doorstroomcoach reads it only after overdracht (cases/access.py).
    history_dossier_path = "dossier_id"


class VrijstellingQuerySet(ViaDossierQuerySet):
    own_organisation = True


class ViaMeldingQuerySet(ScopedQuerySet):
    jongere_path = "melding__dossier__jongere__"
    history_dossier_path = "melding__dossier_id"


class MeldingQuerySet(ViaDossierQuerySet):
    own_organisation = True

    def open(self):
        return self.exclude(fase=Fase.AFGESLOTEN)


class Melding(OwnedByOrganisation, VersionedModel):
    """A report of absence or concern about a leerplichtige jongere, handled through the MAS."""

    dossier = models.ForeignKey(
        Dossier, verbose_name=_("dossier"), on_delete=models.PROTECT, related_name="meldingen"
    )
    soort = models.CharField(_("soort melding"), max_length=30, choices=MeldingSoort.choices)
    ontvangen_op = models.DateField(
        _("ontvangen op"), help_text=_("Datum waarop de melding binnenkwam; bepaalt het schooljaar.")
    )
    gemeente = models.ForeignKey(
        Gemeente,
        verbose_name=_("gemeente"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Woongemeente van de jongere op het moment van de melding."),
    )
    leeftijd = models.PositiveSmallIntegerField(
        _("leeftijd bij melding"), help_text=_("Leeftijd van de jongere op de ontvangstdatum.")
    )
    school = models.ForeignKey(
        School, verbose_name=_("school"), on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    onderwijssoort = models.CharField(
        _("onderwijssoort"), max_length=20, choices=Onderwijssoort.choices, blank=True
    )
    verzuim_van = models.DateField(
        _("verzuim vanaf"), null=True, blank=True, help_text=_("Begin van de verzuimperiode.")
    )
    verzuim_tot = models.DateField(_("verzuim tot en met"), null=True, blank=True)
    uren_verzuim = models.PositiveSmallIntegerField(
        _("uren verzuim"),
        null=True,
        blank=True,
        help_text=_("Ongeoorloofd verzuimde uren in de periode (relatief verzuim)."),
    )
    verlof_dagen = models.PositiveSmallIntegerField(
        _("schooldagen afwezig"), null=True, blank=True, help_text=_("Luxe verzuim: aantal schooldagen weg.")
    )
    keer_te_laat = models.PositiveSmallIntegerField(
        _("keer te laat"),
        null=True,
        blank=True,
        help_text=_("Aantal keer ongeoorloofd te laat in de periode (Halt: meer dan 11, ten hoogste 60)."),
    )
    gezin_id = models.CharField(
        _("gezin"),
        max_length=64,
        blank=True,
        help_text=_("Kenmerk van het huishouden, om gezinnen bij luxe verzuim te tellen."),
    )
    reden = models.ForeignKey(
        CodeItem, verbose_name=_("reden"), on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    resultaat = models.ForeignKey(
        CodeItem,
        verbose_name=_("resultaat"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    toelichting = models.TextField(_("toelichting"), blank=True)
    behandelaar = models.ForeignKey(
        User,
        verbose_name=_("leerplichtambtenaar"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="meldingen",
    )
    fase = models.CharField(_("fase"), max_length=20, choices=Fase.choices, default=Fase.WAARNEMEN)
    afgesloten_op = models.DateField(_("afgesloten op"), null=True, blank=True)
    afsluitreden = models.TextField(_("reden van afsluiten"), blank=True)
    halt_verwijzing = models.BooleanField(
        _("Halt-verwijzing"), default=False, help_text=_("Een Halt-verwijzing was deel van de afhandeling.")
    )
    proces_verbaal = models.BooleanField(
        _("proces-verbaal"), default=False, help_text=_("Een proces-verbaal was deel van de afhandeling.")
    )
    extern_id = models.CharField(
        _("extern id"), max_length=64, blank=True, help_text=_("Sleutel in het bronsysteem.")
    )
    duo_meldingnummer = models.CharField(
        _("DUO-meldingnummer"),
        max_length=40,
        blank=True,
        db_default="",  # the previous release inserts without it during an upgrade
        help_text=_(
            "Nummer van de verzuimmelding in het verzuimregister van DUO; de status gaat onder dit "
            "nummer terug naar DUO. Leeg bij een melding die niet via DUO binnenkwam."
        ),
    )
    geregistreerd_door = models.ForeignKey(
        User, verbose_name=_("geregistreerd door"), on_delete=models.PROTECT, null=True, related_name="+"
    )
    geregistreerd_op = models.DateTimeField(_("geregistreerd op"), default=timezone.now)
    termijn_op, termijn_soort, signaal = termijn_fields(
        [
            (TermijnSoort.EERSTE_CONTACT, TermijnSoort.EERSTE_CONTACT.label),
            (TermijnSoort.AFHANDELING, TermijnSoort.AFHANDELING.label),
        ]
    ).values()

    objects = MeldingQuerySet.as_manager()

    class Meta:
        verbose_name = _("melding")
        verbose_name_plural = _("meldingen")
        ordering = ["-ontvangen_op", "-pk"]
        indexes = [
            # Lists and reports of an organisation, newest or oldest first (scanned either way).
            models.Index(fields=["organisatie", "ontvangen_op", "id"], name="melding_org_datum"),
            # The werkvoorraad: open meldingen of the team or of one behandelaar, oldest first.
            models.Index(
                fields=["organisatie", "ontvangen_op", "id"],
                condition=~models.Q(fase=Fase.AFGESLOTEN),
                name="melding_open_org",
            ),
            models.Index(
                fields=["behandelaar", "ontvangen_op", "id"],
                condition=~models.Q(fase=Fase.AFGESLOTEN),
                name="melding_open_behandelaar",
            ),
            # The werkvoorraad's default order: the most urgent deadline first (NULLS LAST, as
            # a B-tree index stores them).
            models.Index(
                fields=["organisatie", "termijn_op", "ontvangen_op", "id"],
                condition=~models.Q(fase=Fase.AFGESLOTEN),
                name="melding_open_org_urgentie",
            ),
            models.Index(
                fields=["behandelaar", "termijn_op", "ontvangen_op", "id"],
                condition=~models.Q(fase=Fase.AFGESLOTEN),
                name="melding_open_beh_urgentie",
            ),
            models.Index(fields=["organisatie", "extern_id"]),
            signaal_index("melding_signaal"),
            # The jaarverslag: every table counts an organisation-year's meldingen by some of
            # these columns. Covering them, PostgreSQL answers from the index alone (index-only
            # scan) instead of visiting a heap page per melding: ~3x fewer pages read per table
            # (`id` too: the ORM counts the primary key).
            models.Index(
                fields=["organisatie", "ontvangen_op"],
                include=[
                    *("soort", "gemeente", "dossier", "reden", "resultaat", "fase", "onderwijssoort"),
                    *("leeftijd", "proces_verbaal", "halt_verwijzing", "gezin_id", "id"),
                ],
                name="melding_jaarverslag",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(verzuim_tot__isnull=True)
                | models.Q(verzuim_van__isnull=True)
                | models.Q(verzuim_tot__gte=models.F("verzuim_van")),
                name="melding_verzuim_tot_na_van",
            ),
            models.CheckConstraint(
                condition=models.Q(afgesloten_op__isnull=True)
                | models.Q(afgesloten_op__gte=models.F("ontvangen_op")),
                name="melding_afgesloten_na_ontvangst",
            ),
            # An import updates the record with its extern_id; two at once must not both create
            # it (security round 2, point 8). Records made in the browser have no extern_id.
            models.UniqueConstraint(
                fields=["organisatie", "extern_id"],
                condition=~models.Q(extern_id=""),
                name="melding_extern_id_uniek",
                violation_error_message=_("Deze extern_id bestaat al bij een andere melding."),
            ),
            # One melding per DUO verzuimmelding: reading DUO's file again adds nothing.
            models.UniqueConstraint(
                fields=["organisatie", "duo_meldingnummer"],
                condition=~models.Q(duo_meldingnummer=""),
                name="melding_duo_nummer_uniek",
            ),
        ]

    def __str__(self):
        return f"{self.get_soort_display()} ({self.ontvangen_op:%d-%m-%Y})"

    @property
    def is_open(self) -> bool:
        return self.fase != Fase.AFGESLOTEN


class MeldingRoute(models.Model):
    """A MAS route chosen for a melding; a route outside the usual ones carries its reason."""

    melding = models.ForeignKey(
        Melding, verbose_name=_("melding"), on_delete=models.CASCADE, related_name="routes"
    )
    route = models.CharField(_("route"), max_length=30, choices=Route.choices)
    toelichting = models.TextField(
        _("toelichting"), blank=True, help_text=_("Pas toe of leg uit: waarom deze route, als die afwijkt.")
    )
    jongere_instemming = models.BooleanField(
        _("instemming jongere"),
        default=False,
        db_default=False,
        help_text=_("Halt: de jongere stemt in met de verwijzing."),
    )
    ouders_instemming = models.BooleanField(
        _("instemming ouders"),
        default=False,
        db_default=False,
        help_text=_("Halt: de ouder(s) stemmen in met de verwijzing."),
    )
    gekozen_door = models.ForeignKey(
        User, verbose_name=_("gekozen door"), on_delete=models.PROTECT, related_name="+"
    )
    gekozen_op = models.DateTimeField(_("gekozen op"), default=timezone.now)

    objects = ViaMeldingQuerySet.as_manager()

    class Meta:
        verbose_name = _("route")
        verbose_name_plural = _("routes")
        constraints = [models.UniqueConstraint(fields=["melding", "route"], name="melding_route_uniek")]

    def __str__(self):
        return self.get_route_display()


class MeldingTransitie(ChoiceLabels, models.Model):
    """One move through the MAS: who, when, from, to, and why."""

    melding = models.ForeignKey(
        Melding, verbose_name=_("melding"), on_delete=models.CASCADE, related_name="transities"
    )
    van = models.CharField(_("van fase"), max_length=20, choices=Fase.choices, blank=True)
    naar = models.CharField(_("naar fase"), max_length=20, choices=Fase.choices)
    reden = models.TextField(_("reden"), blank=True)
    gebruiker = models.ForeignKey(
        User,
        verbose_name=_("door"),
        on_delete=models.PROTECT,
        null=True,
        related_name="+",
        help_text=_("Leeg bij een import uit een ander systeem."),
    )
    tijdstip = models.DateTimeField(_("tijdstip"), default=timezone.now)

    objects = ViaMeldingQuerySet.as_manager()

    class Meta:
        verbose_name = _("faseovergang")
        verbose_name_plural = _("faseovergangen")
        ordering = ["-tijdstip", "-pk"]

    def __str__(self):
        return f"{self.get_van_display()} → {self.get_naar_display()}"


class MeldingActie(models.Model):
    """Links a dossier action to a melding, with the details some actions carry."""

    melding = models.ForeignKey(
        Melding, verbose_name=_("melding"), on_delete=models.CASCADE, related_name="acties"
    )
    actie = models.OneToOneField(
        Actie, verbose_name=_("actie"), on_delete=models.CASCADE, related_name="melding_link"
    )
    jongere_instemming = models.BooleanField(
        _("instemming jongere"),
        default=False,
        db_default=False,
        help_text=_("Halt: de jongere stemt in met de verwijzing."),
    )
    ouders_instemming = models.BooleanField(
        _("instemming ouders"), default=False, help_text=_("Halt: de ouder(s) stemmen in met de verwijzing.")
    )
    jgz_in_staat = models.ForeignKey(
        CodeItem,
        verbose_name=_("JGZ: in staat onderwijs te volgen"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    jgz_follow_up = models.ForeignKey(
        CodeItem,
        verbose_name=_("JGZ: resultaat follow-up"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    # A proces-verbaal names its verdachte (leerplicht/proces_verbaal.py): an ouder (art. 2 lid 1
    # Lpw) or the leerling from 12 (art. 2 lid 3, 4a). The name is kept as recorded.
    verdachte_ouder = models.ForeignKey(
        "cases.Ouder",
        verbose_name=_("verdachte (ouder)"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="processen_verbaal",
    )
    verdachte = models.TextField(
        _("verdachte"),
        blank=True,
        db_default="",
        help_text=_("Naam van de verdachte bij een proces-verbaal."),
    )
    # A later verzuimmelding from DUO added to this (open) melding instead of a new melding; DUO
    # gets its status under this number too, and the number is never used for a second melding.
    duo_meldingnummer = models.CharField(
        _("DUO-meldingnummer"),
        max_length=40,
        blank=True,
        db_default="",  # the previous release inserts without it during an upgrade
        help_text=_("Nummer van een verzuimmelding van DUO die aan deze melding is toegevoegd."),
    )

    objects = ViaMeldingQuerySet.as_manager()

    class Meta:
        verbose_name = _("actie bij melding")
        verbose_name_plural = _("acties bij meldingen")

    def __str__(self):
        return str(self.actie)


class Vrijstelling(OwnedByOrganisation, VersionedModel):
    """A request for a vrijstelling or verlof, and its decision."""

    dossier = models.ForeignKey(
        Dossier, verbose_name=_("dossier"), on_delete=models.PROTECT, related_name="vrijstellingen"
    )
    grondslag = models.CharField(_("grondslag"), max_length=10, choices=Grondslag.choices)
    onderwijs = models.CharField(
        _("onderwijs"), max_length=10, choices=OnderwijsKolom.choices, default=OnderwijsKolom.GEEN
    )
    gemeente = models.ForeignKey(
        Gemeente,
        verbose_name=_("gemeente"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Woongemeente van de jongere bij de aanvraag."),
    )
    aangevraagd_op = models.DateField(_("aangevraagd op"))
    verlof_van = models.DateField(_("verlof van"), null=True, blank=True)
    verlof_tot = models.DateField(_("verlof tot en met"), null=True, blank=True)
    verlof_dagen = models.PositiveSmallIntegerField(
        _("schooldagen verlof"),
        null=True,
        blank=True,
        help_text=_("Aantal gevraagde schooldagen (artikel 11 f en g)."),
    )
    toelichting = models.TextField(_("toelichting"), blank=True)
    besluit = models.CharField(
        _("besluit"), max_length=20, choices=Besluit.choices, blank=True, help_text=_("Leeg: in behandeling.")
    )
    besluit_op = models.DateField(_("besluit op"), null=True, blank=True)
    beslist_door = models.CharField(
        _("beslist door"),
        max_length=20,
        choices=Beslisser.choices,
        blank=True,
        db_default="",
        help_text=_(
            "Verlof 11 onder f en tot en met 10 dagen 11 onder g: het hoofd van de school beslist; "
            "het systeem legt dat besluit alleen vast (artikel 13a, 14 Leerplichtwet)."
        ),
    )
    hoofd_gehoord_op = models.DateField(
        _("hoofd gehoord op"),
        null=True,
        blank=True,
        help_text=_(
            "Verlof van meer dan 10 dagen: de dag waarop het hoofd van de school is gehoord (artikel 14)."
        ),
    )
    lesdagen_per_week = models.PositiveSmallIntegerField(
        _("lesdagen per week"),
        null=True,
        blank=True,
        help_text=_(
            "Kwalificatieplichtige: verlof 11 onder f is naar rato van de lesdagen (artikel 13a lid 2)."
        ),
    )
    verklaring_onafhankelijk = models.BooleanField(
        _("verklaring van aangewezen deskundige"),
        default=False,
        db_default=False,
        help_text=_(
            "Artikel 5 onder a: de verklaring komt van een door B&W aangewezen arts, psycholoog of "
            "pedagoog die de jongere niet behandelt (artikel 7)."
        ),
    )
    geldig_van = models.DateField(_("geldig van"), null=True, blank=True)
    geldig_tot = models.DateField(_("geldig tot en met"), null=True, blank=True)
    behandelaar = models.ForeignKey(
        User,
        verbose_name=_("leerplichtambtenaar"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    documenten = models.ManyToManyField(Document, verbose_name=_("documenten"), blank=True, related_name="+")
    extern_id = models.CharField(_("extern id"), max_length=64, blank=True)
    geregistreerd_op = models.DateTimeField(_("geregistreerd op"), default=timezone.now)
    termijn_op, termijn_soort, signaal = termijn_fields(
        [(TermijnSoort.BESLISSING, TermijnSoort.BESLISSING.label)]
    ).values()

    objects = VrijstellingQuerySet.as_manager()

    class Meta:
        verbose_name = _("aanvraag vrijstelling of verlof")
        verbose_name_plural = _("aanvragen vrijstelling of verlof")
        ordering = ["-aangevraagd_op", "-pk"]
        indexes = [
            models.Index(fields=["organisatie", "aangevraagd_op", "id"], name="vrijstelling_org_datum"),
            # Requests without a decision yet, on the werkvoorraad.
            models.Index(
                fields=["organisatie", "aangevraagd_op", "id"],
                condition=models.Q(besluit=""),
                name="vrijstelling_open_org",
            ),
            signaal_index("vrijstelling_signaal"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(geldig_tot__isnull=True)
                | models.Q(geldig_van__isnull=True)
                | models.Q(geldig_tot__gte=models.F("geldig_van")),
                name="vrijstelling_geldig_tot_na_van",
            ),
            models.UniqueConstraint(
                fields=["organisatie", "extern_id"],
                condition=~models.Q(extern_id=""),
                name="vrijstelling_extern_id_uniek",
                violation_error_message=_("Deze extern_id bestaat al bij een andere aanvraag."),
            ),
        ]

    def __str__(self):
        return f"{self.get_grondslag_display()} ({self.aangevraagd_op:%d-%m-%Y})"

    @property
    def in_behandeling(self) -> bool:
        return not self.besluit


class Termijn(models.Model):
    """A term of an organisation: per soort melding the first contact and the handling, or (soort
    empty) the decision on a request for vrijstelling or verlof. Without a row the defaults of
    leerplicht.constants apply."""

    organisatie = models.ForeignKey(
        Organisatie, verbose_name=_("organisatie"), on_delete=models.CASCADE, related_name="termijnen"
    )
    termijn = models.CharField(
        _("termijn"), max_length=20, choices=TermijnSoort.choices, default=TermijnSoort.AFHANDELING
    )
    soort = models.CharField(
        _("soort melding"),
        max_length=30,
        choices=MeldingSoort.choices,
        blank=True,
        help_text=_("Leeg bij het besluit op een aanvraag vrijstelling of verlof."),
    )
    dagen = models.PositiveSmallIntegerField(
        _("dagen"), help_text=_("Aantal dagen na ontvangst van de melding of aanvraag.")
    )
    eenheid = models.CharField(
        _("eenheid"), max_length=20, choices=TermijnEenheid.choices, default=TermijnEenheid.WERKDAGEN
    )
    schoolvakanties_overslaan = models.BooleanField(
        _("schoolvakanties tellen niet mee"),
        default=True,
        help_text=_(
            "Alleen bij werkdagen: de schoolvakanties van uw organisatie tellen niet als werkdag. "
            "Weekenden en feestdagen tellen bij werkdagen nooit mee."
        ),
    )

    class Meta:
        verbose_name = _("termijn")
        verbose_name_plural = _("termijnen")
        constraints = [
            models.UniqueConstraint(fields=["organisatie", "termijn", "soort"], name="termijn_uniek"),
            models.CheckConstraint(
                condition=models.Q(termijn=TermijnSoort.BESLISSING, soort="")
                | (~models.Q(termijn=TermijnSoort.BESLISSING) & ~models.Q(soort="")),
                name="termijn_soort_past_bij_termijn",
                violation_error_message=_(
                    "Kies een soort melding, behalve bij het besluit op een aanvraag (dan leeg)."
                ),
            ),
        ]

    def __str__(self):
        soort = self.get_soort_display() or _("aanvragen")
        return f"{soort}, {self.get_termijn_display()}: {self.dagen} {self.get_eenheid_display().lower()}"
