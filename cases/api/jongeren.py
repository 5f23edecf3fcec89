"""Jongeren: list (non-personal filters only), search by BSN / name / birth date in a POST body,
detail, create and update. BSNs and names never travel in a URL."""

import django_filters
from django.db import transaction
from django.db.models import Prefetch
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema, extend_schema_field, extend_schema_view
from rest_framework import mixins, serializers, status
from rest_framework.decorators import action
from rest_framework.response import Response

from cases import selectors, services
from cases.access import VIEW_PERMISSION
from cases.constants import AuditAction
from cases.filtering import FilterSet
from cases.filters import JongereFilter
from cases.models import Jongere
from cases.privacy.audit import log_access
from cases.rules import is_valid_bsn
from cases.views import purpose_of

from .audit import log_detail, log_list
from .base import ApiViewSet
from .fields import ApiModelSerializer, GemeenteField
from .ouders import OuderGenestSerializer


def _actieve_ouders(user, jongere) -> list:
    # Prefetched as `actieve_ouders` for lists (one query per page), read directly otherwise.
    if hasattr(jongere, "actieve_ouders"):
        return jongere.actieve_ouders
    return list(selectors.ouders_van(user, jongere))


JONGERE_FIELDS = [
    "id",
    "dossier",
    "bsn",
    "voornamen",
    "tussenvoegsel",
    "achternaam",
    "geboortedatum",
    "geslacht",
    "straat",
    "postcode",
    "woonplaats",
    "woongemeente",
    "startkwalificatie_op",
    "extern_id",
    "ouders",
]


class JongereSerializer(ApiModelSerializer):
    dossier = serializers.PrimaryKeyRelatedField(
        read_only=True, help_text="Het dossier van de jongere (zie /dossiers/{id}/)."
    )
    woongemeente = GemeenteField()
    ouders = serializers.SerializerMethodField(
        help_text="De ouders en verzorgers (artikel 2 Leerplichtwet); wijzigen via /ouders/."
    )

    class Meta:
        model = Jongere
        fields = JONGERE_FIELDS
        read_only_fields = ["id", "dossier", "ouders"]
        extra_kwargs = {
            "bsn": {"help_text": "Burgerservicenummer, 9 cijfers (elfproef); leeg als het niet bekend is."},
            "voornamen": {"help_text": "Voornamen van de jongere."},
            "tussenvoegsel": {"help_text": "Tussenvoegsel, bijvoorbeeld 'de' of 'van der'."},
            "achternaam": {"help_text": "Achternaam van de jongere."},
            "geboortedatum": {"help_text": "Geboortedatum (JJJJ-MM-DD)."},
            "geslacht": {"help_text": "m (man), v (vrouw), x (anders / onbekend) of leeg."},
            "straat": {"help_text": "Straat en huisnummer."},
            "postcode": {"help_text": "Postcode, bijvoorbeeld 2711 AB."},
            "woonplaats": {"help_text": "Woonplaats."},
            "startkwalificatie_op": {
                "help_text": "Datum waarop een startkwalificatie is behaald; leeg als niet."
            },
            "extern_id": {"help_text": "Persoonssleutel in het bronsysteem (import)."},
        }
        # Uniqueness of the BSN is checked below with a readable message.
        validators = []

    @extend_schema_field(OuderGenestSerializer(many=True))
    def get_ouders(self, jongere) -> list:
        return OuderGenestSerializer(_actieve_ouders(self.context["request"].user, jongere), many=True).data

    def validate_bsn(self, value):
        value = value.strip()
        if value and not is_valid_bsn(value):
            raise serializers.ValidationError(
                _("Dit is geen geldig BSN: een BSN heeft 9 cijfers en voldoet aan de elfproef.")
            )
        return value

    def validate_woongemeente(self, value):
        user = self.context["request"].user
        scope = list(user.gemeenten.values_list("pk", flat=True))
        if scope and value.pk not in scope:
            raise serializers.ValidationError(_("Deze gemeente valt buiten uw gemeenten."))
        return value

    def validate(self, attrs):
        bsn = attrs.get("bsn")
        user = self.context["request"].user
        if bsn:
            others = Jongere.objects.filter(organisatie_id=user.organisatie_id, bsn=bsn)
            if self.instance is not None:
                others = others.exclude(pk=self.instance.pk)
            if others.exists():
                raise serializers.ValidationError(
                    {"bsn": _("Er is al een jongere met dit BSN in uw organisatie; zoek die op.")}
                )
        return attrs


class JongereZoekSerializer(serializers.Serializer):
    """Search criteria: sent in the body, so they stay out of URLs and access logs."""

    bsn = serializers.CharField(
        required=False, allow_blank=True, max_length=9, help_text="Volledig BSN (exact, 9 cijfers)."
    )
    naam = serializers.CharField(
        required=False, allow_blank=True, max_length=200, help_text="(Deel van de) voor- of achternaam."
    )
    geboortedatum = serializers.DateField(required=False, allow_null=True, help_text="Geboortedatum.")
    woongemeente = GemeenteField(required=False, allow_null=True)

    def validate_bsn(self, value):
        value = value.strip()
        if value and not is_valid_bsn(value):
            raise serializers.ValidationError(
                _("Dit is geen geldig BSN: een BSN heeft 9 cijfers en voldoet aan de elfproef.")
            )
        return value

    def validate_naam(self, value):
        return value.strip()

    def validate(self, attrs):
        if not any(attrs.get(f) for f in ("bsn", "naam", "geboortedatum", "woongemeente")):
            raise serializers.ValidationError(
                _("Vul een BSN, naam, geboortedatum of gemeente in om te zoeken.")
            )
        return attrs


