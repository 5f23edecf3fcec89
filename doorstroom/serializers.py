"""API serializers of Doorstroompunt trajecten. Field names follow the doorstroom import file:
`doelgroep`, `gemeld_op`, `uitval_op`, `onderwijsachtergrond`, `reden`, `begeleid`,
`reden_niet_begeleid`, `uitstroom`, `resultaat`, `afgesloten_op`. Codes of the organisation's
lists are ids (see /api/v1/codelijsten/)."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from cases.api.fields import ApiModelSerializer, CodeField, DossierField, EnumField
from cases.constants import Codelijst
from cases.models import User

from . import selectors
from .constants import (
    RESULTAAT_LIJST,
    BenaderingSoort,
    BenaderingUitkomst,
    Bron,
    Doelgroep,
    Stap,
    VerzuimAfloop,
)
from .models import Benadering, StapWijziging, Traject

VERSIE = {"min_value": 0, "max_value": 2**31 - 1, "required": False}


def _naam(user) -> str:
    return (user.get_full_name() or user.get_username()) if user else ""


@extend_schema_field(OpenApiTypes.INT)
class CoachField(serializers.PrimaryKeyRelatedField):
    """A doorstroomcoach of the user's organisation (the same choice as the form)."""

    def get_queryset(self):
        request = self.context.get("request")
        if request is None or not request.user.organisatie_id:
            return User.objects.none()
        return selectors.coaches_for(request.user.organisatie_id)


class StapWijzigingSerializer(ApiModelSerializer):
    door = serializers.SerializerMethodField(help_text="Naam van wie de stap zette.")

    class Meta:
        model = StapWijziging
        fields = ["van_stap", "naar_stap", "reden", "door", "tijdstip"]

    def get_door(self, obj) -> str:
        return _naam(obj.door)


class BenaderingSerializer(ApiModelSerializer):
    door = serializers.SerializerMethodField(help_text="Naam van wie de poging vastlegde.")

    class Meta:
        model = Benadering
        fields = ["id", "soort", "datum", "uitkomst", "toelichting", "door", "vastgelegd_op"]

    def get_door(self, obj) -> str:
        return _naam(obj.door)


class TrajectSerializer(ApiModelSerializer):
    jongere = serializers.IntegerField(
        source="dossier.jongere_id", read_only=True, help_text="Id van de jongere."
    )
    fase = serializers.CharField(
        read_only=True, help_text="De fase van de Routekaart waarin de huidige stap valt."
    )

    class Meta:
        model = Traject
        fields = [
            "id", "dossier", "jongere", "doelgroep", "stap", "stap_sinds", "fase", "bron", "gemeld_op",
            "uitval_op", "onderwijsachtergrond", "herkomst", "reden", "toelichting", "behandelaar",
            "begeleid", "reden_niet_begeleid", "uitstroom", "resultaat", "verzuim_afloop",
            "afgesloten_op", "nazorg_op", "nazorg_gesignaleerd_op", "nazorg_uitgevoerd_op",
            "nazorg_situatie", "nazorg_toelichting", "extern_id", "versie", "aangemaakt_op",
        ]  # fmt: skip
        read_only_fields = fields


class TrajectDetailSerializer(TrajectSerializer):
    stapwijzigingen = StapWijzigingSerializer(
        many=True, read_only=True, help_text="Geschiedenis van de Routekaart."
    )
    benaderingen = BenaderingSerializer(many=True, read_only=True, help_text="Contactpogingen.")

    class Meta(TrajectSerializer.Meta):
        fields = [*TrajectSerializer.Meta.fields, "stapwijzigingen", "benaderingen"]
        read_only_fields = fields


