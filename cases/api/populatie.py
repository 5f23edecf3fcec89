"""Populatie: per gemeente and schooljaar the numbers of leerplichtigen etc. (the jaarverslag's
denominators). Aggregates, no personal data: readable for every user of the organisation;
writable with `reporting.add_populatie` / `reporting.change_populatie`.

Belongs in reporting/api.py; it lives here only because that file was not part of this change.
The model is looked up by name so that the core does not import the reporting app.
"""

import django_filters
from django.apps import apps
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, serializers
from rest_framework.validators import UniqueTogetherValidator

from cases.filtering import FilterSet

from .base import ApiViewSet
from .fields import ApiModelSerializer, GemeenteField, SchooljaarField

Populatie = apps.get_model("reporting", "Populatie")

MAX_COUNT = 10_000_000


class PopulatieSerializer(ApiModelSerializer):
    gemeente = GemeenteField()
    schooljaar = SchooljaarField(help_text="Schooljaar, bijvoorbeeld 2024-2025.")
    leerplichtigen = serializers.IntegerField(
        min_value=0, max_value=MAX_COUNT, help_text="5 tot en met 16 jaar."
    )
    kwalificatieplichtigen = serializers.IntegerField(
        min_value=0,
        max_value=MAX_COUNT,
        required=False,
        allow_null=True,
        help_text="16-18 jaar zonder startkwalificatie.",
    )
    boven_leerplichtigen = serializers.IntegerField(
        min_value=0,
        max_value=MAX_COUNT,
        required=False,
        allow_null=True,
        help_text="18-23 jaar zonder startkwalificatie.",
    )
    startpopulatie_vsv = serializers.IntegerField(
        min_value=0,
        max_value=MAX_COUNT,
        required=False,
        allow_null=True,
        help_text="Noemer van het vsv-percentage (DUO).",
    )

    class Meta:
        model = Populatie
        fields = [
            "id",
            "gemeente",
            "schooljaar",
            "leerplichtigen",
            "kwalificatieplichtigen",
            "boven_leerplichtigen",
            "startpopulatie_vsv",
        ]
        validators = [
            UniqueTogetherValidator(
                queryset=Populatie.objects.all(),
                fields=["gemeente", "schooljaar"],
                message="Voor deze gemeente en dit schooljaar is de populatie al vastgelegd; wijzig die.",
            )
        ]


class PopulatieFilter(FilterSet):
    gemeente = django_filters.CharFilter(field_name="gemeente__code", help_text="CBS-gemeentecode.")
    schooljaar = django_filters.NumberFilter(help_text="Beginjaar van het schooljaar: 2024 voor 2024-2025.")

    class Meta:
        model = Populatie
        fields = ["gemeente", "schooljaar"]


@extend_schema_view(
    list=extend_schema(
        summary="Populatie opvragen", description="Per gemeente van uw organisatie en schooljaar."
    ),
    retrieve=extend_schema(summary="Eén populatieregel"),
    create=extend_schema(summary="Populatie vastleggen"),
    update=extend_schema(summary="Populatie wijzigen"),
    partial_update=extend_schema(summary="Populatie deels wijzigen"),
)
class PopulatieViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    ApiViewSet,
):
    serializer_class = PopulatieSerializer
    filterset_class = PopulatieFilter
    required_perms = {
        "list": [],
        "retrieve": [],
        "create": ["reporting.add_populatie"],
        "update": ["reporting.change_populatie"],
        "partial_update": ["reporting.change_populatie"],
    }

    def get_queryset(self):
        user = self.request.user
        if getattr(self, "swagger_fake_view", False) or not user.organisatie_id:
            return Populatie.objects.none()
        return (
            Populatie.objects.filter(gemeente__in=user.organisatie.gemeenten.all())
            .select_related("gemeente")
            .order_by("-schooljaar", "gemeente__naam", "pk")
        )
