"""REST API of meldingen and vrijstellingen: thin views over the same selectors and services as
the pages, so the API can never do what the browser may not."""

import dataclasses

import django_filters
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, status
from rest_framework.decorators import action
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.response import Response

from cases.api.audit import log_detail, log_list
from cases.api.base import ApiViewSet
from cases.api.concurrency import ETAG, IF_MATCH, expected_version
from cases.api.errors import WarningsError
from cases.filtering import FilterSet
from cases.idempotency import AlVerwerkt
from cases.models import School

from . import selectors, services
from . import vrijstellingen as vrijstelling_services
from .constants import ALLE_SOORT_VELDEN, SOORT_VELDEN, Besluit, Fase, Grondslag, MeldingSoort
from .models import Melding, Vrijstelling
from .serializers import (
    BesluitSerializer,
    DocumentInvoerSerializer,
    DocumentSerializer,
    MeldingActieInvoerSerializer,
    MeldingActieSerializer,
    MeldingDetailSerializer,
    MeldingInvoerSerializer,
    MeldingRouteSerializer,
    MeldingSerializer,
    MeldingWijzigSerializer,
    RouteInvoerSerializer,
    TransitieSerializer,
    VrijstellingInvoerSerializer,
    VrijstellingSerializer,
)
from .services import PURPOSE, MeldingGegevens, MeldingWarnings

VIEW, ADD, CHANGE = "leerplicht.view_melding", "leerplicht.add_melding", "leerplicht.change_melding"
VIEW_V, ADD_V, CHANGE_V = (
    "leerplicht.view_vrijstelling",
    "leerplicht.add_vrijstelling",
    "leerplicht.change_vrijstelling",
)
GEGEVENS_FIELDS = [f.name for f in dataclasses.fields(MeldingGegevens)]


class MeldingFilter(FilterSet):
    soort = django_filters.ChoiceFilter(
        choices=MeldingSoort.choices, help_text=gettext_lazy("Soort melding.")
    )
    fase = django_filters.ChoiceFilter(
        choices=Fase.choices, help_text=gettext_lazy("MAS-fase, of afgesloten.")
    )
    open = django_filters.BooleanFilter(
        method="filter_open", help_text=gettext_lazy("true: alleen niet afgesloten meldingen.")
    )
    school = django_filters.ModelChoiceFilter(
        queryset=School.objects.all(), help_text=gettext_lazy("Id van de school.")
    )
    gemeente = django_filters.CharFilter(
        field_name="gemeente__code", help_text=gettext_lazy("CBS-gemeentecode.")
    )
    behandelaar = django_filters.NumberFilter(
        field_name="behandelaar_id", help_text=gettext_lazy("Id van de leerplichtambtenaar.")
    )
    dossier = django_filters.NumberFilter(
        field_name="dossier_id", help_text=gettext_lazy("Id van het dossier.")
    )
    ontvangen_vanaf = django_filters.DateFilter(
        field_name="ontvangen_op", lookup_expr="gte", help_text=gettext_lazy("Ontvangen op of na.")
    )
    ontvangen_tot = django_filters.DateFilter(
        field_name="ontvangen_op", lookup_expr="lte", help_text=gettext_lazy("Ontvangen op of voor.")
    )

    class Meta:
        model = Melding
        fields = ["soort", "fase", "open", "school", "gemeente", "behandelaar", "dossier"]

    def filter_open(self, queryset, name, value):
        return queryset.open() if value else queryset.filter(fase=Fase.AFGESLOTEN)


def _raise_warnings(exc: MeldingWarnings):
    raise WarningsError(exc.warnings) from exc


def _fields_of_the_soort(data: dict, sent: dict) -> None:
    """As the form (leerplicht/forms.py, SOORT_VELDEN): a field that does not apply to the
    melding's soort is refused when the client sends a value for it, and cleared when it only
    remains from an earlier soort (a PATCH that changes the soort), so what is stored fits the soort."""
    allowed = SOORT_VELDEN.get(data["soort"], ())
    soort = MeldingSoort(data["soort"]).label.lower()
    if allowed:
        message = _("Dit veld hoort niet bij een melding %(soort)s. Daarbij horen: %(velden)s.") % {
            "soort": soort,
            "velden": ", ".join(allowed),
        }
    else:
        message = _("Dit veld hoort niet bij een melding %(soort)s: daarbij horen geen verzuimgegevens.") % {
            "soort": soort
        }
    errors = {}
    for name in ALLE_SOORT_VELDEN:
        if name in allowed:
            continue
        if sent.get(name) not in (None, ""):
            errors[name] = message
        data[name] = "" if name == "gezin_id" else None
    if errors:
        raise ValidationError(errors)


