"""Thin views of the verhuizing between gemeenten: hand a dossier over (read-only afterwards) or
record that a jongere moved in, with the previous team's summary (cases/verhuizing/services.py)."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.http import Http404
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from cases import selectors
from cases.forms import DateInput, style_fields
from cases.models import Dossier
from cases.verhuizing import services as overdracht

CHANGE_PERMISSION = "cases.change_jongere"


class OverdrachtForm(forms.Form):
    gemeente_code = forms.CharField(
        label=gettext_lazy("CBS-code van de nieuwe gemeente"),
        max_length=6,
        validators=[
            RegexValidator(r"^GM\d{4}$", gettext_lazy("Een gemeentecode is GM gevolgd door 4 cijfers."))
        ],
        help_text=gettext_lazy("Bijvoorbeeld GM0503 voor Delft."),
    )
    gemeente_naam = forms.CharField(label=gettext_lazy("Naam van de nieuwe gemeente"), max_length=100)
    datum = forms.DateField(label=gettext_lazy("Verhuisdatum"), widget=DateInput())
    toelichting = forms.CharField(
        label=gettext_lazy("Toelichting voor het ontvangende team"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        style_fields(self)

    def clean_gemeente_code(self):
        return self.cleaned_data["gemeente_code"].upper()


class OvernameForm(OverdrachtForm):
    samenvatting = forms.FileField(
        label=gettext_lazy("Samenvatting van de vorige gemeente"),
        required=False,
        help_text=gettext_lazy("PDF, JPG, PNG of Word (.docx), hoogstens 10 MB."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gemeente_code"].label = gettext_lazy("CBS-code van de vorige gemeente")
        self.fields["gemeente_naam"].label = gettext_lazy("Naam van de vorige gemeente")
        self.fields["toelichting"].label = gettext_lazy("Toelichting")


def _dossier_or_404(request, pk: int) -> Dossier:
    try:
        return selectors.dossier_for(request.user, pk)
    except Dossier.DoesNotExist:
        raise Http404 from None


def _errors(request, form=None, exc: ValidationError | None = None) -> None:
    if form is not None:
        for name, errors in form.errors.items():
            label = form.fields[name].label if name in form.fields else ""
            for error in errors:
                messages.error(request, f"{label}: {error}" if label else error)
    if exc is not None:
        for message in exc.messages:
            messages.error(request, message)


@login_required
@permission_required(CHANGE_PERMISSION, raise_exception=True)
@require_POST
def overdragen(request, pk: int):
    dossier = _dossier_or_404(request, pk)
    form = OverdrachtForm(request.POST, prefix="overdracht")
    if not form.is_valid():
        _errors(request, form)
        return redirect("dossier", pk=dossier.pk)
    data = form.cleaned_data
    try:
        gemeente = overdracht.gemeente_voor(code=data["gemeente_code"], naam=data["gemeente_naam"])
        overdracht.overdracht_uit(
            actor=request.user,
            dossier=dossier,
            gemeente=gemeente,
            datum=data["datum"],
            toelichting=data["toelichting"],
            request=request,
        )
        messages.success(
            request,
            _(
                "Het dossier is overgedragen aan de gemeente %(gemeente)s. De samenvatting staat bij de documenten."
            )
            % {"gemeente": gemeente.naam},
        )
    except ValidationError as exc:
        _errors(request, exc=exc)
    return redirect("dossier", pk=dossier.pk)


@login_required
@permission_required(CHANGE_PERMISSION, raise_exception=True)
@require_POST
def overnemen(request, pk: int):
    dossier = _dossier_or_404(request, pk)
    form = OvernameForm(request.POST, request.FILES, prefix="overname")
    if not form.is_valid():
        _errors(request, form)
        return redirect("dossier", pk=dossier.pk)
    data = form.cleaned_data
    try:
        gemeente = overdracht.gemeente_voor(code=data["gemeente_code"], naam=data["gemeente_naam"])
        overdracht.overdracht_in(
            actor=request.user,
            dossier=dossier,
            gemeente=gemeente,
            datum=data["datum"],
            samenvatting=data["samenvatting"],
            toelichting=data["toelichting"],
            request=request,
        )
        messages.success(
            request, _("De verhuizing uit %(gemeente)s is vastgelegd.") % {"gemeente": gemeente.naam}
        )
    except ValidationError as exc:
        _errors(request, exc=exc)
    return redirect("dossier", pk=dossier.pk)


def forms_for(dossier: Dossier) -> dict:
    today = timezone.localdate()
    return {
        "overdracht_form": OverdrachtForm(prefix="overdracht", initial={"datum": today}),
        "overname_form": OvernameForm(prefix="overname", initial={"datum": today}),
    }
