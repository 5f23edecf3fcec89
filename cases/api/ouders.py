"""Ouders/verzorgers (art. 2 Lpw): read nested on a jongere, and written here with the same
permissions as the jongere's own data (`cases.change_jongere`). Writes carry `versie` or an
If-Match header like the other versioned records; every read and write is logged."""

import django_filters
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, serializers, status
from rest_framework.response import Response

from cases.access import VIEW_PERMISSION
from cases.filtering import FilterSet
from cases.models import Jongere, Ouder
from cases.ouders.services import EDITABLE_FIELDS, ouder_toevoegen, ouder_verwijderen, ouder_wijzigen
from cases.verhuizing.services import ensure_writable
from cases.views import purpose_of

from .audit import log_detail, log_list
from .base import ApiViewSet
from .concurrency import ETAG, IF_MATCH, expected_version
from .fields import ApiModelSerializer, _user

HELP = {
    "bsn": "Burgerservicenummer van de ouder, 9 cijfers (elfproef); leeg als het niet bekend is.",
    "voornamen": "Voornamen.",
    "voorvoegsel": "Voorvoegsel van de achternaam, bijvoorbeeld 'de'.",
    "achternaam": "Achternaam (verplicht).",
    "relatie": "moeder, vader, ouder, voogd, pleegouder, verzorger of anders.",
    "gezag": "Heeft het gezag (ouderlijk gezag of voogdij).",
    "feitelijke_verzorging": "Verzorgt de jongere feitelijk.",
    "straat": "Straat.",
    "huisnummer": "Huisnummer met toevoeging.",
    "postcode": "Postcode, bijvoorbeeld 2711 AB.",
    "woonplaats": "Woonplaats.",
    "telefoon": "Telefoonnummer.",
    "email": "E-mailadres.",
    "geheim_adres": "Geheimhouding van het adres in de BRP: niet aan derden verstrekken.",
    "bron": "Herkomst: handmatig, import of brp.",
    "bron_datum": "Datum van de laatste import of BRP-bevraging.",
    "versie": "Versie; stuur mee bij een wijziging (of gebruik If-Match).",
}


class JongereRefField(serializers.PrimaryKeyRelatedField):
    """A jongere the user may see; any other id is 'does not exist'."""

    def get_queryset(self):
        user = _user(self)
        return Jongere.objects.visible_to(user).select_related("dossier") if user else Jongere.objects.none()


def _text(name: str, max_length: int) -> serializers.CharField:
    # Checked by the service (model validation), after it normalised the value ("2711ab" is a
    # fine postcode); a blank e-mail is no e-mail format, so the schema says string.
    return serializers.CharField(
        required=False, allow_blank=True, max_length=max_length, help_text=HELP[name]
    )


class OuderSerializer(ApiModelSerializer):
    jongere = JongereRefField(help_text="Id van de jongere.")
    versie = serializers.IntegerField(required=False, help_text=HELP["versie"])
    postcode = _text("postcode", 8)
    email = _text("email", 254)

    class Meta:
        model = Ouder
        fields = ["id", "jongere", *EDITABLE_FIELDS, "bron", "bron_datum", "versie"]
        read_only_fields = ["id", "bron", "bron_datum"]
        extra_kwargs = {name: {"help_text": text} for name, text in HELP.items() if name != "versie"}
        # Uniqueness (BSN per jongere) is checked by the service with a readable message.
        validators = []


class OuderGenestSerializer(ApiModelSerializer):
    """An ouder as part of a jongere (read only)."""

    email = serializers.CharField(read_only=True, help_text=HELP["email"])

    class Meta:
        model = Ouder
        fields = ["id", *EDITABLE_FIELDS, "bron", "bron_datum", "versie"]
        read_only_fields = fields
        extra_kwargs = {name: {"help_text": text} for name, text in HELP.items()}


class OuderFilter(FilterSet):
    jongere = django_filters.NumberFilter(
        field_name="jongere_id", help_text="Alleen de ouders van deze jongere."
    )

    class Meta:
        model = Ouder
        fields = ["jongere"]


