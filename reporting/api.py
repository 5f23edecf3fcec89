"""Report runs over the API: start a jaarverslag, follow it, find the download links."""

from django.db import transaction
from django.urls import reverse
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, serializers, status
from rest_framework.response import Response

from cases.api.base import ApiViewSet
from cases.rules import Schooljaar

from . import selectors, services
from .models import ReportFormaat, ReportRun


class SchooljaarField(serializers.CharField):
    def to_internal_value(self, data):
        try:
            return Schooljaar.parse(str(data))
        except ValueError as exc:
            raise serializers.ValidationError(str(exc)) from None


class ReportRunSerializer(serializers.ModelSerializer):
    schooljaar = serializers.SerializerMethodField(help_text="Het schooljaar, bijvoorbeeld 2024-2025.")
    vergelijkingsjaar = serializers.SerializerMethodField(help_text="Het vergelijkingsjaar, of leeg.")
    downloads = serializers.SerializerMethodField(
        help_text="Downloadadressen per formaat zodra de run klaar is."
    )

    class Meta:
        model = ReportRun
        fields = [
            "id",
            "schooljaar",
            "vergelijkingsjaar",
            "formaten",
            "status",
            "voortgang",
            "voortgang_tekst",
            "aangemaakt_op",
            "gestart_op",
            "klaar_op",
            "foutmelding",
            "paginas",
            "downloads",
        ]

    def get_schooljaar(self, run) -> str:
        return str(Schooljaar(run.schooljaar))

    def get_vergelijkingsjaar(self, run) -> str | None:
        return str(Schooljaar(run.vergelijkingsjaar)) if run.vergelijkingsjaar else None

    def get_downloads(self, run) -> dict[str, str]:
        if run.status != "klaar":
            return {}
        return {
            formaat: reverse("rapportage_download", args=[run.pk, formaat])
            for formaat in ReportFormaat.values
            if run.bestand(formaat)
        }


class ReportRunStartSerializer(serializers.Serializer):
    schooljaar = SchooljaarField(help_text="Het schooljaar van het verslag, bijvoorbeeld 2024-2025.")
    vergelijkingsjaar = SchooljaarField(
        required=False, allow_null=True, help_text="Optioneel vergelijkingsjaar, bijvoorbeeld 2023-2024."
    )


@extend_schema_view(
    list=extend_schema(summary="Jaarverslagen van de organisatie", description="Nieuwste eerst."),
    retrieve=extend_schema(summary="Eén jaarverslag: status, voortgang en downloads"),
    create=extend_schema(
        summary="Jaarverslag starten",
        description="Start het maken van PDF, JSON en XLSX op de achtergrond (202). Loopt er al een run met "
        "dezelfde jaren, dan krijgt u die terug.",
        request=ReportRunStartSerializer,
        responses={202: ReportRunSerializer},
    ),
)
class ReportRunViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin, ApiViewSet):
    serializer_class = ReportRunSerializer
    required_perms = {
        "list": ["reporting.view_reportrun"],
        "retrieve": ["reporting.view_reportrun"],
        "create": ["reporting.add_reportrun"],
    }

    def get_queryset(self):
        return selectors.report_runs_for(self.request.user).order_by("-aangemaakt_op", "-pk")

    def create(self, request, *args, **kwargs):
        data = ReportRunStartSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        with transaction.atomic():
            run = services.report_run_start(
                actor=request.user,
                organisatie=request.user.organisatie,
                schooljaar=data.validated_data["schooljaar"],
                vergelijkingsjaar=data.validated_data.get("vergelijkingsjaar"),
            )
        return Response(ReportRunSerializer(run).data, status=status.HTTP_202_ACCEPTED)
