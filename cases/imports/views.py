"""Imports in the browser: upload, preview of counts and problems, confirm, follow progress."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from cases.forms import style_fields
from cases.imports import upkeep
from cases.imports.records import preview_start
from cases.models import ImportRecord
from cases.tasks import import_controleren, import_uitvoeren

MAX_UPLOAD_BYTES = 50 * 1024 * 1024
SOORTEN = [
    ("meldingen", gettext_lazy("Meldingen (leerplicht)")),
    ("vrijstellingen", gettext_lazy("Vrijstellingen en verlof")),
    ("doorstroom", gettext_lazy("Trajecten Doorstroompunt")),
    ("populatie", gettext_lazy("Populatie per gemeente en schooljaar")),
    ("ouders", gettext_lazy("Ouders en verzorgers (van bekende jongeren)")),
]


class UploadForm(forms.Form):
    soort = forms.ChoiceField(label=gettext_lazy("Soort gegevens"), choices=SOORTEN)
    bestand = forms.FileField(
        label=gettext_lazy("Bestand"),
        help_text=gettext_lazy(
            "CSV (UTF-8, komma of puntkomma) of Excel (.xlsx) met een kopregel; zie de handleiding voor de kolommen."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        style_fields(self)

    def clean_bestand(self):
        upload = self.cleaned_data["bestand"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("Het bestand is groter dan 50 MB; splits het op."))
        if not upload.name.lower().endswith((".csv", ".xlsx", ".txt")):
            raise forms.ValidationError(
                _("Alleen CSV- (.csv) en Excel-bestanden (.xlsx) kunnen worden geïmporteerd.")
            )
        return upload


def _records(request):
    return ImportRecord.objects.filter(organisatie_id=request.user.organisatie_id).select_related("gebruiker")


@login_required
@permission_required("cases.add_importrecord", raise_exception=True)
def imports(request):
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["bestand"]
        assert form.cleaned_data["soort"] in settings.IMPORTERS
        with transaction.atomic():
            record = preview_start(
                name=form.cleaned_data["soort"],
                organisatie=request.user.organisatie,
                actor=request.user,
                data=upload.read(),
                filename=upload.name,
            )
            # The check runs in the worker with progress, like the import (security round 2,
            # point 7): a large or hostile file does not hold a web process.
            transaction.on_commit(lambda: import_controleren.delay(record.pk))
        return redirect("import_detail", pk=record.pk)
    return render(request, "cases/imports.html", {"form": form, "records": _records(request)[:25]})


def _record_or_404(request, pk) -> ImportRecord:
    try:
        return _records(request).get(pk=pk)
    except ImportRecord.DoesNotExist:
        raise Http404 from None


@login_required
@permission_required("cases.add_importrecord", raise_exception=True)
def import_detail(request, pk: int):
    record = _record_or_404(request, pk)
    template = "cases/import_status.html" if request.headers.get("HX-Request") else "cases/import_detail.html"
    context = {
        "record": record,
        "soort": dict(SOORTEN).get(record.soort, record.soort),
        # A problem list repeats the file's BSNs and names: only who offered the file sees it
        # (security round 2, point 3); colleagues see the status and the number of problems.
        "toon_problemen": record.gebruiker_id == request.user.pk,
        "aantal_problemen": max(record.problemen_totaal, len(record.problemen)),
        "niet_getoond": max(0, record.problemen_totaal - len(record.problemen)),
        "vastgelopen": upkeep.is_stuck(record),
        "opnieuw_mogelijk": record.status == ImportRecord.Status.MISLUKT and bool(record.bestand),
    }
    return render(request, template, context)


@login_required
@permission_required("cases.add_importrecord", raise_exception=True)
@require_POST
def import_mislukt(request, pk: int):
    """Mark an import whose job died as failed (nothing of it was written)."""
    record = _record_or_404(request, pk)
    if upkeep.mark_failed(record):
        messages.success(request, _("De import is gemarkeerd als mislukt; er is niets opgeslagen."))
    else:
        messages.info(request, _("Deze import loopt nog of is al afgerond."))
    return redirect("import_detail", pk=pk)


@login_required
@permission_required("cases.add_importrecord", raise_exception=True)
@require_POST
def import_opnieuw(request, pk: int):
    """Run a failed (or stuck) import again from its kept file."""
    record = _record_or_404(request, pk)
    with transaction.atomic():
        if not upkeep.retry(record):
            messages.info(
                request, _("Deze import kan niet opnieuw worden gestart; bied het bestand opnieuw aan.")
            )
            return redirect("import_detail", pk=pk)
        transaction.on_commit(lambda: import_uitvoeren.delay(record.pk))
    messages.success(request, _("De import is opnieuw gestart."))
    return redirect("import_detail", pk=pk)


@login_required
@permission_required("cases.add_importrecord", raise_exception=True)
@require_POST
def import_confirm(request, pk: int):
    with transaction.atomic():
        record = (
            ImportRecord.objects.select_for_update()
            .filter(organisatie_id=request.user.organisatie_id)
            .filter(pk=pk)
            .first()
        )
        if record is None:
            raise Http404
        if record.status != ImportRecord.Status.VOORBEELD:
            messages.info(request, _("Deze import is al bevestigd."))
            return redirect("import_detail", pk=pk)
        record.status = ImportRecord.Status.WACHTEND
        record.save(update_fields=["status"])
        transaction.on_commit(lambda: import_uitvoeren.delay(record.pk))
    messages.success(request, _("De import is gestart."))
    return redirect("import_detail", pk=pk)