@extend_schema_view(
    list=extend_schema(
        summary="Ouders en verzorgers opvragen",
        description="De actieve ouders/verzorgers van de jongeren die u mag zien; filter met ?jongere=. "
        "Elke jongere in het antwoord komt in het verwerkingslogboek.",
    ),
    retrieve=extend_schema(summary="Eén ouder of verzorger opvragen", parameters=[ETAG]),
    create=extend_schema(
        summary="Ouder of verzorger toevoegen",
        description="Iemand met gezag of feitelijke verzorging (artikel 2 Leerplichtwet). Brieven aan de "
        "ouders gaan naar deze personen, één per adres.",
    ),
    update=extend_schema(summary="Ouder of verzorger wijzigen", parameters=[IF_MATCH, ETAG]),
    partial_update=extend_schema(summary="Ouder of verzorger deels wijzigen", parameters=[IF_MATCH, ETAG]),
    destroy=extend_schema(
        summary="Ouder of verzorger verwijderen",
        description="Haalt de ouder uit het dossier; de geschiedenis en verstuurde brieven blijven.",
        parameters=[IF_MATCH],
    ),
)
class OuderViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    mixins.DestroyModelMixin,
    ApiViewSet,
):
    serializer_class = OuderSerializer
    filterset_class = OuderFilter
    versioned = True
    required_perms = {
        "list": [VIEW_PERMISSION],
        "retrieve": [VIEW_PERMISSION],
        "create": [VIEW_PERMISSION, "cases.change_jongere"],
        "update": [VIEW_PERMISSION, "cases.change_jongere"],
        "partial_update": [VIEW_PERMISSION, "cases.change_jongere"],
        "destroy": [VIEW_PERMISSION, "cases.change_jongere"],
    }

    def get_queryset(self):
        return (
            Ouder.objects.visible_to(self.request.user)
            .filter(actief=True)
            .select_related("jongere__dossier")
            .order_by("jongere_id", "-gezag", "-feitelijke_verzorging", "pk")
        )

    def _respond(self, ouder, code=status.HTTP_200_OK):
        self.etag_object = ouder
        return Response(OuderSerializer(ouder, context=self.get_serializer_context()).data, status=code)

    def list(self, request, *args, **kwargs):
        page = self.paginate_queryset(self.filter_queryset(self.get_queryset()))
        log_list(request, [o.jongere for o in page])
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    def retrieve(self, request, *args, **kwargs):
        ouder = self.get_object()
        log_detail(request, ouder.jongere, ouder)
        return self._respond(ouder)

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        jongere = data.pop("jongere")
        data.pop("versie", None)
        ensure_writable(jongere.dossier)
        ouder = ouder_toevoegen(
            actor=request.user, jongere=jongere, purpose=purpose_of(request.user), request=request, **data
        )
        return self._respond(ouder, status.HTTP_201_CREATED)

    def update(self, request, *args, **kwargs):
        ouder = self.get_object()
        serializer = self.get_serializer(ouder, data=request.data, partial=kwargs.get("partial", False))
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        if data.pop("jongere", ouder.jongere) != ouder.jongere:
            raise serializers.ValidationError(
                {
                    "jongere": [
                        _("Een ouder hoort bij één jongere; voeg de ouder bij de andere jongere opnieuw toe.")
                    ]
                }
            )
        versie = expected_version(request, ouder, data.pop("versie", None))
        ensure_writable(ouder.jongere.dossier)
        ouder = ouder_wijzigen(
            actor=request.user,
            ouder=ouder,
            versie=versie,
            purpose=purpose_of(request.user),
            request=request,
            **data,
        )
        return self._respond(ouder)

    def destroy(self, request, *args, **kwargs):
        ouder = self.get_object()
        versie = expected_version(request, ouder)
        ensure_writable(ouder.jongere.dossier)
        ouder_verwijderen(
            actor=request.user, ouder=ouder, versie=versie, purpose=purpose_of(request.user), request=request
        )
        return Response(status=status.HTTP_204_NO_CONTENT)
