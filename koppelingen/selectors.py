"""Reads of the inbox; every one starts from `Signaal.objects.visible_to(user)`."""

from django.db.models import Count, Q, QuerySet
from django.urls import reverse
from django.utils.translation import ngettext

from cases.registry import Werkbadge

from .constants import OPEN_STATUSES, Bron, RunStatus, SignaalStatus, UitberichtStatus
from .models import KoppelingRun, Signaal, Uitbericht

VIEW_PERMISSION = "koppelingen.view_signaal"


def signalen_for(user) -> QuerySet[Signaal]:
    if not user.has_perm(VIEW_PERMISSION):
        return Signaal.objects.none()
    return Signaal.objects.visible_to(user).select_related("jongere", "gemeente")


def tellingen(user) -> dict[str, int]:
    """The counts of the inbox's tabs, in one query."""
    open_ = Q(status__in=OPEN_STATUSES)
    return signalen_for(user).aggregate(
        te_beoordelen=Count("pk", filter=open_ & Q(doorsturen=False)),
        doorsturen=Count("pk", filter=open_ & Q(doorsturen=True)),
        mislukt=Count("pk", filter=Q(status=SignaalStatus.MISLUKT)),
        afgehandeld=Count("pk", filter=~open_),
    )


def werkbadge(user) -> Werkbadge | None:
    """'N signalen binnengekomen' on the werkvoorraad and caseload (cases.registry)."""
    if not user.has_perm(VIEW_PERMISSION):
        return None
    aantal = signalen_for(user).filter(status__in=OPEN_STATUSES, doorsturen=False).count()
    if not aantal:
        return None
    tekst = ngettext("%(n)s signaal binnengekomen", "%(n)s signalen binnengekomen", aantal) % {"n": aantal}
    return Werkbadge(tekst=tekst, aantal=aantal, url=reverse("binnengekomen"))


def bron_overzicht(organisatie_id: int | None) -> list[dict]:
    """Per source: counts of its signals (of the organisation), its last run and its last errors."""
    signalen = (
        Signaal.objects.filter(organisatie_id=organisatie_id) if organisatie_id else Signaal.objects.all()
    )
    counts = {
        row["bron"]: row
        for row in signalen.values("bron").annotate(
            ontvangen=Count("pk"),
            automatisch=Count("pk", filter=Q(status=SignaalStatus.AUTOMATISCH)),
            wachtend=Count("pk", filter=Q(status=SignaalStatus.WACHTEND)),
            toegepast=Count("pk", filter=Q(status=SignaalStatus.TOEGEPAST)),
            afgewezen=Count("pk", filter=Q(status=SignaalStatus.AFGEWEZEN)),
            mislukt=Count("pk", filter=Q(status=SignaalStatus.MISLUKT)),
        )
    }
    runs = KoppelingRun.objects.filter(Q(organisatie_id=organisatie_id) | Q(organisatie__isnull=True))
    result = []
    for bron in Bron:
        bron_runs = runs.filter(bron=bron)
        result.append(
            {
                "bron": bron,
                "tellingen": counts.get(bron.value, {}),
                "laatste_run": bron_runs.first(),
                "fouten": list(bron_runs.filter(status=RunStatus.MISLUKT)[:5])
                + list(bron_runs.exclude(fout="").filter(status=RunStatus.GESLAAGD)[:2]),
            }
        )
    return result


def uitberichten_met_fout(organisatie_id: int) -> QuerySet[Uitbericht]:
    return Uitbericht.objects.filter(organisatie_id=organisatie_id).exclude(
        toestand=UitberichtStatus.VERSTUURD
    )
