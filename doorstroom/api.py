"""REST API of Doorstroompunt trajecten: thin views over the same selectors and services as the
pages (start, gegevens, Routekaart step, benadering, afsluiten, nazorg)."""

import django_filters
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, status
from rest_framework.decorators import action
from rest_framework.response import Response

from cases.api.audit import log_detail, log_list
from cases.api.base import ApiViewSet
from cases.api.concurrency import ETAG, IF_MATCH, expected_version
from cases.filtering import FilterSet

from . import selectors, services
from .constants import Doelgroep, Stap
from .filters import Status
from .models import Traject
from .serializers import (
    AfsluitenSerializer,
    BenaderingInvoerSerializer,
    BenaderingSerializer,
    NazorgSerializer,
    StapSerializer,
    TrajectDetailSerializer,
    TrajectGegevensSerializer,
    TrajectSerializer,
    TrajectStartSerializer,
)
from .views import ADD, CHANGE, PURPOSE, VIEW


class TrajectApiFilter(FilterSet):
    status = django_filters.ChoiceFilter(
        choices=Status.CHOICES,
        method="filter_status",
        help_text=gettext_lazy("actief, open, nazorg, afgesloten of alle."),
    )
    doelgroep = django_filters.ChoiceFilter(
        choices=Doelgroep.choices, help_text=gettext_lazy("De doelgroep.")
    )
    stap = django_filters.ChoiceFilter(choices=Stap.choices, help_text=gettext_lazy("De huidige stap."))
    gemeente = django_filters.CharFilter(
        field_name="dossier__jongere__woongemeente__code",
        help_text=gettext_lazy("CBS-code van de woongemeente."),
    )
    behandelaar = django_filters.NumberFilter(
        field_name="behandelaar_id", help_text=gettext_lazy("Id van de coach.")
    )
    dossier = django_filters.NumberFilter(
        field_name="dossier_id", help_text=gettext_lazy("Id van het dossier.")
    )

    class Meta:
        model = Traject
        fields = ["status", "doelgroep", "stap", "gemeente", "behandelaar", "dossier"]

    def filter_status(self, queryset, name, value):
        if value == Status.OPEN:
            return queryset.open()
        if value == Status.NAZORG:
            return queryset.nazorg_open()
        if value == Status.AFGESLOTEN:
            return queryset.filter(afgesloten_op__isnull=False)
        if value == Status.ALLE:
            return queryset
        return selectors.actief(queryset)