class JongereApiFilter(FilterSet):
    """GET filters: only non-personal fields."""

    woongemeente = django_filters.CharFilter(
        field_name="woongemeente__code",
        help_text="CBS-gemeentecode van de woongemeente, bijvoorbeeld GM0637.",
    )

    class Meta:
        model = Jongere
        fields = ["woongemeente"]


@transaction.atomic
def jongere_update(*, actor, jongere_id: int, fields: dict, purpose, request=None) -> Jongere:
    """Change a jongere's personal data; validated like registration and logged (WIJZIGEN).

    To move to cases/services.py (the pages have no edit form yet)."""
    jongere = Jongere.objects.select_for_update().get(pk=jongere_id)
    for name, value in fields.items():
        setattr(jongere, name, value)
    jongere.full_clean()
    jongere.save()
    log_access(actor=actor, action=AuditAction.WIJZIGEN, purpose=purpose, jongere=jongere, request=request)
    return jongere


@extend_schema_view(
    list=extend_schema(
        summary="Jongeren opvragen",
        description="Alle jongeren die u mag zien, op achternaam. Filter alleen op niet-persoonlijke "
        "velden; zoek op BSN, naam of geboortedatum met POST /jongeren/zoeken/. Elke getoonde jongere "
        "komt in het verwerkingslogboek.",
    ),
    retrieve=extend_schema(
        summary="Eén jongere opvragen", description="Wordt vastgelegd in het verwerkingslogboek."
    ),
    create=extend_schema(
        summary="Jongere registreren",
        description="Legt een jongere vast met een leeg dossier. Het BSN wordt gecontroleerd (elfproef).",
    ),
    update=extend_schema(summary="Persoonsgegevens wijzigen"),
    partial_update=extend_schema(summary="Persoonsgegevens deels wijzigen"),
)
class JongereViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    ApiViewSet,
):
    serializer_class = JongereSerializer
    filterset_class = JongereApiFilter
    required_perms = {
        "list": [VIEW_PERMISSION],
        "retrieve": [VIEW_PERMISSION],
        "zoeken": [VIEW_PERMISSION],
        "create": ["cases.add_jongere"],
        "update": [VIEW_PERMISSION, "cases.change_jongere"],
        "partial_update": [VIEW_PERMISSION, "cases.change_jongere"],
    }

    def get_queryset(self):
        ouders = selectors.actieve_ouders_for(self.request.user)
        return (
            selectors.jongeren_for(self.request.user)
            .select_related("dossier")
            .prefetch_related(Prefetch("ouders", queryset=ouders, to_attr="actieve_ouders"))
            .order_by("achternaam", "voornamen", "pk")
        )

    def list(self, request, *args, **kwargs):
        page = self.paginate_queryset(self.filter_queryset(self.get_queryset()))
        log_list(request, page)
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    def retrieve(self, request, *args, **kwargs):
        jongere = self.get_object()
        log_detail(request, jongere, jongere)
        return Response(self.get_serializer(jongere).data)

    @extend_schema(
        summary="Jongeren zoeken",
        description="Zoek op BSN (exact), naam, geboortedatum en/of woongemeente. De zoekvragen staan in "
        "de body, zodat persoonsgegevens niet in URL's of toegangslogs terechtkomen. Bladeren met "
        "?page=2.",
        request=JongereZoekSerializer,
        responses={200: JongereSerializer(many=True)},
        filters=False,
    )
    @action(detail=False, methods=["post"])
    def zoeken(self, request):
        criteria = JongereZoekSerializer(data=request.data, context=self.get_serializer_context())
        criteria.is_valid(raise_exception=True)
        data = criteria.validated_data
        queryset = self.get_queryset()
        if data.get("bsn"):
            queryset = queryset.filter(bsn=data["bsn"])
        if data.get("naam"):
            queryset = JongereFilter({"q": data["naam"]}, queryset=queryset, user=request.user).qs
        if data.get("geboortedatum"):
            queryset = queryset.filter(geboortedatum=data["geboortedatum"])
        if data.get("woongemeente"):
            queryset = queryset.filter(woongemeente=data["woongemeente"])
        page = self.paginator.paginate_queryset(queryset, request, view=self)
        log_list(request, page)
        return self.paginator.get_paginated_response(self.get_serializer(page, many=True).data)

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        jongere = services.jongere_register(
            actor=request.user,
            organisatie=request.user.organisatie,
            purpose=purpose_of(request.user),
            **serializer.validated_data,
        )
        return Response(self.get_serializer(jongere).data, status=status.HTTP_201_CREATED)

    def update(self, request, *args, **kwargs):
        jongere = self.get_object()
        serializer = self.get_serializer(jongere, data=request.data, partial=kwargs.get("partial", False))
        serializer.is_valid(raise_exception=True)
        jongere = jongere_update(
            actor=request.user,
            jongere_id=jongere.pk,
            fields=serializer.validated_data,
            purpose=purpose_of(request.user),
            request=request,
        )
        return Response(self.get_serializer(jongere).data)
