"""Thin views of the beheer pages (functioneel beheerder). Every page is scoped to the user's own
organisation: a record of another organisation is not found (404); a user without the role's
permission gets 403."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from cases.concurrency import ConflictError
from cases.constants import Codelijst

from . import selectors, services
from .forms import CodeForm, NieuweCodeForm, PopulatieForm, TermijnForm, VakantieForm


def _organisation_required(request) -> None:
    """Beheer pages configure one organisation; an account without one has nothing to manage."""
    if not request.user.organisatie_id:
        raise PermissionDenied


def _render_form(request, template: str, context: dict):
    status = 400 if context["form"].errors else 200
    return render(request, f"cases/beheer/{template}", context, status=status)


def _apply_errors(form, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        for field, errors in exc.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc.messages)


@login_required
def index(request):
    if not selectors.may_open_beheer(request.user):
        raise PermissionDenied
    links = selectors.beheer_links(request.user)
    return render(request, "cases/beheer/index.html", {"links": links})


# -- termijnen ---------------------------------------------------------------------------------


@login_required
def termijnen(request):
    _organisation_required(request)
    bronnen = selectors.termijn_bronnen_for(request.user)
    if not bronnen:
        raise PermissionDenied
    groepen = []
    for bron in bronnen:
        model = services.termijn_model(bron)
        eigen = list(model.objects.filter(organisatie_id=request.user.organisatie_id))
        rijen = []
        for definitie in bron.definities():
            row = next(
                (r for r in eigen if all(getattr(r, k) == v for k, v in definitie.sleutel.items())), None
            )
            rijen.append({"definitie": definitie, "eigen": row, "sleutel": _sleutel(definitie)})
        groepen.append(
            {
                "bron": bron,
                "rijen": rijen,
                "wijzigen": request.user.has_perm(selectors.termijn_permission(bron, "change")),
            }
        )
    return render(request, "cases/beheer/termijnen.html", {"groepen": groepen})


def _sleutel(definitie) -> str:
    return ".".join(definitie.sleutel.values())


def _bron_en_definitie(code: str, sleutel: str):
    for bron in selectors.registry.termijn_bronnen:
        if bron.code == code:
            for definitie in bron.definities():
                if _sleutel(definitie) == sleutel:
                    return bron, definitie
    raise Http404


@login_required
@require_http_methods(["GET", "POST"])
def termijn(request, bron: str, sleutel: str):
    _organisation_required(request)
    bron, definitie = _bron_en_definitie(bron, sleutel)
    if not request.user.has_perm(selectors.termijn_permission(bron, "change")):
        raise PermissionDenied
    row = services.termijn_row(organisatie_id=request.user.organisatie_id, bron=bron, definitie=definitie)
    basis = services.fingerprint(row, services.TERMIJN_FIELDS)
    if row is not None:
        values = {field: getattr(row, field) for field in services.TERMIJN_FIELDS}
    else:
        values = {
            "dagen": definitie.standaard_dagen,
            "eenheid": definitie.standaard_eenheid,
            "schoolvakanties_overslaan": definitie.standaard_vakanties_overslaan,
        }
    initial = {
        **values,
        "basis": basis,
    }
    form = TermijnForm(request.POST or None, initial=initial)
    if request.method == "POST":
        kwargs = {"actor": request.user, "bron": bron, "definitie": definitie}
        try:
            if "standaard" in request.POST:
                if not request.user.has_perm(selectors.termijn_permission(bron, "delete")):
                    raise PermissionDenied
                services.termijn_standaard(**kwargs, basis=request.POST.get("basis", ""))
                messages.success(request, _("De standaardtermijn geldt weer voor uw organisatie."))
                return redirect("beheer_termijnen")
            if form.is_valid():
                services.termijn_instellen(**kwargs, **form.cleaned_data)
                messages.success(
                    request,
                    _(
                        "De termijn is opgeslagen. Open meldingen en trajecten krijgen bij de volgende dagelijkse controle hun nieuwe termijn."
                    ),
                )
                return redirect("beheer_termijnen")
        except ConflictError as exc:
            form.add_error(None, exc.message)
        except ValidationError as exc:
            _apply_errors(form, exc)
    context = {"bron": bron, "definitie": definitie, "eigen": row, "form": form}
    return _render_form(request, "termijn.html", context)


# -- populatie ---------------------------------------------------------------------------------


@login_required
@permission_required("reporting.view_populatie", raise_exception=True)
def populatie(request):
    _organisation_required(request)
    rijen = (
        services.populatie_queryset(request.user)
        .select_related("gemeente")
        .order_by("-schooljaar", "gemeente__naam")
    )
    return render(request, "cases/beheer/populatie.html", {"rijen": rijen})


@login_required
@require_http_methods(["GET", "POST"])
def populatie_bewerken(request, pk: int | None = None):
    _organisation_required(request)
    user = request.user
    perm = "reporting.add_populatie" if pk is None else "reporting.change_populatie"
    if not user.has_perm(perm):
        raise PermissionDenied
    queryset = services.populatie_queryset(user)
    obj = _get_or_404(queryset, pk)
    initial = {"basis": services.fingerprint(obj, services.POPULATIE_FIELDS)}
    if obj is not None:
        initial |= {f.removesuffix("_id"): getattr(obj, f) for f in services.POPULATIE_FIELDS}
    form = PopulatieForm(
        request.POST or None, initial=initial, gemeenten=user.organisatie.gemeenten.order_by("naam")
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        data["gemeente_id"] = data.pop("gemeente").pk
        if _save(form, queryset=queryset, pk=pk, fields=services.POPULATIE_FIELDS, actor=user, data=data):
            messages.success(request, _("De populatie is opgeslagen."))
            return redirect("beheer_populatie")
    return _render_form(request, "populatie_formulier.html", {"form": form, "obj": obj})


# -- codelijsten -------------------------------------------------------------------------------


@login_required
@permission_required("cases.view_codeitem", raise_exception=True)
def codes(request):
    _organisation_required(request)
    items = services.codes_queryset(request.user).order_by("lijst", "volgorde", "categorie", "label")
    labels = dict(Codelijst.choices)
    lijsten = {}
    for item in items:
        lijsten.setdefault(item.lijst, []).append(item)
    groepen = [(lijst, labels.get(lijst, lijst), rijen) for lijst, rijen in lijsten.items()]
    return render(request, "cases/beheer/codes.html", {"groepen": groepen})


@login_required
@require_http_methods(["GET", "POST"])
def code_bewerken(request, pk: int | None = None):
    _organisation_required(request)
    user = request.user
    if not user.has_perm("cases.add_codeitem" if pk is None else "cases.change_codeitem"):
        raise PermissionDenied
    queryset = services.codes_queryset(user)
    obj = _get_or_404(queryset, pk)
    initial = {"basis": services.fingerprint(obj, services.CODE_FIELDS)}
    if obj is not None:
        initial |= {f: getattr(obj, f) for f in services.CODE_FIELDS}
    if obj is None:
        initial["lijst"] = request.GET.get("lijst", "")
    form_class = NieuweCodeForm if obj is None else CodeForm
    form = form_class(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        if obj is None:
            data["organisatie_id"] = user.organisatie_id
        if _save(form, queryset=queryset, pk=pk, fields=services.CODE_FIELDS, actor=user, data=data):
            messages.success(request, _("De code is opgeslagen."))
            return redirect("beheer_codes")
    return _render_form(request, "code_formulier.html", {"form": form, "obj": obj})


# -- schoolvakanties ---------------------------------------------------------------------------


@login_required
@permission_required("cases.view_schoolvakantie", raise_exception=True)
def vakanties(request):
    _organisation_required(request)
    return render(
        request,
        "cases/beheer/vakanties.html",
        {"rijen": services.vakanties_queryset(request.user).order_by("-van")},
    )


@login_required
@require_http_methods(["GET", "POST"])
def vakantie_bewerken(request, pk: int | None = None):
    _organisation_required(request)
    user = request.user
    if not user.has_perm("cases.add_schoolvakantie" if pk is None else "cases.change_schoolvakantie"):
        raise PermissionDenied
    queryset = services.vakanties_queryset(user)
    obj = _get_or_404(queryset, pk)
    initial = {"basis": services.fingerprint(obj, services.VAKANTIE_FIELDS)}
    if obj is not None:
        initial |= {f: getattr(obj, f) for f in services.VAKANTIE_FIELDS}
    form = VakantieForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        if obj is None:
            data["organisatie_id"] = user.organisatie_id
        if _save(form, queryset=queryset, pk=pk, fields=services.VAKANTIE_FIELDS, actor=user, data=data):
            messages.success(request, _("De schoolvakantie is opgeslagen."))
            return redirect("beheer_vakanties")
    return _render_form(request, "vakantie_formulier.html", {"form": form, "obj": obj})


# -- shared ------------------------------------------------------------------------------------


def _get_or_404(queryset, pk: int | None):
    if pk is None:
        return None
    try:
        return queryset.get(pk=pk)
    except ObjectDoesNotExist:
        raise Http404 from None


def _save(form, *, queryset, pk, fields, actor, data) -> bool:
    """Write through the service; on a refusal, put the reason on the form (what was typed stays)."""
    basis = data.pop("basis", "")
    try:
        services.record_opslaan(actor=actor, queryset=queryset, pk=pk, fields=fields, basis=basis, **data)
        return True
    except ConflictError as exc:
        form.add_error(None, exc.message)
    except ObjectDoesNotExist:
        raise Http404 from None
    except ValidationError as exc:
        _apply_errors(form, exc)
    return False
