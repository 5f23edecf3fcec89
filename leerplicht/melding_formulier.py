"""The melding form that fits its soort: showing it again for another soort (htmx or without
JavaScript) and prefilling the school from the jongere's current enrolment.

Showing the form again for another soort saves nothing: the posted values become the new form's
initial values, so nothing typed is lost and no error is shown for fields not yet filled in.
"""

from django.contrib import messages
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from cases.scholen import huidige_inschrijving

from .forms import JongereKeuzeForm, MeldingForm

SOORTVELDEN_TEMPLATE = "leerplicht/includes/melding_soortvelden.html"


def initial_uit(data, prefix: str = "") -> dict:
    """Posted values as a form's initial values (without the prefix); checkboxes start unticked."""
    return {
        key.removeprefix(prefix): value
        for key, value in data.items()
        if key.startswith(prefix) and key.removeprefix(prefix) != "bevestigd"
    }


def is_htmx(request) -> bool:
    return request.headers.get("HX-Request") == "true"


def wil_soort_kiezen(request, form: MeldingForm) -> bool:
    """A POST that only asks for the fields of the chosen soort: the htmx request when the soort
    changes, the 'Soort kiezen' button without JavaScript, or a submit with a new soort whose
    fields the form did not show yet."""
    if request.method != "POST":
        return False
    if is_htmx(request) or "kies_soort" in request.POST:
        return True
    if form.vraagt_meer_velden():
        messages.info(
            request,
            _(
                "U koos een andere soort melding. Vul de gegevens in die bij deze soort horen en "
                "klik opnieuw op de knop; er is nog niets opgeslagen."
            ),
        )
        return True
    return False


def opnieuw_voor_soort(request, *, organisatie, template: str, context: dict, jongere_form_nodig: bool):
    """The form again for the posted soort, unbound, with everything typed kept. htmx gets only
    the part that depends on the soort."""
    form = MeldingForm(
        organisatie=organisatie, initial=initial_uit(request.POST), herlaad_url=request.get_full_path()
    )
    if is_htmx(request):
        return render(request, SOORTVELDEN_TEMPLATE, {"form": form})
    if jongere_form_nodig:
        context["jongere_form"] = JongereKeuzeForm(
            organisatie=organisatie, prefix="jongere", initial=initial_uit(request.POST, "jongere-")
        )
    return render(request, template, {**context, "form": form, "warnings": []})


def initial_uit_inschrijving(jongere) -> dict:
    """The school and onderwijssoort of the enrolment that runs today, if any."""
    inschrijving = huidige_inschrijving(jongere, timezone.localdate())
    if inschrijving is None:
        return {}
    return {"school": inschrijving.school, "onderwijssoort": inschrijving.onderwijssoort}
