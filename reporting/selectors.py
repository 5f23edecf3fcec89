"""Reads of report runs. A run belongs to one organisation; other organisations never see it."""

from django.db.models import QuerySet

from cases.rules import Schooljaar

from .models import ACTIVE_STATUSES, Populatie, ReportRun


def report_runs_for(user) -> QuerySet[ReportRun]:
    """The runs of the user's own organisation, newest first; none without an organisation."""
    if getattr(user, "organisatie_id", None) is None:
        return ReportRun.objects.none()
    return ReportRun.objects.filter(organisatie_id=user.organisatie_id).select_related("gestart_door")


def active_run(
    *, organisatie, schooljaar: Schooljaar, vergelijkingsjaar: Schooljaar | None
) -> ReportRun | None:
    """The waiting or busy run with these parameters, if any."""
    return (
        ReportRun.objects.filter(
            organisatie=organisatie,
            schooljaar=schooljaar.start_year,
            vergelijkingsjaar=vergelijkingsjaar.start_year if vergelijkingsjaar else None,
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
