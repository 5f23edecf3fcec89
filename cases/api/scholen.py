"""Scholen: reference data (BRIN + vestiging), shared by all organisations; read only."""

import django_filters
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, serializers

from cases.filtering import FilterSet
from cases.models import School

from .base import ApiViewSet
from .fields import ApiModelSerializer


class SchoolSerializer(ApiModelSerializer):
    onderwijssoorten = serializers.ListField(
        child=serializers.CharField(), help_text="Codes van de onderwijssoorten, bijvoorbeeld vmbo, havo."
    )

    class Meta:
        model = School
        fields = [
            "id",
            "brin",
            "vestiging",
            "naam",
            "plaats",
            "onderwijssoorten",
            "contact_email",
            "contact_telefoon",
        ]


class SchoolFilter(FilterSet):
    brin = django_filters.CharFilter(help_text="BRIN-code, 4 tekens.")

    class Meta:
        model = School
        fields = ["brin"]


@extend_schema_view(
    list=extend_schema(
        summary="Scholen opvragen", description="Alle onderwijsinstellingen; filter met ?brin=."
    ),
    retrieve=extend_schema(summary="Eén school"),
)
class SchoolViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ApiViewSet):
    serializer_class = SchoolSerializer
    filterset_class = SchoolFilter
    required_perms = {"list": ["cases.view_school"], "retrieve": ["cases.view_school"]}
    queryset = School.objects.order_by("naam", "pk")
