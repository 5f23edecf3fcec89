"""Browser views of vrijstellingen and verlof: request, documents, decision."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cases import selectors as case_selectors
from cases.concurrency import ConflictError
from cases.constants import AuditAction
from cases.models import Dossier
from cases.privacy.audit import log_access

from . import vrijstellingen as services
from .forms import BesluitForm, DocumentForm, VrijstellingForm
from .models import Vrijstelling
from .services import PURPOSE
from .views import error_messages, form_error_messages


def _vrijstelling_or_404(request, pk) -> Vrijstelling:
    try:
        return (
            Vrijstelling.objects.visible_to(request.user)
            .select_related("dossier__jongere", "behandelaar", "gemeente")
            .get(pk=pk)
        )
    except Vrijstelling.DoesNotExist:
        raise Http404 from None


@login_required
@permission_required("leerplicht.add_vrijstelling", raise_exception=True)
def vrijstelling_nieuw(request, dossier_pk: int):
    try:
        dossier = case_selectors.dossier_for(request.user, dossier_pk)
    except Dossier.DoesNotExist:
        raise Http404 from None
    form = VrijstellingForm(request.POST or None, initial={"aangevraagd_op": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            vrijstelling = services.vrijstelling_request(
                actor=request.user,
                dossier=dossier,
                behandelaar=request.user if request.user.has_perm("leerplicht.change_vrijstelling") else None,
                request=request,
                **form.cleaned_data,
            )
            messages.success(request, _("De aanvraag is geregistreerd."))
            return redirect("vrijstelling", pk=vrijstelling.pk)
        except ValidationError as exc:
            for field, errors in exc.error_dict.items():
                form.add_error(field if field in form.fields else None, errors)
    # The page names the jongere, also when it is shown again after a refused POST: every showing
    # is a read (a successful registration logs the change instead and redirects).
    log_access(
        actor=request.user,
        action=AuditAction.INZIEN,
        purpose=PURPOSE,
        jongere=dossier.jongere,
        obj=dossier,
        request=request,
    )
    return render(request, "leerplicht/vrijstelling_nieuw.html", {"form": form, "dossier": dossier})


@login_required
@permission_required("leerplicht.view_vrijstelling", raise_exception=True)
def vrijstelling(request, pk: int):
    vrijstelling = _vrijstelling_or_404(request, pk)
    log_access(
        actor=request.user,
        action=AuditAction.INZIEN,
        purpose=PURPOSE,
        jongere=vrijstelling.dossier.jongere,
        obj=vrijstelling,
        request=request,
    )
    context = {
        "vrijstelling": vrijstelling,
        "jongere": vrijstelling.dossier.jongere,
        "documenten": vrijstelling.documenten.all(),
        "document_form": DocumentForm(),
        "besluit_form": BesluitForm(
            initial={"versie": vrijstelling.versie, "besluit_op": timezone.localdate()}
        ),
    }
    return render(request, "leerplicht/vrijstelling.html", context)


@login_required
@permission_required("leerplicht.add_vrijstelling", raise_exception=True)
@require_POST
def vrijstelling_document(request, pk: int):
    vrijstelling = _vrijstelling_or_404(request, pk)
    form = DocumentForm(request.POST, request.FILES)
    if not form.is_valid():
        form_error_messages(request, form)
        return redirect("vrijstelling", pk=pk)
    try:
        services.vrijstelling_add_document(
            actor=request.user,
            vrijstelling_id=vrijstelling.pk,
            upload=form.cleaned_data["bestand"],
            omschrijving=form.cleaned_data["omschrijving"],
            request=request,
        )
        messages.success(request, _("Het document is toegevoegd."))
    except ValidationError as exc:
        error_messages(request, exc)
    return redirect("vrijstelling", pk=pk)


@login_required
@permission_required("leerplicht.change_vrijstelling", raise_exception=True)
@require_POST
def vrijstelling_besluit(request, pk: int):
    vrijstelling = _vrijstelling_or_404(request, pk)
    form = BesluitForm(request.POST)
    if not form.is_valid():
        form_error_messages(request, form)
        return redirect("vrijstelling", pk=pk)
    try:
        services.vrijstelling_decide(
            actor=request.user, vrijstelling_id=vrijstelling.pk, request=request, **form.cleaned_data
        )
        messages.success(request, _("Het besluit is vastgelegd."))
    except ConflictError as exc:
        messages.error(request, exc.message)
    except ValidationError as exc:
        error_messages(request, exc)
    return redirect("vrijstelling", pk=pk)
