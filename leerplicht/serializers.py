"""API serializers of meldingen and vrijstellingen. Field names follow the import files
(docs/import-export): `soort`, `ontvangen_op`, `reden`, `resultaat`, `afgesloten_op`, `halt`,
`proces_verbaal`, `grondslag`, `besluit`, ... Codes are the fixed keys; reasons and results are
ids of the organisation's code list items (see /api/v1/codelijsten/)."""

from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from cases.api.fields import ApiModelSerializer, CodeField, DossierField, EnumField
from cases.constants import ActieSoort, Codelijst, Onderwijssoort
from cases.models import Document, Ouder, School, User

from .constants import (
    MELDING_ACTIES,
    REDEN_LIJST,
    RESULTAAT_LIJST,
    Beslisser,
    Besluit,
    Fase,
    Grondslag,
    MeldingSoort,
    OnderwijsKolom,
    Route,
)
from .models import Melding, MeldingActie, MeldingRoute, MeldingTransitie, Vrijstelling
from .selectors import lpa_choices


def _naam(user) -> str:
    return (user.get_full_name() or user.get_username()) if user else ""


@extend_schema_field(OpenApiTypes.INT)
class LpaField(serializers.PrimaryKeyRelatedField):
    """A leerplichtambtenaar of the user's organisation (the same choice as the form)."""

    def get_queryset(self):
        request = self.context.get("request")
        if request is None or not request.user.organisatie_id:
            return User.objects.none()
        return lpa_choices(request.user.organisatie_id)


# --- meldingen -------------------------------------------------------------------------------


class MeldingRouteSerializer(ApiModelSerializer):
    gekozen_door = serializers.SerializerMethodField(help_text="Naam van wie de route koos.")

    class Meta:
        model = MeldingRoute
        fields = ["route", "toelichting", "gekozen_door", "gekozen_op"]

    def get_gekozen_door(self, obj) -> str:
        return _naam(obj.gekozen_door)


class MeldingTransitieSerializer(ApiModelSerializer):
    door = serializers.SerializerMethodField(help_text="Naam van wie de fase wijzigde.")

    class Meta:
        model = MeldingTransitie
        fields = ["van", "naar", "reden", "door", "tijdstip"]

    def get_door(self, obj) -> str:
        return _naam(obj.gebruiker)


class MeldingActieSerializer(ApiModelSerializer):
    id = serializers.IntegerField(
        source="actie.id", read_only=True, help_text="Id van de actie op het dossier."
    )
    soort = serializers.CharField(source="actie.soort", read_only=True, help_text="Soort actie.")
    datum = serializers.DateField(source="actie.datum", read_only=True, help_text="Datum van de actie.")
    omschrijving = serializers.CharField(
        source="actie.omschrijving", read_only=True, help_text="Omschrijving."
    )
    vastgelegd_door = serializers.SerializerMethodField(help_text="Naam van wie de actie vastlegde.")

    class Meta:
        model = MeldingActie
        fields = [
            "id",
            "soort",
            "datum",
            "omschrijving",
            "jongere_instemming",
            "ouders_instemming",
            "jgz_in_staat",
            "jgz_follow_up",
            "verdachte_ouder",
            "verdachte",
            "vastgelegd_door",
        ]

    def get_vastgelegd_door(self, obj) -> str:
        return _naam(obj.actie.gebruiker)


class MeldingSerializer(ApiModelSerializer):
    """A melding as the API shows it (lists and detail)."""

    jongere = serializers.IntegerField(
        source="dossier.jongere_id", read_only=True, help_text="Id van de jongere."
    )
    gemeente = serializers.CharField(
        source="gemeente.code", read_only=True, help_text="CBS-code van de woongemeente bij de melding."
    )
    halt = serializers.BooleanField(
        source="halt_verwijzing", read_only=True, help_text="Een Halt-verwijzing was deel van de afhandeling."
    )

    class Meta:
        model = Melding
        fields = [
            "id", "dossier", "jongere", "soort", "ontvangen_op", "gemeente", "leeftijd", "school",
            "onderwijssoort", "verzuim_van", "verzuim_tot", "uren_verzuim", "keer_te_laat", "verlof_dagen", "gezin_id",
            "reden", "resultaat", "toelichting", "behandelaar", "fase", "afgesloten_op", "afsluitreden",
            "halt", "proces_verbaal", "extern_id", "versie", "geregistreerd_op",
        ]  # fmt: skip
        read_only_fields = fields


