"""Codelijsten: the organisation's configurable reasons, results and outflow categories.

Readable for every user of the organisation: the same items fill the choice lists of every form.
"""

import django_filters
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins

from cases.constants import Codelijst
from cases.filtering import FilterSet
from cases.models import CodeItem

from .base import ApiViewSet
from .fields import ApiModelSerializer


class CodeItemSerializer(ApiModelSerializer):
    class Meta:
        model = CodeItem
        fields = ["id", "lijst", "label", "categorie", "samenvatting", "volgorde", "actief"]
        extra_kwargs = {
            "lijst": {"help_text": "De codelijst waar dit item bij hoort."},
            "label": {"help_text": "Zoals gebruikers en rapportages het zien; in importbestanden het label."},
        }


class CodeItemFilter(FilterSet):
    lijst = django_filters.ChoiceFilter(
        choices=Codelijst.choices, help_text="Alleen de items van deze lijst."
    )
    actief = django_filters.BooleanFilter(help_text="true: alleen codes die nog gekozen kunnen worden.")

    class Meta:
        model = CodeItem
        fields = ["lijst", "actief"]


@extend_schema_view(
    list=extend_schema(
        summary="Codelijsten van uw organisatie", description="Filter met ?lijst=reden_relatief."
    ),
    retrieve=extend_schema(summary="Eén code"),
)
class CodeItemViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ApiViewSet):
    serializer_class = CodeItemSerializer
    filterset_class = CodeItemFilter
    required_perms = {"list": [], "retrieve": []}

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return CodeItem.objects.none()
        return CodeItem.objects.filter(organisatie_id=self.request.user.organisatie_id).order_by(
            "lijst", "volgorde", "pk"
        )