class _SignaalSerializer(serializers.Serializer):
    gemeld_op = serializers.DateField(help_text="Datum van het signaal; bepaalt het schooljaar.")
    uitval_op = serializers.DateField(
        required=False, allow_null=True, help_text="Datum van uitval uit het onderwijs."
    )
    bron = EnumField(
        choices=Bron.choices, required=False, allow_blank=True, help_text="Bron van het signaal."
    )
    onderwijsachtergrond = CodeField(
        lijsten=[Codelijst.DSP_ONDERWIJSACHTERGROND], required=False, allow_null=True,
        help_text="Code-id uit de lijst onderwijsachtergrond.",
    )  # fmt: skip
    herkomst = CodeField(
        lijsten=[Codelijst.DSP_HERKOMST_KWETSBAAR], required=False, allow_null=True,
        help_text="Alleen bij een kwetsbare jongere: code-id uit de lijst herkomst.",
    )  # fmt: skip
    reden = CodeField(
        lijsten=[Codelijst.DSP_REDEN_UITVAL, Codelijst.DSP_REDEN_ZORG_18PLUS], required=False, allow_null=True,
        help_text="Code-id: reden van uitval, of bij zorg 18+ de reden van de zorg.",
    )  # fmt: skip
    toelichting = serializers.CharField(
        required=False, allow_blank=True, help_text="Toelichting op het signaal."
    )
    behandelaar = CoachField(required=False, allow_null=True, help_text="Id van de doorstroomcoach.")


class TrajectStartSerializer(_SignaalSerializer):
    dossier = DossierField(help_text="Het dossier van de jongere.")
    doelgroep = EnumField(choices=Doelgroep.choices, help_text="De doelgroep.")
    bevestigd = serializers.BooleanField(
        default=False,
        help_text="true: een vsv-traject voor een jongere onder 18 is afgestemd met leerplicht; start het toch.",
    )


class TrajectGegevensSerializer(_SignaalSerializer):
    versie = serializers.IntegerField(**VERSIE, help_text="Als alternatief voor If-Match.")


class StapSerializer(serializers.Serializer):
    naar = EnumField(choices=Stap.choices, help_text="De nieuwe stap van de Routekaart.")
    reden = serializers.CharField(
        required=False, allow_blank=True, default="", help_text="Verplicht bij teruggaan naar fase 2 of 3."
    )
    versie = serializers.IntegerField(**VERSIE, help_text="Als alternatief voor If-Match.")


class BenaderingInvoerSerializer(serializers.Serializer):
    soort = EnumField(choices=BenaderingSoort.choices, help_text="Hoe contact is gezocht.")
    datum = serializers.DateField(help_text="De dag van de contactpoging.")
    uitkomst = EnumField(choices=BenaderingUitkomst.choices, help_text="Is de jongere bereikt?")
    toelichting = serializers.CharField(
        required=False, allow_blank=True, default="", help_text="Toelichting."
    )


class AfsluitenSerializer(serializers.Serializer):
    begeleid = serializers.BooleanField(allow_null=True, help_text="Is de jongere begeleid?")
    afgesloten_op = serializers.DateField(help_text="Datum van afsluiten.")
    reden_niet_begeleid = CodeField(
        lijsten=[Codelijst.DSP_REDEN_NIET_BEGELEID], required=False, allow_null=True,
        help_text="Niet begeleid: code-id van de reden.",
    )  # fmt: skip
    uitstroom = CodeField(
        lijsten=[Codelijst.DSP_UITSTROOM, Codelijst.DSP_UITSTROOM_KWETSBAAR], required=False, allow_null=True,
        help_text="Code-id van de uitstroom; verplicht bij een begeleide jongere.",
    )  # fmt: skip
    resultaat = CodeField(
        lijsten=sorted(set(RESULTAAT_LIJST.values())), required=False, allow_null=True,
        help_text="Code-id van het resultaat (organisaties die resultaten registreren).",
    )  # fmt: skip
    verzuim_afloop = EnumField(
        choices=VerzuimAfloop.choices, required=False, allow_blank=True, default="",
        help_text="Alleen bij verzuim 18+: opleiding voortgezet of gestopt.",
    )  # fmt: skip
    versie = serializers.IntegerField(**VERSIE, help_text="Als alternatief voor If-Match.")


class NazorgSerializer(serializers.Serializer):
    uitgevoerd_op = serializers.DateField(help_text="Datum van het nazorgcontact.")
    situatie = CodeField(
        lijsten=[Codelijst.DSP_UITSTROOM, Codelijst.DSP_UITSTROOM_KWETSBAAR],
        help_text="Code-id: waar de jongere een jaar na afsluiten is.",
    )
    toelichting = serializers.CharField(
        required=False, allow_blank=True, default="", help_text="Toelichting."
    )
    versie = serializers.IntegerField(**VERSIE, help_text="Als alternatief voor If-Match.")