def _check_dates(melding_or_dossier, data: dict, afgesloten_op=None) -> None:
    """Dates the service leaves to the database constraints: refuse them with a message instead.

    (To move into leerplicht.services._validate, so the pages get the same check.)"""
    dossier = getattr(melding_or_dossier, "dossier", melding_or_dossier)
    ontvangen_op = data.get("ontvangen_op")
    if ontvangen_op and ontvangen_op < dossier.jongere.geboortedatum:
        raise ValidationError(
            {"ontvangen_op": _("De ontvangstdatum ligt voor de geboortedatum van de jongere.")}
        )
    if ontvangen_op and afgesloten_op and ontvangen_op > afgesloten_op:
        raise ValidationError(
            {"ontvangen_op": _("De ontvangstdatum ligt na de afsluitdatum van de melding.")}
        )


@extend_schema_view(
    list=extend_schema(
        summary="Meldingen opvragen",
        description="Meldingen van de jongeren die u mag zien, nieuwste eerst. Elke jongere in het "
        "antwoord komt in het verwerkingslogboek (zoeken).",
    ),
    retrieve=extend_schema(
        summary="Eén melding met routes, faseovergangen en acties",
        description="Met ETag (versie). Wordt vastgelegd in het verwerkingslogboek (inzien).",
        parameters=[ETAG],
    ),
    create=extend_schema(
        summary="Melding registreren",
        description="Registreert een melding in fase Waarnemen op het dossier. Bij twijfelachtige "
        "invoer antwoordt de API 400 met `waarschuwingen`; stuur dan opnieuw met `bevestigd: true`.",
        request=MeldingInvoerSerializer,
        responses={201: MeldingDetailSerializer},
        parameters=[ETAG],
    ),
    update=extend_schema(
        summary="Melding wijzigen",
        description="Wijzigt de geregistreerde gegevens (niet de fase). Velden die ontbreken worden leeggemaakt.",
        request=MeldingWijzigSerializer,
        responses={200: MeldingDetailSerializer},
        parameters=[IF_MATCH, ETAG],
    ),
    partial_update=extend_schema(
        summary="Melding deels wijzigen",
        description="Wijzigt alleen de meegestuurde velden.",
        request=MeldingWijzigSerializer,
        responses={200: MeldingDetailSerializer},
        parameters=[IF_MATCH, ETAG],
    ),
)
class MeldingViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    ApiViewSet,
):
    versioned = True
    filterset_class = MeldingFilter
    required_perms = {
        "list": [VIEW],
        "retrieve": [VIEW],
        "create": [ADD],
        "update": [VIEW, CHANGE],
        "partial_update": [VIEW, CHANGE],
        "transitie": [VIEW, CHANGE],
        "route": [VIEW, CHANGE],
        "acties": [VIEW, CHANGE],
    }

    def get_queryset(self):
        return selectors.meldingen_for(self.request.user).order_by("-ontvangen_op", "-pk")

    def get_serializer_class(self):
        if self.action == "list":
            return MeldingSerializer
        if self.action == "create":
            return MeldingInvoerSerializer
        if self.action in ("update", "partial_update"):
            return MeldingWijzigSerializer
        return MeldingDetailSerializer

    def _detail(self, melding, code=status.HTTP_200_OK):
        melding = (
            selectors.meldingen_for(self.request.user)
            .prefetch_related("routes__gekozen_door", "transities__gebruiker", "acties__actie__gebruiker")
            .get(pk=melding.pk)
        )
        self.etag_object = melding
        return Response(
            MeldingDetailSerializer(melding, context=self.get_serializer_context()).data, status=code
        )

    def list(self, request, *args, **kwargs):
        page = self.paginate_queryset(self.filter_queryset(self.get_queryset()))
        log_list(request, [m.dossier.jongere for m in page], PURPOSE)
        return self.get_paginated_response(MeldingSerializer(page, many=True).data)

    def retrieve(self, request, *args, **kwargs):
        melding = self.get_object()
        log_detail(request, melding.dossier.jongere, melding, PURPOSE)
        return self._detail(melding)

    def create(self, request, *args, **kwargs):
        serializer = MeldingInvoerSerializer(data=request.data, context=self.get_serializer_context())
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        dossier, confirmed = data.pop("dossier"), data.pop("bevestigd")
        data.pop("versie", None)
        _fields_of_the_soort(data, serializer.validated_data)
        _check_dates(dossier, data)
        try:
            melding = services.melding_register(
                actor=request.user,
                dossier=dossier,
                data=MeldingGegevens(**data),
                confirmed=confirmed,
                # A client that retries after a lost answer sends the same key: one melding.
                sleutel=request.headers.get("Idempotency-Key", "")[:64],
                request=request,
            )
        except AlVerwerkt as exc:
            return self._detail(self.get_queryset().get(pk=exc.object_id), status.HTTP_200_OK)
        except MeldingWarnings as exc:
            _raise_warnings(exc)
        return self._detail(melding, status.HTTP_201_CREATED)

    def update(self, request, *args, **kwargs):
        melding = self.get_object()
        partial = kwargs.get("partial", False)
        serializer = MeldingWijzigSerializer(
            data=request.data, partial=partial, context=self.get_serializer_context()
        )
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        confirmed = data.pop("bevestigd", False)
        versie = expected_version(request, melding, data.pop("versie", None))
        if partial:
            data = {name: getattr(melding, name) for name in GEGEVENS_FIELDS} | data
        _fields_of_the_soort(data, serializer.validated_data)
        _check_dates(melding, data, melding.afgesloten_op)
        try:
            melding = services.melding_update(
                actor=request.user,
                melding_id=melding.pk,
                versie=versie,
                data=MeldingGegevens(**data),
                confirmed=confirmed,
                request=request,
            )
        except MeldingWarnings as exc:
            _raise_warnings(exc)
        return self._detail(melding)

    @extend_schema(
        summary="Fase wijzigen, afsluiten of heropenen",
        description="Verplaatst de melding door de MAS. Een stap die niet mag antwoordt 400 met dezelfde "
        "melding als de pagina, bijvoorbeeld 'Kies een resultaat om de melding af te sluiten.'.",
        request=TransitieSerializer,
        responses={200: MeldingDetailSerializer},
        parameters=[IF_MATCH, ETAG],
    )
    @action(detail=True, methods=["post"])
    def transitie(self, request, pk=None):
        melding = self.get_object()
        serializer = TransitieSerializer(data=request.data, context=self.get_serializer_context())
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        melding = services.melding_transition(
            actor=request.user,
            melding_id=melding.pk,
            versie=expected_version(request, melding, data.get("versie")),
            naar=data["naar"],
            reden=data["reden"],
            resultaat=data.get("resultaat"),
            afgesloten_op=data.get("afgesloten_op"),
            request=request,
        )
        return self._detail(melding)

    @extend_schema(
        summary="Route kiezen",
        description="Legt een MAS-route vast. Een ongebruikelijke route vraagt een toelichting (pas toe of leg uit).",
        request=RouteInvoerSerializer,
        responses={201: MeldingRouteSerializer},
        parameters=[IF_MATCH],
    )
    @action(detail=True, methods=["post"])
    def route(self, request, pk=None):
        melding = self.get_object()
        serializer = RouteInvoerSerializer(data=request.data, context=self.get_serializer_context())
        serializer.is_valid(raise_exception=True)
        expected_version(request, melding)
        chosen = services.melding_choose_route(
            actor=request.user, melding_id=melding.pk, request=request, **serializer.validated_data
        )
        return Response(MeldingRouteSerializer(chosen).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        summary="Actie bij de melding vastleggen",
        description="Legt een actie vast op het dossier, gekoppeld aan de melding. De regels voor Halt en "
        "proces-verbaal gelden; de route die bij de actie hoort wordt toegevoegd.",
        request=MeldingActieInvoerSerializer,
        responses={201: MeldingActieSerializer},
        parameters=[IF_MATCH],
    )
    @action(detail=True, methods=["post"])
    def acties(self, request, pk=None):
        melding = self.get_object()
        serializer = MeldingActieInvoerSerializer(data=request.data, context=self.get_serializer_context())
        serializer.is_valid(raise_exception=True)
        expected_version(request, melding)
        link = services.melding_actie_register(
            actor=request.user, melding_id=melding.pk, request=request, **serializer.validated_data
        )
        return Response(MeldingActieSerializer(link).data, status=status.HTTP_201_CREATED)


