"""Thin browser views of the Doorstroompunt: parse, call a selector or service, render.

Every page that shows a jongere's data writes the processing log with the purpose
'Begeleiding Doorstroompunt'; a traject of another organisation answers 404.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cases import selectors as case_selectors
from cases.concurrency import ConflictError
from cases.constants import AuditAction, Verwerkingsactiviteit
from cases.models import Dossier
from cases.privacy.audit import log_access, log_listing
from cases.workflow import TransitionError

from . import selectors, services
from .constants import FASE_VAN_STAP, STAP_OMSCHRIJVING, Doelgroep, Fase, Stap
from .filters import Status, TrajectFilter
from .forms import (
    AfsluitenForm,
    BenaderingForm,
    NazorgForm,
    OverdrachtForm,
    PlanForm,
    StapForm,
    TrajectGegevensForm,
    TrajectStartForm,
    VerzuimActieForm,
    VerzuimMeldingForm,
    VolgendeStapForm,
)
from .models import PlanVanAanpak, Traject
from .workflow import routekaart_voor, sluit_af, volgende_stap

PURPOSE = Verwerkingsactiviteit.BEGELEIDING_DOORSTROOMPUNT
PAGE_SIZE = 25
VIEW = "doorstroom.view_traject"
CHANGE = "doorstroom.change_traject"
ADD = "doorstroom.add_traject"


def _traject_or_404(user, pk: int) -> Traject:
    try:
        return selectors.traject_for(user, pk)
    except Traject.DoesNotExist:
        raise Http404 from None


def _dossier_or_404(user, pk: int) -> Dossier:
    try:
        return case_selectors.dossier_for(user, pk)
    except Dossier.DoesNotExist:
        raise Http404 from None


@login_required
@permission_required(VIEW, raise_exception=True)
def caseload(request):
    """The caseload of a coach or the whole team; filters travel in the URL (no personal data)."""
    data = request.GET.copy()
    data.setdefault("status", Status.ACTIEF)
    filterset = TrajectFilter(data, queryset=selectors.trajecten_for(request.user), user=request.user)
    queryset = filterset.qs if filterset.is_valid() else Traject.objects.none()
    page = Paginator(queryset.order_by("stap_sinds", "pk"), PAGE_SIZE).get_page(request.GET.get("page"))
    jongeren = {traject.dossier.jongere.pk: traject.dossier.jongere for traject in page.object_list}
    if jongeren:
        log_listing(actor=request.user, jongeren=jongeren.values(), purpose=PURPOSE, request=request)
    params = data.copy()
    params.pop("page", None)
    return render(
        request,
        "doorstroom/caseload.html",
        {"filter": filterset, "page": page, "querystring": params.urlencode()},
    )


def _forms(traject: Traject, organisatie_id: int, bound: dict) -> dict:
    """Every form of the traject page; `bound` replaces one with the submitted (invalid) form."""
    doelen = [
        target
        for target in sorted(routekaart_voor(traject.doelgroep).allowed(traject.stap))
        if not sluit_af(traject.stap, target)
    ]
    plan = PlanVanAanpak.objects.filter(traject=traject).first()
    forms = {
        "gegevens": TrajectGegevensForm(traject=traject, organisatie_id=organisatie_id),
        "stap": StapForm(traject=traject, doelen=doelen) if doelen else None,
        "volgende": VolgendeStapForm(traject=traject)
        if volgende_stap(traject.doelgroep, traject.stap)
        else None,
        "benadering": BenaderingForm(traject=traject),
        "plan": PlanForm(traject=traject, plan=plan),
        "afsluiten": AfsluitenForm(traject=traject, organisatie_id=organisatie_id)
        if services.afsluitstap(traject)
        else None,
        "nazorg": None if traject.is_open else NazorgForm(traject=traject, organisatie_id=organisatie_id),
        "melding": None,
        "verzuimactie": None,
    }
    if traject.doelgroep == Doelgroep.VERZUIM_18PLUS:
        forms["melding"] = VerzuimMeldingForm(organisatie_id=organisatie_id)
        forms["verzuimactie"] = VerzuimActieForm(traject=traject, organisatie_id=organisatie_id)
    forms.update(bound)
    return forms


def _render_detail(request, traject: Traject, bound: dict | None = None):
    jongere = traject.dossier.jongere
    log_access(
        actor=request.user,
        action=AuditAction.INZIEN,
        purpose=PURPOSE,
        jongere=jongere,
        obj=traject,
        request=request,
    )
    routekaart = [
        {
            "stap": stap,
            "nummer": index,
            "fase": FASE_VAN_STAP[stap].label,
            "omschrijving": STAP_OMSCHRIJVING[stap],
            "huidig": stap == traject.stap,
        }
        for index, stap in enumerate(Stap, start=1)
    ]
    context = {
        "traject": traject,
        "jongere": jongere,
        "routekaart": routekaart,
        "plan": PlanVanAanpak.objects.filter(traject=traject).first(),
        "geschiedenis": traject.stapwijzigingen.select_related("door"),
        "benaderingen": traject.benaderingen.select_related("door"),
        "verzuimmeldingen": traject.verzuimmeldingen.select_related("school"),
        "verzuimacties": traject.verzuimacties.select_related("actie", "melding"),
        "forms": (forms := _forms(traject, jongere.organisatie_id, bound or {})),
        # The plan form is open while the traject is in Analyseren / Plannen, or when it has errors.
        "plan_open": traject.fase in (Fase.ANALYSEREN, Fase.PLANNEN) or bool(forms["plan"].errors),
        "kan_wijzigen": request.user.has_perm(CHANGE),
        "volgende_label": Stap(forms["volgende"].initial["naar"]).label if forms["volgende"] else "",
    }
    return render(request, "doorstroom/traject.html", context)


@login_required
@permission_required(VIEW, raise_exception=True)
def traject_detail(request, pk: int):
    return _render_detail(request, _traject_or_404(request.user, pk))


def _apply_errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, messages_ in error.message_dict.items():
            form.add_error(field if field in form.fields else None, messages_)
    else:
        form.add_error(None, error.messages)


def _submit(request, pk: int, name: str, make_form, act, success: str):
    """The shape every traject edit shares: validate, call the service, show the outcome.

    A stale versie (ConflictError) stores nothing and shows the page as it now is; a refused step
    (TransitionError) and field problems re-render the page with the submitted form.
    """
    traject = _traject_or_404(request.user, pk)
    organisatie_id = traject.dossier.jongere.organisatie_id
    form = make_form(request.POST, traject, organisatie_id)
    if form.is_valid():
        try:
            act(traject, form.cleaned_data, form)
        except ConflictError as error:
            messages.error(request, error.message)
            return redirect("traject_detail", pk=traject.pk)
        except TransitionError as error:
            form.add_error(None, error.message)  # e.g. a step back without a reason: keep the form
        except ValidationError as error:
            _apply_errors(form, error)
        else:
            messages.success(request, success)
            return redirect("traject_detail", pk=traject.pk)
    messages.error(request, _("Controleer de gemarkeerde velden; er is niets opgeslagen."))
    return _render_detail(request, traject, bound={name: form})


@login_required
@permission_required(CHANGE, raise_exception=True)
@require_POST
def traject_gegevens(request, pk: int):
    def act(traject, data, form):
        fields = {k: v for k, v in data.items() if k != "versie"}
        services.traject_bijwerken(
            actor=request.user, traject=traject, versie=data["versie"], request=request, **fields
        )

    return _submit(
        request,
        pk,
        "gegevens",
        lambda post, traject, org: TrajectGegevensForm(post, traject=traject, organisatie_id=org),
        act,
        _("De gegevens van het traject zijn opgeslagen."),
    )


@login_required
@permission_required(CHANGE, raise_exception=True)
@require_POST
def traject_stap(request, pk: int):
    def make(post, traject, org):
        doelen = [str(s) for s in Stap]  # the service decides; the form only checks it is a step
        return StapForm(post, traject=traject, doelen=doelen)

    def act(traject, data, form):
        services.stap_wijzigen(
            actor=request.user,
            traject=traject,
            naar=data["naar"],
            reden=data["reden"],
            versie=data["versie"],
            request=request,
        )

    return _submit(request, pk, "stap", make, act, _("De stap is gewijzigd."))


@login_required
@permission_required(CHANGE, raise_exception=True)
@require_POST
def traject_volgende_stap(request, pk: int):
    """One click to the next step, with an optional note (the service checks the move)."""

    def act(traject, data, form):
        services.stap_wijzigen(
            actor=request.user,
            traject=traject,
            naar=data["naar"],
            reden=data["notitie"],
            versie=data["versie"],
            request=request,
        )

    return _submit(
        request,
        pk,
        "volgende",
        lambda post, traject, org: VolgendeStapForm(post, traject=traject),
        act,
        _("Het traject staat nu op de volgende stap."),
    )


@login_required
@permission_required(CHANGE, raise_exception=True)
@require_POST
def traject_benadering(request, pk: int):
    def act(traject, data, form):
        if data.get("door_naar"):
            services.benadering_en_stap(
                actor=request.user,
                traject=traject,
                naar=form.volgende,
                versie=data["versie"],
                request=request,
                **form.benadering_fields(),
            )
        else:
            services.benadering_vastleggen(
                actor=request.user, traject=traject, request=request, **form.benadering_fields()
            )

    return _submit(
        request,
        pk,
        "benadering",
        lambda post, traject, org: BenaderingForm(post, traject=traject),
        act,
        _("De contactpoging is vastgelegd."),
    )


@login_required
@permission_required(CHANGE, raise_exception=True)
@require_POST
def traject_plan(request, pk: int):
    def act(traject, data, form):
        services.plan_bijwerken(
            actor=request.user,
            traject=traject,
            versie=data["versie"],
            request=request,
            **form.service_fields(),
        )

    return _submit(
        request,
        pk,
        "plan",
        lambda post, traject, org: PlanForm(post, traject=traject),
        act,
        _("De intake en het plan van aanpak zijn opgeslagen."),
    )


@login_required
@permission_required(CHANGE, raise_exception=True)
@require_POST
def traject_afsluiten(request, pk: int):
    def act(traject, data, form):
        services.traject_afsluiten(
            actor=request.user,
            traject=traject,
            versie=data["versie"],
            begeleid=data["begeleid"],
            reden_niet_begeleid=data["reden_niet_begeleid"],
            uitstroom=data["uitstroom"],
            resultaat=data.get("resultaat"),
            verzuim_afloop=data.get("verzuim_afloop", ""),
            afgesloten_op=data["afgesloten_op"],
            request=request,
        )

    return _submit(
        request,
        pk,
        "afsluiten",
        lambda post, traject, org: AfsluitenForm(post, traject=traject, organisatie_id=org),
        act,
        _("Het traject is afgesloten; de nazorg is over een jaar gepland."),
    )


@login_required
@permission_required(CHANGE, raise_exception=True)
@require_POST
def traject_nazorg(request, pk: int):
    def act(traject, data, form):
        services.nazorg_vastleggen(
            actor=request.user,
            traject=traject,
            versie=data["versie"],
            uitgevoerd_op=data["uitgevoerd_op"],
            situatie=data["situatie"],
            toelichting=data["toelichting"],
            request=request,
        )

    return _submit(
        request,
        pk,
        "nazorg",
        lambda post, traject, org: NazorgForm(post, traject=traject, organisatie_id=org),
        act,
        _("De nazorg is vastgelegd."),
    )


@login_required
@permission_required(CHANGE, raise_exception=True)
@require_POST
def traject_verzuimmelding(request, pk: int):
    def act(traject, data, form):
        services.verzuimmelding_vastleggen(actor=request.user, traject=traject, request=request, **data)

    return _submit(
        request,
        pk,
        "melding",
        lambda post, traject, org: VerzuimMeldingForm(post, organisatie_id=org),
        act,
        _("De verzuimmelding is vastgelegd."),
    )


@login_required
@permission_required(CHANGE, raise_exception=True)
@require_POST
def traject_verzuimactie(request, pk: int):
    def act(traject, data, form):
        services.verzuimactie_vastleggen(actor=request.user, traject=traject, request=request, **data)

    return _submit(
        request,
        pk,
        "verzuimactie",
        lambda post, traject, org: VerzuimActieForm(post, traject=traject, organisatie_id=org),
        act,
        _("De actie is vastgelegd."),
    )


def _form_errors(form) -> str:
    return " ".join(str(message) for errors in form.errors.values() for message in errors)


@login_required
@permission_required(ADD, raise_exception=True)
@require_POST
def traject_starten(request, pk: int):
    """Open a traject on a dossier (from the dossier page)."""
    dossier = _dossier_or_404(request.user, pk)
    form = TrajectStartForm(request.POST, organisatie_id=dossier.jongere.organisatie_id)
    if form.is_valid():
        try:
            traject = services.traject_start(
                actor=request.user, dossier=dossier, request=request, **form.cleaned_data
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Het traject is gestart bij stap 1 van de Routekaart."))
            if request.user.has_perm(VIEW):
                return redirect("traject_detail", pk=traject.pk)
    else:
        messages.error(request, _form_errors(form))
    return redirect("dossier", pk=dossier.pk)


@login_required
@permission_required(ADD, raise_exception=True)
@require_POST
def traject_overdragen(request, pk: int):
    """Leerplicht hands the dossier of a jongere turning 18 to the Doorstroompunt, in one action."""
    dossier = _dossier_or_404(request.user, pk)
    form = OverdrachtForm(request.POST)
    if form.is_valid():
        try:
            services.traject_overdragen(
                actor=request.user, dossier=dossier, request=request, **form.cleaned_data
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("De jongere is overgedragen aan het Doorstroompunt."))
    else:
        messages.error(request, _form_errors(form))
    return redirect("dossier", pk=dossier.pk)