class MeldingDetailSerializer(MeldingSerializer):
    routes = MeldingRouteSerializer(many=True, read_only=True, help_text="De gekozen MAS-routes.")
    transities = MeldingTransitieSerializer(
        many=True, read_only=True, help_text="Faseovergangen, nieuwste eerst."
    )
    acties = MeldingActieSerializer(many=True, read_only=True, help_text="Acties bij deze melding.")

    class Meta(MeldingSerializer.Meta):
        fields = [*MeldingSerializer.Meta.fields, "routes", "transities", "acties"]
        read_only_fields = fields


class MeldingInvoerSerializer(serializers.Serializer):
    """What a user enters for a melding (registration and edit), as on the form."""

    dossier = DossierField(help_text="Het dossier van de jongere (alleen bij registreren).")
    soort = EnumField(choices=MeldingSoort.choices, help_text="Soort melding.")
    ontvangen_op = serializers.DateField(
        help_text="Datum waarop de melding binnenkwam; bepaalt het schooljaar."
    )
    school = serializers.PrimaryKeyRelatedField(
        queryset=School.objects.all(), required=False, allow_null=True, help_text="De meldende school (id)."
    )
    onderwijssoort = EnumField(
        choices=Onderwijssoort.choices, required=False, allow_blank=True, help_text="Onderwijssoort."
    )
    verzuim_van = serializers.DateField(
        required=False, allow_null=True, help_text="Begin van de verzuimperiode."
    )
    verzuim_tot = serializers.DateField(
        required=False, allow_null=True, help_text="Einde van de verzuimperiode."
    )
    uren_verzuim = serializers.IntegerField(
        min_value=0, max_value=2000, required=False, allow_null=True,
        help_text="Relatief verzuim: ongeoorloofd verzuimde uren in 4 weken (16 of meer is wettelijk).",
    )  # fmt: skip
    keer_te_laat = serializers.IntegerField(
        min_value=0, max_value=2000, required=False, allow_null=True,
        help_text="Aantal keer ongeoorloofd te laat (Halt: meer dan 11 en ten hoogste 60).",
    )  # fmt: skip
    verlof_dagen = serializers.IntegerField(
        min_value=0,
        max_value=366,
        required=False,
        allow_null=True,
        help_text="Luxe verzuim: schooldagen afwezig.",
    )
    gezin_id = serializers.CharField(
        max_length=64, required=False, allow_blank=True,
        help_text="Luxe verzuim: zelfde kenmerk voor broers en zussen, zodat gezinnen geteld worden.",
    )  # fmt: skip
    reden = CodeField(
        lijsten=set(REDEN_LIJST.values()), required=False, allow_null=True,
        help_text="Reden: id van een code uit de redenlijst die bij de soort hoort.",
    )  # fmt: skip
    toelichting = serializers.CharField(required=False, allow_blank=True, help_text="Toelichting.")
    behandelaar = LpaField(required=False, allow_null=True, help_text="De leerplichtambtenaar (id).")
    versie = serializers.IntegerField(
        min_value=0, max_value=2**31 - 1, required=False, write_only=True,
        help_text="De versie waarop de wijziging gebaseerd is; als alternatief voor If-Match.",
    )  # fmt: skip
    bevestigd = serializers.BooleanField(
        default=False, help_text="true: de waarschuwingen zijn gelezen; leg de melding toch zo vast."
    )

    def validate_gezin_id(self, value):
        return value.strip()


class MeldingWijzigSerializer(MeldingInvoerSerializer):
    dossier = None


