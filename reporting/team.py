"""The teamleider's view of the werkvoorraad: open meldingen, open aanvragen and trajecten as
numbers per behandelaar and phase. Aggregates only: no jongere is named or linked, so nothing
here reads personal data (a teamleider who is also a case worker opens dossiers through the
case-worker pages)."""

from django.contrib.auth.decorators import login_required, permission_required
from django.db.models import Count, Min, Q
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from cases.constants import Signaal
from doorstroom.models import Traject
from leerplicht.constants import Fase
from leerplicht.models import Melding, Vrijstelling

from .toewijzen import OverdrachtForm


def _scope(user, path: str) -> Q:
    scope = Q(**{f"{path}organisatie_id": user.organisatie_id})
    gemeenten = list(user.gemeenten.values_list("pk", flat=True))
    if gemeenten:
        scope &= Q(**{f"{path}woongemeente_id__in": gemeenten})
    return scope


@login_required
@permission_required("reporting.view_teamoverzicht", raise_exception=True)
def teamoverzicht(request):
    return render_teamoverzicht(request)


def _label(first, last) -> str:
    """A behandelaar's name; no behandelaar reads "Niet toegewezen" (it read "None None")."""
    return " ".join(part for part in (first, last) if part) or _("Niet toegewezen")


def werkverdeling(user) -> list[dict]:
    """Per medewerker: open items (meldingen, aanvragen, trajecten), how many have a deadline
    near or past (the daily job's signal), and since when the oldest has been open. Counts only."""
    today = timezone.localdate()
    soorten = (
        (Melding.objects.exclude(fase=Fase.AFGESLOTEN), "ontvangen_op"),
        (Vrijstelling.objects.filter(besluit=""), "aangevraagd_op"),
        (Traject.objects.filter(afgesloten_op__isnull=True), "gemeld_op"),
    )
    rows: dict = {}
    for queryset, sinds in soorten:
        for r in (
            queryset.filter(_scope(user, "dossier__jongere__"))
            .values("behandelaar_id", "behandelaar__first_name", "behandelaar__last_name")
            .annotate(
                open=Count("pk"),
                binnenkort=Count("pk", filter=Q(signaal=Signaal.BINNENKORT)),
                verlopen=Count("pk", filter=Q(signaal=Signaal.VERLOPEN)),
                oudste=Min(sinds),
            )
            .order_by()
        ):
            row = rows.setdefault(
                r["behandelaar_id"],
                {
                    "naam": _label(r["behandelaar__first_name"], r["behandelaar__last_name"]),
                    "toegewezen": r["behandelaar_id"] is not None,
                    "open": 0,
                    "binnenkort": 0,
                    "verlopen": 0,
                    "oudste": None,
                },
            )
            for key in ("open", "binnenkort", "verlopen"):
                row[key] += r[key]
            if r["oudste"] and (row["oudste"] is None or r["oudste"] < row["oudste"]):
                row["oudste"] = r["oudste"]
    for row in rows.values():
        row["dagen"] = (today - row["oudste"]).days if row["oudste"] else None
    # The unassigned work first: it is what needs a teamleider's decision.
    return sorted(rows.values(), key=lambda r: (r["toegewezen"], r["naam"]))


def render_teamoverzicht(request, overdracht_form=None):
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
        return _label(row["behandelaar__first_name"], row["behandelaar__last_name"])

    context = {
        "phases": phases,
        "werkverdeling": werkverdeling(user),
        "meldingen": [(label(r), r["totaal"], [r[f.value] for f in phases]) for r in meldingen],
        "aanvragen": [(label(r), r["totaal"]) for r in aanvragen],
        "trajecten": [(label(r), r["totaal"]) for r in trajecten],
    }
    if user.has_perm("cases.toewijzen_werk"):
        context["overdracht_form"] = overdracht_form or OverdrachtForm(organisatie_id=user.organisatie_id)
    return render(request, "reporting/teamoverzicht.html", context)
