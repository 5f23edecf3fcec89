"""The teamleider's editor for the jaarverslag's words: voorwoord, introduction per part and a
toelichting per table, in Markdown, with a preview and a warning for BSN-like numbers."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from cases.rules import Schooljaar

from . import selectors, services
from .forms import schooljaar_choices
from .renderers.formatting import format_value
from .tables import build_report
from .teksten import DELEN, VOORWOORD, bsn_warning, deel_sleutel, tabel_sleutel, to_html

CHANGE = "reporting.change_jaarverslagtekst"
FIELD_PREFIX = "tekst__"


def _places(report) -> list[dict]:
    """Every place a text can go, in the order of the PDF, with the table's title."""
    places = [{"sleutel": VOORWOORD, "titel": _("Voorwoord"), "groep": _("Begin")}]
    for deel, titel in DELEN:
        places.append(
            {
                "sleutel": deel_sleutel(deel),
                "titel": _("Inleiding %(deel)s") % {"deel": titel},
                "groep": titel,
            }
        )
        places += [
            {
                "sleutel": tabel_sleutel(t.id),
                "titel": t.titel,
                "groep": titel,
                "tabel": t,
                "totaal": format_value(t.total.get("aantal", t.total.get("totaal"))) if t.has_total else "",
            }
            for t in report.part(deel)
        ]
    return places


def _schooljaar(request) -> Schooljaar:
    allowed = {year for year, _label in schooljaar_choices()}
    raw = request.POST.get("schooljaar") or request.GET.get("schooljaar")
    if raw is None:
        return services.last_complete_schooljaar()
    try:
        year = int(raw)
    except ValueError:
        raise Http404 from None
    if year not in allowed:
        raise Http404
    return Schooljaar(year)


@login_required
@permission_required(CHANGE, raise_exception=True)
def jaarverslag_teksten(request):
    if request.user.organisatie_id is None:
        messages.error(request, _("U hoort niet bij een organisatie en kunt daarom geen teksten schrijven."))
        return redirect("rapportages")
    organisatie = request.user.organisatie
    jaar = _schooljaar(request)
    report = build_report(organisatie, jaar)
    places = _places(report)
    keys = [p["sleutel"] for p in places]
    voorstel = False
    preview = False
    if request.method == "POST":
        teksten = {key: request.POST.get(FIELD_PREFIX + key, "") for key in keys}
        if request.POST.get("actie") == "opslaan":
            try:
                warnings = services.teksten_opslaan(
                    actor=request.user, organisatie=organisatie, schooljaar=jaar.start_year, teksten=teksten
                )
            except ValidationError as exc:
                for message in exc.messages:
                    messages.error(request, message)
            else:
                for warning in warnings:
                    messages.warning(request, warning)
                messages.success(request, _("De teksten voor %(jaar)s zijn opgeslagen.") % {"jaar": jaar})
                return redirect(f"{reverse('jaarverslag_teksten')}?schooljaar={jaar.start_year}")
        preview = True
    else:
        teksten, voorstel = selectors.teksten_met_voorstel(
            organisatie=organisatie, schooljaar=jaar.start_year
        )
    for place in places:
        tekst = teksten.get(place["sleutel"], "")
        place["naam"] = FIELD_PREFIX + place["sleutel"]
        place["tekst"] = tekst
        place["waarschuwing"] = bsn_warning(tekst) if tekst else None
        place["voorbeeld"] = to_html(tekst) if preview and tekst.strip() else ""
    return render(
        request,
        "reporting/teksten.html",
        {
            "places": places,
            "jaar": jaar,
            "jaren": schooljaar_choices(),
            "voorstel": voorstel,
            "preview": preview,
            "controle": report.controle,
        },
    )
