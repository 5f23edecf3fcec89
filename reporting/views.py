"""Thin browser views of the Rapportages page: start a run, follow it, download its files."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cases.constants import AuditAction, Verwerkingsactiviteit
from cases.privacy.audit import log_access

from . import selectors, services
from .forms import ReportRunForm, schooljaar_choices
from .models import ReportFormaat, ReportRun, ReportRunStatus

VIEW = "reporting.view_reportrun"
ADD = "reporting.add_reportrun"
#: How many earlier runs the page lists.
LIST_LENGTH = 25
#: htmx stops polling when a response has this status (https://htmx.org/attributes/hx-trigger/).
HTMX_STOP_POLLING = 286


def _run_or_404(request, pk: int) -> ReportRun:
    try:
        return selectors.report_runs_for(request.user).select_related("organisatie").get(pk=pk)
    except ReportRun.DoesNotExist:
        raise Http404 from None


def _page(request, form, status=200):
    return render(
        request,
        "reporting/rapportages.html",
        {
            "form": form,
            "runs": selectors.report_runs_for(request.user)[:LIST_LENGTH],
            "heeft_organisatie": request.user.organisatie_id is not None,
            "gemeenten": request.user.organisatie.gemeenten.order_by("naam")
            if request.user.organisatie_id
            else [],
            "telling_jaren": schooljaar_choices()[1:],
        },
        status=status,
    )


@login_required
@permission_required(VIEW, raise_exception=True)
def rapportages(request):
    form = ReportRunForm() if request.user.has_perm(ADD) else None
    return _page(request, form)


@login_required
@permission_required(ADD, raise_exception=True)
@require_POST
def rapportage_start(request):
    if request.user.organisatie_id is None:
        messages.error(request, _("U hoort niet bij een organisatie en kunt daarom geen jaarverslag maken."))
        return redirect("rapportages")
    form = ReportRunForm(request.POST)
    if not form.is_valid():
        return _page(request, form, status=400)
    drie_jaren = bool(form.cleaned_data.get("drie_jaren"))
    already = selectors.active_run(
        organisatie=request.user.organisatie,
        schooljaar=form.gekozen_schooljaar(),
        vergelijkingsjaar=form.gekozen_vergelijkingsjaar(),
        drie_jaren=drie_jaren,
    )
    try:
        run = services.report_run_start(
            actor=request.user,
            organisatie=request.user.organisatie,
            schooljaar=form.gekozen_schooljaar(),
            vergelijkingsjaar=form.gekozen_vergelijkingsjaar(),
            drie_jaren=drie_jaren,
        )
    except ValidationError as exc:
        for message in exc.messages:
            form.add_error(None, message)
        return _page(request, form, status=400)
    if already is not None and already.pk == run.pk:
        messages.info(request, _("Dit jaarverslag wordt al gemaakt; u ziet de voortgang hieronder."))
    else:
        messages.success(
            request,
            _("Het jaarverslag over %(jaar)s wordt gemaakt. U kunt deze pagina verlaten en later terugkomen.")
            % {"jaar": run.schooljaar_label},
        )
    return redirect(f"{reverse('rapportages')}#rapportage-{run.pk}")


@login_required
@permission_required(VIEW, raise_exception=True)
def rapportage_status(request, pk: int):
    """The cells of one run's row, polled by htmx until the run is done."""
    run = _run_or_404(request, pk)
    status = 200 if run.is_active else HTMX_STOP_POLLING
    return render(request, "reporting/includes/run_cells.html", {"run": run}, status=status)


@login_required
@permission_required(ADD, raise_exception=True)
@require_POST
def rapportage_opnieuw(request, pk: int):
    run = _run_or_404(request, pk)
    if run.status != ReportRunStatus.MISLUKT:
        messages.info(request, _("Deze rapportage is niet mislukt en hoeft niet opnieuw."))
    else:
        run = services.report_run_retry(actor=request.user, run=run)
        messages.success(
            request,
            _("Het jaarverslag over %(jaar)s wordt opnieuw gemaakt.") % {"jaar": run.schooljaar_label},
        )
    return redirect(f"{reverse('rapportages')}#rapportage-{run.pk}")


@login_required
@permission_required(VIEW, raise_exception=True)
def rapportage_download(request, pk: int, formaat: str):
    """Serve a finished run's file from private storage; other organisations get 404."""
    run = _run_or_404(request, pk)
    if formaat not in ReportFormaat.values or run.status != ReportRunStatus.KLAAR:
        raise Http404
    bestand = run.bestand(formaat)
    if not bestand:
        raise Http404
    log_access(
        actor=request.user,
        action=AuditAction.EXPORTEREN,
        purpose=Verwerkingsactiviteit.VERANTWOORDING,
        obj=run,
        request=request,
    )
    return FileResponse(
        bestand.open("rb"),
        as_attachment=True,
        filename=services.report_filename(run, formaat),
        content_type=services.CONTENT_TYPES[ReportFormaat(formaat)],
    )


@login_required
@permission_required(VIEW, raise_exception=True)
def leerplichttelling(request):
    """The OCW leerplichttelling of one gemeente and schooljaar as XLSX, built at once from the
    same tables and controle as the jaarverslag (aggregates only, a second at most)."""
    from django.http import HttpResponse

    from cases.rules import Schooljaar

    from . import leerplichttelling as telling
    from .tables import build_report

    if request.user.organisatie_id is None:
        raise Http404
    organisatie = request.user.organisatie
    try:
        jaar = int(request.GET.get("schooljaar", ""))
    except ValueError:
        raise Http404 from None
    if jaar not in {year for year, _label in schooljaar_choices()}:
        raise Http404
    gemeente = organisatie.gemeenten.filter(code=request.GET.get("gemeente", "")).first()
    if gemeente is None:
        raise Http404
    schooljaar = Schooljaar(jaar)
    report = build_report(organisatie, schooljaar)
    content = telling.render_xlsx(report, organisatie=organisatie, schooljaar=schooljaar, gemeente=gemeente)
    log_access(
        actor=request.user,
        action=AuditAction.EXPORTEREN,
        purpose=Verwerkingsactiviteit.VERANTWOORDING,
        obj=organisatie,
        request=request,
    )
    response = HttpResponse(content, content_type=services.CONTENT_TYPES[ReportFormaat.XLSX])
    response["Content-Disposition"] = (
        f'attachment; filename="leerplichttelling-{gemeente.code}-{schooljaar}.xlsx"'
    )
    return response
