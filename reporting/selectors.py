"""Reads of report runs. A run belongs to one organisation; other organisations never see it."""

from django.db.models import QuerySet

from cases.beheer import huisstijl
from cases.rules import Schooljaar

from .models import ACTIVE_STATUSES, JaarverslagTekst, Populatie, ReportRun


def report_runs_for(user) -> QuerySet[ReportRun]:
    """The runs of the user's own organisation, newest first; none without an organisation."""
    if getattr(user, "organisatie_id", None) is None:
        return ReportRun.objects.none()
    return ReportRun.objects.filter(organisatie_id=user.organisatie_id).select_related("gestart_door")


def active_run(
    *, organisatie, schooljaar: Schooljaar, vergelijkingsjaar: Schooljaar | None, drie_jaren: bool = False
) -> ReportRun | None:
    """The waiting or busy run with these parameters, if any."""
    return (
        ReportRun.objects.filter(
            organisatie=organisatie,
            schooljaar=schooljaar.start_year,
            vergelijkingsjaar=vergelijkingsjaar.start_year if vergelijkingsjaar else None,
            drie_jaren=drie_jaren,
            status__in=ACTIVE_STATUSES,
        )
        .order_by("aangemaakt_op")
        .first()
    )


def gemeenten_met_populatie(*, organisatie, schooljaar: Schooljaar) -> list[str]:
    """Names of the organisation's gemeenten with population figures for this schooljaar."""
    return list(
        Populatie.objects.filter(gemeente__organisaties=organisatie, schooljaar=schooljaar.start_year)
        .order_by("gemeente__naam")
        .values_list("gemeente__naam", flat=True)
    )


def teksten(*, organisatie, schooljaar: int) -> dict[str, str]:
    """{sleutel: Markdown} of one organisation and schooljaar (one query)."""
    return dict(
        JaarverslagTekst.objects.filter(organisatie=organisatie, schooljaar=schooljaar).values_list(
            "sleutel", "tekst"
        )
    )


def teksten_met_voorstel(*, organisatie, schooljaar: int) -> tuple[dict[str, str], bool]:
    """The texts of this schooljaar; when none are written yet, last year's as a start
    (the second value says so)."""
    eigen = teksten(organisatie=organisatie, schooljaar=schooljaar)
    if eigen:
        return eigen, False
    vorig = teksten(organisatie=organisatie, schooljaar=schooljaar - 1)
    return vorig, bool(vorig)


def logo_data_uri(*, organisatie) -> tuple[str, str]:
    """The organisation's logo as a data: URI for the self-contained PDF, and its alt text;
    ("", "") without a logo. One logo per organisation, shared with the letters
    (Beheer › Briefhoofd en logo, cases/beheer/huisstijl.py)."""
    return huisstijl.logo_data_uri(organisatie=organisatie)
