"""Reads that more than one caller needs. Every one starts from `visible_to(user)`."""

from django.db.models import QuerySet

from .models import Actie, Dossier, Jongere


def jongeren_for(user) -> QuerySet[Jongere]:
    return Jongere.objects.visible_to(user).select_related("woongemeente")


def dossier_for(user, pk: int) -> Dossier:
    """The dossier with its jongere, or Dossier.DoesNotExist when not visible."""
    return (
        Dossier.objects.visible_to(user)
        .select_related("jongere", "jongere__woongemeente", "jongere__organisatie")
        .get(pk=pk)
    )


def timeline_for(user, dossier: Dossier) -> QuerySet[Actie]:
    return Actie.objects.visible_to(user).filter(dossier=dossier).select_related("gebruiker")
