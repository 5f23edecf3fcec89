"""Reads of letter templates and letters. Letters reach personal data: they start from
`visible_to(user)`; templates are configuration of the user's own organisation."""

from django.db.models import QuerySet

from cases.letters.models import Brief, BriefSjabloon

from ..models import Document, Dossier
from ..selectors import met_namen


def sjablonen_for(user) -> QuerySet[BriefSjabloon]:
    """The templates of the user's own organisation; none without an organisation."""
    if getattr(user, "organisatie_id", None) is None:
        return BriefSjabloon.objects.none()
    return BriefSjabloon.objects.filter(organisatie_id=user.organisatie_id).select_related("gewijzigd_door")


def actieve_sjablonen(organisatie_id: int, soorten) -> QuerySet[BriefSjabloon]:
    return BriefSjabloon.objects.filter(organisatie_id=organisatie_id, soort__in=list(soorten), actief=True)


def brief_for(user, pk: int) -> Brief:
    """One letter with its dossier and document, or Brief.DoesNotExist when not visible."""
    return (
        Brief.objects.visible_to(user)
        .select_related("dossier__jongere", "document", "aangemaakt_door")
        .get(pk=pk)
    )


def documenten_op_dossier(user, dossier: Dossier) -> QuerySet[Document]:
    """The dossier's documents, newest first (one query, whatever their number)."""
    return met_namen(Document.objects.visible_to(user).filter(dossier=dossier), "geupload_door")
