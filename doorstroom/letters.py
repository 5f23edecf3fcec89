"""What the Doorstroompunt adds to letters (cases/letters): the traject as a source."""

from django.urls import reverse

from cases import services as case_services
from cases.constants import BriefSoort, Verwerkingsactiviteit
from cases.registry import LetterSource

from .models import Traject

PURPOSE = Verwerkingsactiviteit.BEGELEIDING_DOORSTROOMPUNT


def _load(user, pk: int) -> Traject:
    return Traject.objects.visible_to(user).select_related("dossier__jongere__organisatie").get(pk=pk)


def _action(*, actor, obj: Traject, soort, datum, omschrijving):
    return case_services.actie_register(
        actor=actor, dossier=obj.dossier, soort=soort, datum=datum, omschrijving=omschrijving, purpose=PURPOSE
    )


TRAJECT = LetterSource(
    key="traject",
    soorten=(BriefSoort.UITNODIGING_DOORSTROOMPUNT,),
    permission="doorstroom.change_traject",
    purpose=PURPOSE,
    load=_load,
    dossier=lambda traject: traject.dossier,
    values=lambda traject: {"traject.doelgroep": traject.get_doelgroep_display()},
    record_action=_action,
    url=lambda traject: reverse("traject_detail", args=[traject.pk]),
)
