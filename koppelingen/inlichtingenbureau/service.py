"""Each row of the Inlichtingenbureau's list becomes a "Jongeren in Beeld" signal; accepted, a
traject of that doelgroep at the Doorstroompunt."""

from datetime import date

from django.urls import reverse
from django.utils.translation import gettext as _

from cases.models import Organisatie
from doorstroom import services as doorstroom_services

from .. import formaat
from ..constants import Bron, RunStatus, Voorstel
from ..models import KoppelingRun
from ..services import Record, jongere_van_signaal, register_toepasser, signalen_ontvangen
from . import mapping

BRON = Bron.INLICHTINGENBUREAU


def records(inhoud: bytes) -> list[Record]:
    rijen = formaat.document(inhoud, mapping.FORMAAT, "jongeren")
    result, fouten = [], []
    for nummer, rij in enumerate(rijen, start=1):
        gegevens = formaat.rij(
            rij, formaat.PERSOON + mapping.VELDEN, nummer, fouten, ("geboortedatum", "datum")
        )
        gegevens["doelgroep"] = mapping.DOELGROEP
        result.append(
            Record(
                extern_id=str(gegevens["extern_id"]),
                soort="jongeren_in_beeld",
                inhoud=rij,
                gegevens=gegevens,
                voorstel=Voorstel.NIEUW_TRAJECT,
                bsn=str(gegevens.get("bsn") or ""),
                gemeentecode=str(gegevens.get("gemeentecode") or ""),
                toelichting=_(
                    "Op de lijst van het Inlichtingenbureau: 23-27 jaar, zonder startkwalificatie, "
                    "onderwijs, werk of uitkering."
                ),
            )
        )
    if fouten:
        raise formaat.FormaatFout(" ".join(fouten))
    return result


def document_verwerken(*, organisatie: Organisatie, inhoud: bytes, via: str) -> KoppelingRun:
    try:
        gelezen = records(inhoud)
    except formaat.FormaatFout as exc:
        return KoppelingRun.objects.create(
            bron=BRON, organisatie=organisatie, via=via, status=RunStatus.MISLUKT, fout=str(exc)
        )
    return signalen_ontvangen(organisatie=organisatie, bron=BRON, records=gelezen, via=via)


def toepassen(*, signaal, actor, keuzes: dict, request=None) -> str:
    jongere = jongere_van_signaal(signaal=signaal, actor=actor, request=request)
    traject = doorstroom_services.traject_start(
        actor=actor,
        dossier=jongere.dossier,
        doelgroep=mapping.DOELGROEP,
        gemeld_op=date.fromisoformat(signaal.gegevens["datum"]),
        bron="Inlichtingenbureau",
        extern_id=signaal.extern_id[:64],
        behandelaar=keuzes.get("behandelaar"),
        request=request,
    )
    return reverse("traject_detail", args=[traject.pk])


register_toepasser(BRON, toepassen)
