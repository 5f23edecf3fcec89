"""The teamleider's view of the werkvoorraad: open meldingen, open aanvragen and trajecten as
numbers per behandelaar and phase. Aggregates only: no jongere is named or linked, so nothing
here reads personal data (a teamleider who is also a case worker opens dossiers through the
case-worker pages)."""

from django.contrib.auth.decorators import login_required, permission_required
from django.db.models import Count, Q
from django.shortcuts import render

from doorstroom.models import Traject
from leerplicht.constants import Fase
from leerplicht.models import Melding, Vrijstelling


def _scope(user, path: str) -> Q:
    scope = Q(**{f"{path}organisatie_id": user.organisatie_id})
    gemeenten = list(user.gemeenten.values_list("pk", flat=True))
    if gemeenten:
        scope &= Q(**{f"{path}woongemeente_id__in": gemeenten})
    return scope


@login_required
@permission_required("reporting.view_teamoverzicht", raise_exception=True)
def teamoverzicht(request):
    user = request.user
    open_meldingen = Melding.objects.filter(_scope(user, "dossier__jongere__")).exclude(fase=Fase.AFGESLOTEN)
    phases = [f for f in Fase if f != Fase.AFGESLOTEN]
    meldingen = (
        open_meldingen.values("behandelaar_id", "behandelaar__first_name", "behandelaar__last_name")
        .annotate(totaal=Count("pk"), **{f.value: Count("pk", filter=Q(fase=f)) for f in phases})
        .order_by("behandelaar__last_name")
    )
    aanvragen = (
        Vrijstelling.objects.filter(_scope(user, "dossier__jongere__"), besluit="")
        .values("behandelaar__first_name", "behandelaar__last_name")
        .annotate(totaal=Count("pk"))
        .order_by("behandelaar__last_name")
    )
    trajecten = (
        Traject.objects.filter(_scope(user, "dossier__jongere__"), afgesloten_op__isnull=True)
        .values("behandelaar__first_name", "behandelaar__last_name")
        .annotate(totaal=Count("pk"))
        .order_by("behandelaar__last_name")
    )

    def label(row):
        name = f"{row['behandelaar__first_name']} {row['behandelaar__last_name']}".strip()
        return name or "Niet toegewezen"

    context = {
        "phases": phases,
        "meldingen": [(label(r), r["totaal"], [r[f.value] for f in phases]) for r in meldingen],
        "aanvragen": [(label(r), r["totaal"]) for r in aanvragen],
        "trajecten": [(label(r), r["totaal"]) for r in trajecten],
    }
    return render(request, "reporting/teamoverzicht.html", context)