@extend_schema_view(
    list=extend_schema(
        summary="Trajecten opvragen",
        description="De trajecten die u mag zien; filter met ?status=actief (lopend en nazorg aan de "
        "beurt), ?doelgroep=, ?stap=, ?behandelaar=. Elke jongere in het antwoord komt in het "
        "verwerkingslogboek.",
    ),
    retrieve=extend_schema(
        summary="Eén traject met Routekaart-geschiedenis en benaderingen",
        description="Met ETag (versie). Wordt vastgelegd in het verwerkingslogboek (inzien).",
        parameters=[ETAG],
    ),
    create=extend_schema(
        summary="Traject starten",
        description="Opent een traject bij stap 1 van de Routekaart op het dossier.",
        request=TrajectStartSerializer,
        responses={201: TrajectDetailSerializer},
        parameters=[ETAG],
    ),
    update=extend_schema(
        summary="Gegevens van het signaal wijzigen",
        description="Niet de doelgroep of de stap.",
        request=TrajectGegevensSerializer,
        responses={200: TrajectDetailSerializer},
        parameters=[IF_MATCH, ETAG],
    ),
    partial_update=extend_schema(
        summary="Gegevens van het signaal deels wijzigen",
        request=TrajectGegevensSerializer,
        responses={200: TrajectDetailSerializer},
        parameters=[IF_MATCH, ETAG],
    ),
)
class TrajectViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    ApiViewSet,
):
    versioned = True
    filterset_class = TrajectApiFilter
    required_perms = {
        "list": [VIEW],
        "retrieve": [VIEW],
        "create": [ADD],
        "update": [VIEW, CHANGE],
        "partial_update": [VIEW, CHANGE],
        "stap": [VIEW, CHANGE],
        "benadering": [VIEW, CHANGE],
        "afsluiten": [VIEW, CHANGE],
        "nazorg": [VIEW, CHANGE],
    }

    def get_queryset(self):
        return selectors.trajecten_for(self.request.user).order_by("-gemeld_op", "-pk")

    def get_serializer_class(self):
        if self.action == "list":
            return TrajectSerializer
        if self.action == "create":
            return TrajectStartSerializer
        if self.action in ("update", "partial_update"):
            return TrajectGegevensSerializer
        return TrajectDetailSerializer

    def _detail(self, traject, code=status.HTTP_200_OK):
        traject = (
            Traject.objects.filter(pk=traject.pk)
            .select_related("dossier")
            .prefetch_related("stapwijzigingen__door", "benaderingen__door")
            .get()
        )
        self.etag_object = traject
        return Response(TrajectDetailSerializer(traject).data, status=code)

    def list(self, request, *args, **kwargs):
        page = self.paginate_queryset(self.filter_queryset(self.get_queryset()))
        log_list(request, [t.dossier.jongere for t in page], PURPOSE)
        return self.get_paginated_response(TrajectSerializer(page, many=True).data)

    def retrieve(self, request, *args, **kwargs):
        traject = self.get_object()
        log_detail(request, traject.dossier.jongere, traject, PURPOSE)
        return self._detail(traject)

    def create(self, request, *args, **kwargs):
        serializer = TrajectStartSerializer(data=request.data, context=self.get_serializer_context())
        serializer.is_valid(raise_exception=True)
        traject = services.traject_start(actor=request.user, request=request, **serializer.validated_data)
        return self._detail(traject, status.HTTP_201_CREATED)

    def update(self, request, *args, **kwargs):
        traject = self.get_object()
        partial = kwargs.get("partial", False)
        serializer = TrajectGegevensSerializer(
            data=request.data, partial=partial, context=self.get_serializer_context()
        )
        serializer.is_valid(raise_exception=True)
        fields = dict(serializer.validated_data)
        versie = expected_version(request, traject, fields.pop("versie", None))
        gemeld_op = fields.get("gemeld_op")
        if gemeld_op and traject.afgesloten_op and gemeld_op > traject.afgesloten_op:
            raise ValidationError(
                {"gemeld_op": _("De datum van het signaal ligt na de afsluitdatum van het traject.")}
            )
        if not partial:
            # PUT: what is not sent is emptied, as on the form.
            defaults = {"uitval_op": None, "bron": "", "onderwijsachtergrond": None, "herkomst": None}
            defaults |= {"reden": None, "toelichting": "", "behandelaar": None}
            fields = defaults | fields
        traject = services.traject_bijwerken(
            actor=request.user, traject=traject, versie=versie, request=request, **fields
        )
        return self._detail(traject)

    @extend_schema(
        summary="Stap van de Routekaart zetten",
        description="Teruggaan naar fase 2 of 3 vraagt een reden; afsluiten gaat via /afsluiten/.",
        request=StapSerializer,
        responses={200: TrajectDetailSerializer},
        parameters=[IF_MATCH, ETAG],
    )
    @action(detail=True, methods=["post"])
    def stap(self, request, pk=None):
        traject = self.get_object()
        serializer = StapSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        traject = services.stap_wijzigen(
            actor=request.user,
            traject=traject,
            naar=data["naar"],
            reden=data["reden"],
            versie=expected_version(request, traject, data.get("versie")),
            request=request,
        )
        return self._detail(traject)

    @extend_schema(
        summary="Contactpoging vastleggen",
        request=BenaderingInvoerSerializer,
        responses={201: BenaderingSerializer},
        parameters=[IF_MATCH],
    )
    @action(detail=True, methods=["post"])
    def benadering(self, request, pk=None):
        traject = self.get_object()
        serializer = BenaderingInvoerSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        expected_version(request, traject)
        benadering = services.benadering_vastleggen(
            actor=request.user, traject=traject, request=request, **serializer.validated_data
        )
        return Response(BenaderingSerializer(benadering).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        summary="Traject afsluiten",
        description="Begeleid of niet (en waarom), uitstroom, en de nazorg een jaar later.",
        request=AfsluitenSerializer,
        responses={200: TrajectDetailSerializer},
        parameters=[IF_MATCH, ETAG],
    )
    @action(detail=True, methods=["post"])
    def afsluiten(self, request, pk=None):
        traject = self.get_object()
        serializer = AfsluitenSerializer(data=request.data, context=self.get_serializer_context())
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        versie = expected_version(request, traject, data.pop("versie", None))
        traject = services.traject_afsluiten(
            actor=request.user, traject=traject, versie=versie, request=request, **data
        )
        return self._detail(traject)

    @extend_schema(
        summary="Nazorg vastleggen",
        description="Waar de jongere een jaar na afsluiten is.",
        request=NazorgSerializer,
        responses={200: TrajectDetailSerializer},
        parameters=[IF_MATCH, ETAG],
    )
    @action(detail=True, methods=["post"])
    def nazorg(self, request, pk=None):
        traject = self.get_object()
        serializer = NazorgSerializer(data=request.data, context=self.get_serializer_context())
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        versie = expected_version(request, traject, data.pop("versie", None))
        traject = services.nazorg_vastleggen(
            actor=request.user,
            traject=traject,
            versie=versie,
            uitgevoerd_op=data["uitgevoerd_op"],
            situatie=data["situatie"],
            toelichting=data["toelichting"],
            request=request,
        )
        return self._detail(traject)