class TransitieSerializer(serializers.Serializer):
    naar = EnumField(choices=Fase.choices, help_text="De fase waar de melding naartoe gaat.")
    reden = serializers.CharField(
        required=False, allow_blank=True, default="",
        help_text="Verplicht bij teruggaan naar een eerdere fase, afsluiten en heropenen.",
    )  # fmt: skip
    resultaat = CodeField(
        lijsten=set(RESULTAAT_LIJST.values()), required=False, allow_null=True,
        help_text="Bij afsluiten: id van een resultaat uit de lijst die bij de soort hoort.",
    )  # fmt: skip
    afgesloten_op = serializers.DateField(
        required=False, allow_null=True, help_text="Bij afsluiten: de afsluitdatum (standaard vandaag)."
    )
    versie = serializers.IntegerField(
        min_value=0, max_value=2**31 - 1, required=False, help_text="Als alternatief voor If-Match."
    )


class RouteInvoerSerializer(serializers.Serializer):
    route = EnumField(choices=Route.choices, help_text="De MAS-route.")
    toelichting = serializers.CharField(
        required=False, allow_blank=True, default="",
        help_text="Pas toe of leg uit: verplicht als de route afwijkt van de gebruikelijke.",
    )  # fmt: skip
    jongere_instemming = serializers.BooleanField(default=False, help_text="Halt: de jongere stemt in.")
    ouders_instemming = serializers.BooleanField(default=False, help_text="Halt: de ouder(s) stemmen in.")


