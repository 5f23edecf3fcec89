"""File imports over the API: the same all-or-nothing import as the browser and the command line."""

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, serializers, status
from rest_framework.response import Response

from ..imports import ImportFailed, checksum
from ..imports.records import import_now
from ..models import ImportRecord
from ..tasks import import_uitvoeren
from .base import ApiViewSet

#: Files up to this size are imported while the request waits; larger ones in the background.
DIRECT_BYTES = 2 * 1024 * 1024


class ImportRecordSerializer(serializers.ModelSerializer):
    class Meta:
        model = ImportRecord
        fields = [
            "id",
            "soort",
            "bestandsnaam",
            "checksum",
            "via",
            "status",
            "aangemaakt_op",
            "klaar_op",
            "rijen",
            "aangemaakt",
            "bijgewerkt",
            "ongewijzigd",
            "verwerkt",
            "problemen",
            "problemen_totaal",
        ]

    def to_representation(self, instance):
        data = super().to_representation(instance)
        request = self.context.get("request")
        if request is not None and instance.gebruiker_id != request.user.pk:
            # A problem list repeats a file's BSNs and names: only for who offered the file
            # (security round 2, point 3); others see how many there were.
            data["problemen"] = []
        return data


class ImportUploadSerializer(serializers.Serializer):
    soort = serializers.ChoiceField(
        choices=list(settings.IMPORTERS),
        help_text="meldingen, vrijstellingen, doorstroom, populatie of ouders.",
    )
    bestand = serializers.FileField(
        help_text="CSV (UTF-8) of XLSX met een kopregel; zie docs/import-formats.md."
    )


@extend_schema_view(
    list=extend_schema(summary="Imports van de organisatie", description="Nieuwste eerst."),
    retrieve=extend_schema(summary="Eén import: status, aantallen of problemen"),
    create=extend_schema(
        summary="Bestand importeren",
        description="Alles of niets. Een bestand tot 2 MB wordt direct verwerkt: 201 met de aantallen, of 400 "
        "met `problemen` (rij, kolom, waarde, melding) en niets opgeslagen. Een groter bestand wordt op de "
        "achtergrond verwerkt: 202; volg de status met GET.",
        request={"multipart/form-data": ImportUploadSerializer},
        responses={201: ImportRecordSerializer, 202: ImportRecordSerializer},
    ),
)
class ImportViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin, ApiViewSet):
    serializer_class = ImportRecordSerializer
    queryset = ImportRecord.objects.none()  # for the schema; get_queryset scopes to the organisation
    required_perms = {
        "list": ["cases.view_importrecord"],
        "retrieve": ["cases.view_importrecord"],
        "create": ["cases.add_importrecord"],
    }

    def get_queryset(self):
        return ImportRecord.objects.filter(organisatie_id=self.request.user.organisatie_id).order_by(
            "-aangemaakt_op"
        )

    def create(self, request, *args, **kwargs):
        upload = ImportUploadSerializer(data=request.data)
        upload.is_valid(raise_exception=True)
        soort, bestand = upload.validated_data["soort"], upload.validated_data["bestand"]
        data = bestand.read()
        if len(data) <= DIRECT_BYTES:
            try:
                record = import_now(
                    name=soort,
                    organisatie=request.user.organisatie,
                    actor=request.user,
                    data=data,
                    filename=bestand.name,
                    via="api",
                )
            except ImportFailed as failed:
                record = ImportRecord.objects.filter(organisatie_id=request.user.organisatie_id).latest("pk")
                body = {
                    "detail": _("Het bestand is geweigerd: %(n)s probleem/problemen; er is niets opgeslagen.")
                    % {"n": failed.total},
                    "import": record.pk,
                    "problemen": record.problemen,
                    "problemen_totaal": record.problemen_totaal,
                }
                return Response(body, status=status.HTTP_400_BAD_REQUEST)
            return Response(
                ImportRecordSerializer(record, context={"request": request}).data,
                status=status.HTTP_201_CREATED,
            )
        with transaction.atomic():
            record = ImportRecord(
                organisatie=request.user.organisatie,
                soort=soort,
                bestandsnaam=bestand.name[:255],
                checksum=checksum(data),
                gebruiker=request.user,
                via="api",
                status=ImportRecord.Status.WACHTEND,
            )
            record.bestand.save(bestand.name, ContentFile(data), save=False)
            record.save()
            transaction.on_commit(lambda: import_uitvoeren.delay(record.pk))
        return Response(
            ImportRecordSerializer(record, context={"request": request}).data, status=status.HTTP_202_ACCEPTED
        )
