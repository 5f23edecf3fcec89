"""Thin views to add, change and remove the ouders/verzorgers of a dossier (art. 2 Lpw).
Writing needs the right to change the jongere (`cases.change_jongere`), as the API does."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from cases import selectors
from cases.concurrency import ConflictError
from cases.constants import AuditAction
from cases.forms import style_fields
from cases.models import Dossier, Ouder
from cases.ouders.services import EDITABLE_FIELDS, ouder_toevoegen, ouder_verwijderen, ouder_wijzigen
from cases.privacy.audit import log_access
from cases.verhuizing.services import ensure_writable
from cases.views import purpose_of

CHANGE_PERMISSION = "cases.change_jongere"


class OuderForm(forms.Form):
    versie = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields.update(forms.fields_for_model(Ouder, fields=EDITABLE_FIELDS))
        self.fields["relatie"].choices = Ouder._meta.get_field("relatie").choices
        style_fields(self)

    def gegevens(self) -> dict:
        return {name: self.cleaned_data[name] for name in EDITABLE_FIELDS}


def _attach(form: forms.Form, exc: ValidationError) -> None:
    if not hasattr(exc, "error_dict"):
        form.add_error(None, exc)
        return
    for field, errors in exc.error_dict.items():
        form.add_error(field if field in form.fields else None, errors)


def _dossier_or_404(request, pk: int) -> Dossier:
    try:
        return selectors.dossier_for(request.user, pk)
    except Dossier.DoesNotExist:
        raise Http404 from None


def _ouder_or_404(request, pk: int) -> Ouder:
    try:
        return (
            Ouder.objects.visible_to(request.user)
            .filter(actief=True)
            .select_related("jongere__dossier", "jongere__organisatie")
            .get(pk=pk)
        )
    except Ouder.DoesNotExist:
        raise Http404 from None


@login_required
@permission_required(CHANGE_PERMISSION, raise_exception=True)
@require_http_methods(["GET", "POST"])
def ouder_nieuw(request, pk: int):
    dossier = _dossier_or_404(request, pk)
    jongere = dossier.jongere
    form = OuderForm(request.POST or None, initial={"gezag": True, "feitelijke_verzorging": True})
    if request.method == "GET":
        # The page names the jongere: opening it is a read.
        log_access(
            actor=request.user,
            action=AuditAction.INZIEN,
            purpose=purpose_of(request.user),
            jongere=jongere,
            obj=dossier,
            request=request,
        )
    if request.method == "POST" and form.is_valid():
        try:
            ensure_writable(dossier)
            ouder_toevoegen(
                actor=request.user,
                jongere=jongere,
                purpose=purpose_of(request.user),
                request=request,
                **form.gegevens(),
            )
            messages.success(request, _("De ouder of verzorger is toegevoegd."))
            return redirect("dossier", pk=dossier.pk)
        except ValidationError as exc:
            _attach(form, exc)
    context = {"form": form, "dossier": dossier, "jongere": jongere, "ouder": None}
    return render(request, "cases/ouder_form.html", context, status=400 if form.errors else 200)


@login_required
@permission_required(CHANGE_PERMISSION, raise_exception=True)
@require_http_methods(["GET", "POST"])
def ouder_bewerken(request, pk: int):
    ouder = _ouder_or_404(request, pk)
    dossier = ouder.jongere.dossier
    if request.method == "POST":
        form = OuderForm(request.POST)
    else:
        form = OuderForm(initial={name: getattr(ouder, name) for name in (*EDITABLE_FIELDS, "versie")})
        # The form shows the ouder's data: opening it is a read (the save logs the change).
        log_access(
            actor=request.user,
            action=AuditAction.INZIEN,
            purpose=purpose_of(request.user),
            jongere=ouder.jongere,
            obj=ouder,
            request=request,
        )
    if request.method == "POST" and form.is_valid():
        try:
            ensure_writable(dossier)
            ouder_wijzigen(
                actor=request.user,
                ouder=ouder,
                versie=form.cleaned_data["versie"],
                purpose=purpose_of(request.user),
                request=request,
                **form.gegevens(),
            )
            messages.success(request, _("De gegevens van de ouder of verzorger zijn opgeslagen."))
            return redirect("dossier", pk=dossier.pk)
        except ConflictError as exc:
            form.add_error(None, exc.message)
        except ValidationError as exc:
            _attach(form, exc)
    context = {"form": form, "dossier": dossier, "jongere": ouder.jongere, "ouder": ouder}
    return render(request, "cases/ouder_form.html", context, status=400 if form.errors else 200)


@login_required
@permission_required(CHANGE_PERMISSION, raise_exception=True)
@require_POST
def ouder_verwijderen_view(request, pk: int):
    ouder = _ouder_or_404(request, pk)
    dossier = ouder.jongere.dossier
    try:
        versie = int(request.POST.get("versie", ""))
    except ValueError:
        versie = None
    try:
        ensure_writable(dossier)
        ouder_verwijderen(
            actor=request.user, ouder=ouder, versie=versie, purpose=purpose_of(request.user), request=request
        )
        messages.success(request, _("De ouder of verzorger is uit het dossier verwijderd."))
    except ConflictError as exc:
        messages.error(request, exc.message)
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    return redirect("dossier", pk=dossier.pk)