class VrijstellingFilter(FilterSet):
    grondslag = django_filters.ChoiceFilter(
        choices=Grondslag.choices, help_text=gettext_lazy("Artikel van de Leerplichtwet.")
    )
    besluit = django_filters.ChoiceFilter(choices=Besluit.choices, help_text=gettext_lazy("Het besluit."))
    in_behandeling = django_filters.BooleanFilter(
        field_name="besluit",
        lookup_expr="exact",
        method="filter_in_behandeling",
        help_text=gettext_lazy("true: nog geen besluit."),
    )
    dossier = django_filters.NumberFilter(
        field_name="dossier_id", help_text=gettext_lazy("Id van het dossier.")
    )

    class Meta:
        model = Vrijstelling
        fields = ["grondslag", "besluit", "in_behandeling", "dossier"]

    def filter_in_behandeling(self, queryset, name, value):
        return queryset.filter(besluit="") if value else queryset.exclude(besluit="")


@extend_schema_view(
    list=extend_schema(
        summary="Aanvragen vrijstelling en verlof opvragen",
        description="Elke jongere in het antwoord komt in het verwerkingslogboek (zoeken).",
    ),
    retrieve=extend_schema(
        summary="Eén aanvraag met besluit en documenten",
        description="Met ETag (versie). Wordt vastgelegd in het verwerkingslogboek (inzien).",
        parameters=[ETAG],
    ),
    create=extend_schema(
        summary="Aanvraag registreren",
        request=VrijstellingInvoerSerializer,
        responses={201: VrijstellingSerializer},
        parameters=[ETAG],
    ),
)
class VrijstellingViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin, ApiViewSet
):
    versioned = True
    serializer_class = VrijstellingSerializer
    filterset_class = VrijstellingFilter
    required_perms = {
        "list": [VIEW_V],
        "retrieve": [VIEW_V],
        "create": [ADD_V],
        "besluit": [VIEW_V, CHANGE_V],
        "documenten": [VIEW_V, ADD_V],
    }

    def get_queryset(self):
        return (
            Vrijstelling.objects.visible_to(self.request.user)
            .select_related("dossier__jongere", "behandelaar", "gemeente")
            .prefetch_related("documenten")
            .order_by("-aangevraagd_op", "-pk")
        )

    def _detail(self, vrijstelling, code=status.HTTP_200_OK):
        vrijstelling = self.get_queryset().get(pk=vrijstelling.pk)
        self.etag_object = vrijstelling
        return Response(VrijstellingSerializer(vrijstelling).data, status=code)

    def list(self, request, *args, **kwargs):
        page = self.paginate_queryset(self.filter_queryset(self.get_queryset()))
        log_list(request, [v.dossier.jongere for v in page], PURPOSE)
        return self.get_paginated_response(VrijstellingSerializer(page, many=True).data)

    def retrieve(self, request, *args, **kwargs):
        vrijstelling = self.get_object()
        log_detail(request, vrijstelling.dossier.jongere, vrijstelling, PURPOSE)
        return self._detail(vrijstelling)

    def create(self, request, *args, **kwargs):
        serializer = VrijstellingInvoerSerializer(data=request.data, context=self.get_serializer_context())
        serializer.is_valid(raise_exception=True)
        vrijstelling = vrijstelling_services.vrijstelling_request(
            actor=request.user,
            behandelaar=request.user if request.user.has_perm(CHANGE_V) else None,
            request=request,
            **serializer.validated_data,
        )
        return self._detail(vrijstelling, status.HTTP_201_CREATED)

    @extend_schema(
        summary="Besluit nemen",
        description="Legt het besluit vast; de regels van de Leerplichtwet worden eerst gecontroleerd.",
        request=BesluitSerializer,
        responses={200: VrijstellingSerializer},
        parameters=[IF_MATCH, ETAG],
    )
    @action(detail=True, methods=["post"])
    def besluit(self, request, pk=None):
        vrijstelling = self.get_object()
        serializer = BesluitSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        versie = expected_version(request, vrijstelling, data.pop("versie", None))
        vrijstelling = vrijstelling_services.vrijstelling_decide(
            actor=request.user, vrijstelling_id=vrijstelling.pk, versie=versie, request=request, **data
        )
        return self._detail(vrijstelling)

    @extend_schema(
        summary="Document toevoegen",
        description="Voegt een document (bijvoorbeeld een artsenverklaring) toe aan de aanvraag en het dossier.",
        request={"multipart/form-data": DocumentInvoerSerializer},
        responses={201: DocumentSerializer},
    )
    @action(detail=True, methods=["post"], parser_classes=[MultiPartParser, FormParser])
    def documenten(self, request, pk=None):
        vrijstelling = self.get_object()
        serializer = DocumentInvoerSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        document = vrijstelling_services.vrijstelling_add_document(
            actor=request.user,
            vrijstelling_id=vrijstelling.pk,
            upload=serializer.validated_data["bestand"],
            omschrijving=serializer.validated_data["omschrijving"],
            request=request,
        )
        return Response(DocumentSerializer(document).data, status=status.HTTP_201_CREATED)