class MeldingActieInvoerSerializer(serializers.Serializer):
    soort = EnumField(choices=[(s.value, s.label) for s in MELDING_ACTIES], help_text="Soort actie.")
    datum = serializers.DateField(help_text="Datum van de actie; niet in de toekomst.")
    omschrijving = serializers.CharField(
        required=False, allow_blank=True, default="", help_text="Omschrijving."
    )
    jongere_instemming = serializers.BooleanField(default=False, help_text="Halt: de jongere stemt in.")
    ouders_instemming = serializers.BooleanField(default=False, help_text="Halt: de ouder(s) stemmen in.")
    jgz_in_staat = CodeField(
        lijsten=[Codelijst.JGZ_IN_STAAT], required=False, allow_null=True,
        help_text="Alleen bij een JGZ-aanmelding: in staat onderwijs te volgen (code-id).",
    )  # fmt: skip
    jgz_follow_up = CodeField(
        lijsten=[Codelijst.JGZ_FOLLOW_UP], required=False, allow_null=True,
        help_text="Alleen bij een JGZ-aanmelding: resultaat follow-up (code-id).",
    )  # fmt: skip
    toelichting_route = serializers.CharField(
        required=False, allow_blank=True, default="",
        help_text="Alleen nodig als de actie een ongebruikelijke route inzet (pas toe of leg uit).",
    )  # fmt: skip

    def validate_datum(self, datum):
        if datum > timezone.localdate():
            raise serializers.ValidationError(
                _("Een actie kan niet in de toekomst liggen; kies vandaag of eerder.")
            )
        return datum

    verdachte_ouder = serializers.PrimaryKeyRelatedField(
        queryset=Ouder.objects.none(),
        required=False,
        allow_null=True,
        help_text="Alleen bij een proces-verbaal ouder: id van de ouder of verzorger (met gezag of feitelijke "
        "verzorging) die verdachte is; mag weg als de jongere precies één zo'n ouder heeft.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        request = self.context.get("request")
        if request is not None:
            self.fields["verdachte_ouder"].queryset = Ouder.objects.visible_to(request.user).filter(
                actief=True
            )

    def validate(self, attrs):
        if attrs.get("soort") != ActieSoort.JGZ_AANMELDING:
            attrs["jgz_in_staat"] = attrs["jgz_follow_up"] = None
        return attrs


# --- vrijstellingen --------------------------------------------------------------------------


class DocumentSerializer(ApiModelSerializer):
    class Meta:
        model = Document
        fields = ["id", "naam", "omschrijving", "content_type", "grootte", "geupload_op"]
        read_only_fields = fields


class VrijstellingSerializer(ApiModelSerializer):
    jongere = serializers.IntegerField(
        source="dossier.jongere_id", read_only=True, help_text="Id van de jongere."
    )
    gemeente = serializers.CharField(
        source="gemeente.code", read_only=True, help_text="CBS-code van de woongemeente."
    )
    documenten = DocumentSerializer(many=True, read_only=True, help_text="Documenten bij de aanvraag.")

    class Meta:
        model = Vrijstelling
        fields = [
            "id", "dossier", "jongere", "grondslag", "onderwijs", "gemeente", "aangevraagd_op",
            "verlof_van", "verlof_tot", "verlof_dagen", "lesdagen_per_week", "toelichting", "besluit",
            "besluit_op", "beslist_door", "hoofd_gehoord_op", "verklaring_onafhankelijk",
            "geldig_van", "geldig_tot", "behandelaar", "documenten", "extern_id", "versie",
            "geregistreerd_op",
        ]  # fmt: skip
        read_only_fields = fields


class VrijstellingInvoerSerializer(serializers.Serializer):
    dossier = DossierField(help_text="Het dossier van de jongere.")
    grondslag = EnumField(choices=Grondslag.choices, help_text="Artikel van de Leerplichtwet.")
    onderwijs = EnumField(choices=OnderwijsKolom.choices, help_text="kdc, po, vo, mbo of geen.")
    aangevraagd_op = serializers.DateField(help_text="Datum van de aanvraag; niet in de toekomst.")
    verlof_van = serializers.DateField(required=False, allow_null=True, help_text="Verlof: eerste dag.")
    verlof_tot = serializers.DateField(required=False, allow_null=True, help_text="Verlof: laatste dag.")
    verlof_dagen = serializers.IntegerField(
        min_value=1, max_value=366, required=False, allow_null=True,
        help_text="Bij verlof (artikel 11 f en g): aantal gevraagde schooldagen.",
    )  # fmt: skip
    lesdagen_per_week = serializers.IntegerField(
        min_value=1, max_value=5, required=False, allow_null=True,
        help_text="Verlof 11 onder f voor een kwalificatieplichtige: lesdagen per week (naar rato).",
    )  # fmt: skip
    toelichting = serializers.CharField(
        required=False, allow_blank=True, default="", help_text="Toelichting."
    )


class BesluitSerializer(serializers.Serializer):
    besluit = EnumField(choices=Besluit.choices, help_text="Het besluit.")
    besluit_op = serializers.DateField(help_text="Datum van het besluit.")
    beslist_door = EnumField(
        choices=Beslisser.choices, required=False, allow_blank=True, default="",
        help_text="Wie besliste: leeg volgt de wet (11 onder f en tot en met 10 dagen 11 onder g: het hoofd "
        "van de school, vastgelegd ter informatie; anders de leerplichtambtenaar).",
    )  # fmt: skip
    hoofd_gehoord_op = serializers.DateField(
        required=False, allow_null=True,
        help_text="Verlof van meer dan 10 dagen: de dag waarop het hoofd is gehoord (artikel 14).",
    )  # fmt: skip
    verklaring_onafhankelijk = serializers.BooleanField(
        required=False, allow_null=True, default=None,
        help_text="Artikel 5 onder a: de verklaring is van een door B&W aangewezen deskundige die de "
        "jongere niet behandelt.",
    )  # fmt: skip
    geldig_van = serializers.DateField(required=False, allow_null=True, help_text="Verleend: geldig vanaf.")
    geldig_tot = serializers.DateField(
        required=False, allow_null=True, help_text="Verleend: geldig tot en met."
    )
    versie = serializers.IntegerField(
        min_value=0, max_value=2**31 - 1, required=False, help_text="Als alternatief voor If-Match."
    )


class DocumentInvoerSerializer(serializers.Serializer):
    bestand = serializers.FileField(
        help_text="PDF, afbeelding (JPG, PNG, GIF, WebP), Word (.docx, .doc), Excel (.xlsx), "
        "OpenDocument-tekst (.odt) of platte tekst (.txt), ten hoogste 10 MB; het type wordt uit de inhoud bepaald."
    )
    omschrijving = serializers.CharField(
        max_length=200, required=False, allow_blank=True, default="", help_text="Omschrijving."
    )
