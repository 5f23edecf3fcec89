"""Thin views of letters: templates (functioneel beheerder) and making a letter (case worker)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from .. import registry
from ..access import VIEW_PERMISSION
from ..audit import log_access
from ..concurrency import ConflictError
from ..constants import AuditAction
from ..letter_models import Brief, BriefSjabloon
from . import selectors, services
from .forms import BriefMakenForm, SjabloonForm
from .placeholders import PLACEHOLDERS

#: htmx stops polling when a response has this status (https://htmx.org/attributes/hx-trigger/).
HTMX_STOP_POLLING = 286


@login_required
@permission_required("cases.view_briefsjabloon", raise_exception=True)
def sjablonen(request):
    return render(
        request, "cases/letters/sjablonen.html", {"sjablonen": selectors.sjablonen_for(request.user)}
    )


@login_required
@permission_required("cases.change_briefsjabloon", raise_exception=True)
@require_http_methods(["GET", "POST"])
def sjabloon(request, pk: int):
    """Edit one template. 'Voorbeeld' shows the letter with made-up data without saving."""
    try:
        sjabloon = selectors.sjablonen_for(request.user).select_related("organisatie").get(pk=pk)
    except BriefSjabloon.DoesNotExist:
        raise Http404 from None
    initial = {f: getattr(sjabloon, f) for f in ("naam", "onderwerp", "inhoud", "actief", "versie")}
    form = SjabloonForm(request.POST or None, initial=initial)
    voorbeeld = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if "voorbeeld" in request.POST:
            concept = BriefSjabloon(
                organisatie=sjabloon.organisatie,
                soort=sjabloon.soort,
                onderwerp=data["onderwerp"],
                inhoud=data["inhoud"],
            )
            values = services.sample_values(
                organisatie=sjabloon.organisatie, actor=request.user, datum=timezone.localdate()
            )
            voorbeeld = services.letter_preview(sjabloon=concept, values=values, actor=request.user)
        else:
            try:
                services.sjabloon_update(actor=request.user, sjabloon_id=sjabloon.pk, request=request, **data)
                messages.success(request, _("Het sjabloon is opgeslagen."))
                return redirect("sjabloon", pk=sjabloon.pk)
            except ConflictError as exc:
                form.add_error(None, exc.message)
            except ValidationError as exc:
                for field, errors in exc.message_dict.items():
                    form.add_error(field if field in form.fields else None, errors)
    context = {
        "sjabloon": sjabloon,
        "form": form,
        "voorbeeld": voorbeeld,
        "plaatshouders": PLACEHOLDERS.items(),
    }
    return render(request, "cases/letters/sjabloon.html", context, status=400 if form.errors else 200)


@login_required
@permission_required(VIEW_PERMISSION, raise_exception=True)
@require_http_methods(["GET", "POST"])
def brief_maken(request, pk: int, bron: str):
    """Choose a template for a melding, vrijstelling or traject, preview the letter, make it."""
    source = registry.letter_sources[bron]
    if not request.user.has_perm(source.permission):
        raise PermissionDenied
    try:
        obj = source.load(request.user, pk)
    except ObjectDoesNotExist:
        raise Http404 from None
    dossier = source.dossier(obj)
    jongere = dossier.jongere
    form = BriefMakenForm(
        request.POST or None, sjablonen=selectors.actieve_sjablonen(jongere.organisatie_id, source.soorten)
    )
    voorbeeld = None
    if request.method == "POST" and form.is_valid():
        sjabloon = form.cleaned_data["sjabloon"]
        try:
            services.check_letter(source=source, obj=obj, sjabloon=sjabloon)
            if "voorbeeld" in request.POST:
                values = services.letter_values(
                    actor=request.user, source=source, obj=obj, datum=timezone.localdate()
                )
                voorbeeld = services.letter_preview(sjabloon=sjabloon, values=values, actor=request.user)
            else:
                brieven = services.brieven_start(
                    actor=request.user, source=source, obj=obj, sjabloon=sjabloon, request=request
                )
                if len(brieven) > 1:
                    messages.success(
                        request,
                        _("Er worden %(aantal)d brieven gemaakt, één per adres: aan %(namen)s.")
                        % {
                            "aantal": len(brieven),
                            "namen": _(" en aan ").join(b.geadresseerde for b in brieven),
                        },
                    )
                else:
                    messages.success(request, _("De brief wordt gemaakt. Daarna staat hij in het dossier."))
                return redirect("brief", pk=brieven[0].pk)
        except ValidationError as exc:
            for message in exc.messages:
                form.add_error(None, message)
    log_access(
        actor=request.user,
        action=AuditAction.INZIEN,
        purpose=source.purpose,
        jongere=jongere,
        obj=obj,
        request=request,
    )
    context = {
        "form": form,
        "jongere": jongere,
        "dossier": dossier,
        "terug": source.url(obj),
        "voorbeeld": voorbeeld,
    }
    return render(request, "cases/letters/brief_maken.html", context, status=400 if form.errors else 200)


def _brief_or_404(request, pk: int) -> Brief:
    try:
        return selectors.brief_for(request.user, pk)
    except Brief.DoesNotExist:
        raise Http404 from None


@login_required
@permission_required(VIEW_PERMISSION, raise_exception=True)
def brief(request, pk: int):
    brief = _brief_or_404(request, pk)
    source = registry.letter_sources[brief.bron]
    log_access(
        actor=request.user,
        action=AuditAction.INZIEN,
        purpose=source.purpose,
        jongere=brief.dossier.jongere,
        obj=brief,
        request=request,
    )
    zending = (
        Brief.objects.visible_to(request.user)
        .filter(zending=brief.zending)
        .exclude(pk=brief.pk)
        .order_by("pk")
        if brief.zending
        else Brief.objects.none()
    )
    context = {"brief": brief, "jongere": brief.dossier.jongere, "zending": zending}
    return render(request, "cases/letters/brief.html", context)


@login_required
@permission_required(VIEW_PERMISSION, raise_exception=True)
def brief_status(request, pk: int):
    """The status of one letter, polled by htmx until it is done (no personal data in it)."""
    brief = _brief_or_404(request, pk)
    status = 200 if brief.is_active else HTMX_STOP_POLLING
    return render(request, "cases/letters/includes/brief_status.html", {"brief": brief}, status=status)
