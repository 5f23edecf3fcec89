"""Dossiers: one jongere's file with everything on one timeline (core actions plus what the
team apps add), exactly as the dossier page shows it."""

from drf_spectacular.utils import extend_schema, extend_schema_field, extend_schema_view
from rest_framework import mixins, serializers
from rest_framework.response import Response

from cases import selectors
from cases.access import VIEW_PERMISSION
from cases.models import Dossier

from .audit import log_detail
from .base import ApiViewSet
from .fields import ApiModelSerializer
from .jongeren import JongereSerializer


class TijdlijnRegelSerializer(serializers.Serializer):
    datum = serializers.DateField(help_text="Datum van de gebeurtenis.")
    titel = serializers.CharField(help_text="Wat er gebeurde.")
    omschrijving = serializers.CharField(help_text="Toelichting; kan leeg zijn.")
    door = serializers.CharField(help_text="Naam van de medewerker; kan leeg zijn.")
    soort = serializers.CharField(help_text="Soort regel, bijvoorbeeld actie, melding, fase, traject.")
    url = serializers.CharField(help_text="Pagina in de browser waar het record staat; kan leeg zijn.")


class DossierSerializer(ApiModelSerializer):
    jongere = JongereSerializer(read_only=True, help_text="De jongere van dit dossier.")
    tijdlijn = serializers.SerializerMethodField(help_text="Alles op het dossier, nieuwste eerst.")

    class Meta:
        model = Dossier
        fields = ["id", "jongere", "aangemaakt_op", "tijdlijn"]
        extra_kwargs = {"aangemaakt_op": {"help_text": "Wanneer het dossier is aangemaakt."}}

    @extend_schema_field(TijdlijnRegelSerializer(many=True))
    def get_tijdlijn(self, dossier):
        user = self.context["request"].user
        return TijdlijnRegelSerializer(selectors.timeline_for(user, dossier), many=True).data


@extend_schema_view(
    retrieve=extend_schema(
        summary="Dossier met tijdlijn",
        description="Het dossier van een jongere met de tijdlijn (acties, meldingen, faseovergangen, "
        "vrijstellingen, trajecten). Wordt vastgelegd in het verwerkingslogboek.",
    ),
)
class DossierViewSet(mixins.RetrieveModelMixin, ApiViewSet):
    serializer_class = DossierSerializer
    required_perms = {"retrieve": [VIEW_PERMISSION]}

    def get_queryset(self):
        return Dossier.objects.visible_to(self.request.user).select_related(
            "jongere", "jongere__woongemeente", "jongere__organisatie"
        )

    def retrieve(self, request, *args, **kwargs):
        dossier = self.get_object()
        log_detail(request, dossier.jongere, dossier)
        return Response(self.get_serializer(dossier).data)
