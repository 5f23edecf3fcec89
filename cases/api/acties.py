"""Acties: dated actions on a dossier's timeline (gesprek, huisbezoek, waarschuwing, ...)."""

import django_filters
from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, serializers, status
from rest_framework.response import Response

from cases import services
from cases.access import VIEW_PERMISSION
from cases.filtering import FilterSet
from cases.models import Actie
from cases.views import purpose_of

from .audit import log_list
from .base import ApiViewSet
from .fields import ApiModelSerializer, DossierField


class ActieSerializer(ApiModelSerializer):
    dossier = DossierField(help_text="Het dossier waarop de actie staat.")
    vastgelegd_door = serializers.SerializerMethodField(help_text="Naam van wie de actie vastlegde.")

    class Meta:
        model = Actie
        fields = ["id", "dossier", "soort", "datum", "omschrijving", "vastgelegd_door", "vastgelegd_op"]
        read_only_fields = ["id", "vastgelegd_door", "vastgelegd_op"]
        extra_kwargs = {
            "soort": {"help_text": "Soort actie, bijvoorbeeld verzuimgesprek of huisbezoek."},
            "datum": {"help_text": "De dag waarop de actie plaatsvond; niet in de toekomst."},
            "omschrijving": {"help_text": "Korte omschrijving."},
            "vastgelegd_op": {"help_text": "Tijdstip van registratie."},
        }

    def get_vastgelegd_door(self, actie) -> str:
        return actie.gebruiker.get_full_name() or actie.gebruiker.get_username()

    def validate_datum(self, datum):
        if datum > timezone.localdate():
            raise serializers.ValidationError(
                _("Een actie kan niet in de toekomst liggen; kies vandaag of eerder.")
            )
        return datum


class ActieFilter(FilterSet):
    dossier = django_filters.NumberFilter(
        field_name="dossier_id", help_text="Alleen de acties van dit dossier."
    )

    class Meta:
        model = Actie
        fields = ["dossier", "soort"]


@extend_schema_view(
    list=extend_schema(
        summary="Acties opvragen",
        description="De acties op de dossiers die u mag zien, nieuwste eerst; filter met ?dossier=. "
        "Elke jongere in het antwoord komt in het verwerkingslogboek.",
    ),
    create=extend_schema(summary="Actie vastleggen", description="Legt een actie vast op een dossier."),
)
class ActieViewSet(mixins.ListModelMixin, mixins.CreateModelMixin, ApiViewSet):
    serializer_class = ActieSerializer
    filterset_class = ActieFilter
    required_perms = {"list": [VIEW_PERMISSION], "create": [VIEW_PERMISSION, "cases.add_actie"]}

    def get_queryset(self):
        return (
            Actie.objects.visible_to(self.request.user)
            .select_related("gebruiker", "dossier__jongere")
            .order_by("-datum", "-vastgelegd_op", "-pk")
        )

    def list(self, request, *args, **kwargs):
        page = self.paginate_queryset(self.filter_queryset(self.get_queryset()))
        log_list(request, [actie.dossier.jongere for actie in page])
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        actie = services.actie_register(
            actor=request.user, purpose=purpose_of(request.user), request=request, **serializer.validated_data
        )
        return Response(self.get_serializer(actie).data, status=status.HTTP_201_CREATED)
