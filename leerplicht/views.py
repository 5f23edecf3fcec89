"""Browser views of meldingen: werkvoorraad, registration, the melding page and its actions."""

import re

import django_filters
from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import F, Q
from django.http import Http404, QueryDict
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from cases import selectors as case_selectors
from cases import services as case_services
from cases.choices import use_cached_choices
from cases.concurrency import ConflictError
from cases.constants import AuditAction, Signaal
from cases.exports import FORMATS, MAX_EXPORT_ROWS, tabular_response
from cases.filtering import FilterSet
from cases.forms import apply_errors, style_fields
from cases.idempotency import AlVerwerkt
from cases.models import Dossier, Gemeente, Jongere
from cases.pagination import CappedPaginator
from cases.privacy.audit import log_access, log_listing
from cases.rules import Schooljaar, age_on
from cases.workflow import TransitionError

from . import melding_formulier, selectors, services
from .constants import Fase, MeldingSoort
from .forms import AfsluitForm, JongereKeuzeForm, MeldingActieForm, MeldingForm, RouteForm, TransitieForm
from .models import Melding
from .services import PURPOSE, MeldingGegevens, MeldingWarnings
from .workflow import MAS, PHASES, is_backwards

PAGE_SIZE = 25  # as the other lists (jongeren, caseload)
#: The meldingen list counts at most this many: a large city has 150,000 meldingen over five
#: years, and counting them all on every page costs more than showing the page, while telling the
#: user nothing a "more than 5000, choose a schooljaar or another filter" does not.
MELDINGEN_TELLEN_TOT = 5000
AANVRAGEN_OP_WERKVOORRAAD = 10  # the most urgent; the aanvragen page has them all
URGENTIE, ONTVANGEN = "urgentie", "ontvangen"  # werkvoorraad order; urgency is the default
BRIN = re.compile(r"[0-9A-Z]{4}(\d{2})?")  # a BRIN code, optionally with the vestiging number


def error_messages(request, exc: ValidationError) -> None:
    for message in exc.messages:
        messages.error(request, message)


def form_error_messages(request, form) -> None:
    """Show a posted form's errors as messages, naming the field they belong to."""
    for name, errors in form.errors.items():
        label = form.fields[name].label if name in form.fields else ""
        for error in errors:
            messages.error(request, f"{label}: {error}" if label else error)


class WerkvoorraadFilter(FilterSet):
    soort = django_filters.ChoiceFilter(
        label=gettext_lazy("Soort"), choices=MeldingSoort.choices, empty_label=gettext_lazy("Alle soorten")
    )
    fase = django_filters.ChoiceFilter(
        label=gettext_lazy("Fase"),
        choices=[(p.value, p.label) for p in PHASES],
        empty_label=gettext_lazy("Alle fasen"),
    )
    # Typed, not chosen from a list: the school register holds ~7,000 locations nationally.
    school = django_filters.CharFilter(
        label=gettext_lazy("School"),
        method="filter_school",
        help_text=gettext_lazy("Een deel van de naam, of de BRIN-code (bijvoorbeeld 12AB of 12AB00)."),
    )
    gemeente = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Gemeente"),
        queryset=Gemeente.objects.none(),
        empty_label=gettext_lazy("Alle gemeenten"),
    )
    behandelaar = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Leerplichtambtenaar"), queryset=None, empty_label=gettext_lazy("Iedereen (team)")
    )
    signaal = django_filters.ChoiceFilter(
        label=gettext_lazy("Termijn"),
        choices=[(s.value, s.label) for s in (Signaal.VERLOPEN, Signaal.BINNENKORT)],
        empty_label=gettext_lazy("Alle termijnen"),
    )

    volgorde = django_filters.ChoiceFilter(
        label=gettext_lazy("Volgorde"),
        choices=[
            (URGENTIE, gettext_lazy("Meest urgente termijn eerst")),
            (ONTVANGEN, gettext_lazy("Oudste melding eerst")),
        ],
        empty_label=None,
        method="filter_volgorde",
    )

    class Meta:
        model = Melding
        fields = ["soort", "fase", "school", "gemeente", "behandelaar", "signaal", "volgorde"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["gemeente"].queryset = user.organisatie.gemeenten.all()
        self.filters["behandelaar"].queryset = selectors.lpa_choices(user.organisatie_id)
        self.filters["behandelaar"].field.label_from_instance = lambda u: u.get_full_name() or u.username
        style_fields(self.form)
        use_cached_choices(
            type(self).__name__,
            user.organisatie_id,
            {name: self.form.fields[name] for name in ("gemeente", "behandelaar")},
        )

    def filter_volgorde(self, queryset, name, value):
        if value == URGENTIE:
            # The earliest open deadline first (past ones before near ones), items without a
            # stored deadline last; indexes melding_open_*_urgentie serve it.
            return queryset.order_by(F("termijn_op").asc(nulls_last=True), "ontvangen_op", "pk")
        return queryset.order_by("ontvangen_op", "pk")

    def filter_school(self, queryset, name, value):
        value = value.strip()
        query = Q(school__naam__icontains=value)
        code = value.upper().replace(" ", "")
        if BRIN.fullmatch(code):
            brin = Q(school__brin=code[:4])
            query |= brin & Q(school__vestiging=code[4:]) if len(code) == 6 else brin
        return queryset.filter(query)


@login_required
@permission_required("leerplicht.view_melding", raise_exception=True)
def werkvoorraad(request):
    """Open meldingen and requests, the most urgent deadline first, with deadlines and signals.
    The default is the user's own work; 'Iedereen (team)' shows the whole team."""
    today = timezone.localdate()
    data = request.GET.copy()
    if "behandelaar" not in data and request.user.has_perm("leerplicht.change_melding"):
        data["behandelaar"] = str(request.user.pk)
    data.setdefault("volgorde", URGENTIE)
    filterset = WerkvoorraadFilter(
        data, queryset=selectors.werkvoorraad_meldingen(request.user, today), user=request.user
    )
    page = Paginator(filterset.qs, PAGE_SIZE).get_page(request.GET.get("page"))
    termijnen = selectors.termijnen_for(request.user.organisatie_id)
    regels = selectors.werkregels_meldingen(page.object_list, termijnen, today)
    aanvragen = selectors.open_vrijstellingen(request.user)
    if filterset.form.is_valid() and filterset.form.cleaned_data.get("behandelaar"):
        aanvragen = aanvragen.filter(behandelaar=filterset.form.cleaned_data["behandelaar"])
    if filterset.form.is_valid() and filterset.form.cleaned_data.get("signaal"):
        aanvragen = aanvragen.filter(signaal=filterset.form.cleaned_data["signaal"])
    aanvragen = aanvragen.order_by(F("termijn_op").asc(nulls_last=True), "aangevraagd_op", "pk")
    aanvragen_totaal = aanvragen.count()
    aanvraag_regels = selectors.werkregels_vrijstellingen(
        aanvragen[:AANVRAGEN_OP_WERKVOORRAAD], termijnen, today
    )
    jongeren = [r.item.dossier.jongere for r in regels] + [r.item.dossier.jongere for r in aanvraag_regels]
    log_listing(actor=request.user, jongeren=jongeren, purpose=PURPOSE, request=request)
    query = data.copy()
    query.pop("page", None)
    # The aanvragen page with the same behandelaar and signal (it has only those filters).
    aanvragen_query = QueryDict(mutable=True)
    for name in ("behandelaar", "signaal"):
        aanvragen_query[name] = data.get(name, "")
    return render(
        request,
        "leerplicht/werkvoorraad.html",
        {
            "filter": filterset,
            "page": page,
            "regels": regels,
            "aanvragen": aanvraag_regels,
            "aanvragen_totaal": aanvragen_totaal,
            "aanvragen_query": aanvragen_query.urlencode(),
            "query": query.urlencode(),
        },
    )


def _schooljaar_choices():
    current = Schooljaar.of(timezone.localdate())
    return [(str(y.start_year), str(y)) for y in (Schooljaar(current.start_year - i) for i in range(6))]


class MeldingenFilter(WerkvoorraadFilter):
    """All meldingen, open and closed, of a chosen schooljaar."""

    status = django_filters.ChoiceFilter(
        label=gettext_lazy("Status"),
        choices=[("open", gettext_lazy("Open")), ("afgesloten", gettext_lazy("Afgesloten"))],
        empty_label=gettext_lazy("Open en afgesloten"),
        method="filter_status",
    )
    schooljaar = django_filters.ChoiceFilter(
        label=gettext_lazy("Schooljaar"),
        choices=_schooljaar_choices,
        empty_label=gettext_lazy("Alle schooljaren"),
        method="filter_schooljaar",
    )

    volgorde = None  # this list is always newest first

    class Meta(WerkvoorraadFilter.Meta):
        fields = ["schooljaar", "status", "soort", "fase", "school", "gemeente", "behandelaar"]

    def filter_status(self, queryset, name, value):
        return queryset.open() if value == "open" else queryset.filter(fase=Fase.AFGESLOTEN)

    def filter_schooljaar(self, queryset, name, value):
        jaar = Schooljaar(int(value))
        return queryset.filter(ontvangen_op__range=(jaar.first_day, jaar.last_day))


@login_required
@permission_required("leerplicht.view_melding", raise_exception=True)
def meldingen(request):
    """Every melding of the organisation, filterable, newest first; exportable to CSV/XLSX."""
    filterset = MeldingenFilter(
        request.GET,
        queryset=selectors.meldingen_for(request.user).order_by("-ontvangen_op", "-pk"),
        user=request.user,
    )
    export = request.GET.get("export")
    if export in FORMATS and filterset.is_valid():
        return _export_meldingen(request, filterset.qs, export)
    page = CappedPaginator(
        selectors.meldingen_lijst(filterset.qs), PAGE_SIZE, limit=MELDINGEN_TELLEN_TOT
    ).get_page(request.GET.get("page"))
    log_listing(
        actor=request.user,
        jongeren=[m.dossier.jongere for m in page.object_list],
        purpose=PURPOSE,
        request=request,
    )
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request, "leerplicht/meldingen.html", {"filter": filterset, "page": page, "query": query.urlencode()}
    )


def _export_meldingen(request, queryset, fmt):
    meldingen = list(queryset[:MAX_EXPORT_ROWS])
    log_listing(
        actor=request.user,
        jongeren=[m.dossier.jongere for m in meldingen],
        purpose=PURPOSE,
        request=request,
        action=AuditAction.EXPORTEREN,
    )
    headers = [
        "bsn",
        "achternaam",
        "voornamen",
        "geboortedatum",
        "soort",
        "ontvangen_op",
        "fase",
        "gemeente",
        "school",
        "onderwijssoort",
        "reden",
        "resultaat",
        "afgesloten_op",
        "leerplichtambtenaar",
    ]
    rows = (
        [
            m.dossier.jongere.bsn,
            m.dossier.jongere.achternaam,
            m.dossier.jongere.voornamen,
            m.dossier.jongere.geboortedatum,
            m.get_soort_display(),
            m.ontvangen_op,
            m.get_fase_display(),
            m.gemeente.naam,
            m.school.naam if m.school else "",
            m.get_onderwijssoort_display(),
            m.reden.label if m.reden else "",
            m.resultaat.label if m.resultaat else "",
            m.afgesloten_op,
            (m.behandelaar.get_full_name() or m.behandelaar.username) if m.behandelaar else "",
        ]
        for m in meldingen
    )
    return tabular_response(basename="meldingen", headers=headers, rows=rows, fmt=fmt)


def _dossier_from_query(request) -> Dossier | None:
    pk = request.GET.get("dossier") or request.POST.get("dossier")
    if not pk:
        return None
    try:
        return case_selectors.dossier_for(request.user, int(pk))
    except (Dossier.DoesNotExist, ValueError):
        raise Http404 from None


@login_required
@permission_required("leerplicht.add_melding", raise_exception=True)
def melding_nieuw(request):
    """Register a melding; the jongere is the given dossier's, found by BSN, or created. The
    school and onderwijssoort start as those of the jongere's current enrolment."""
    organisatie = request.user.organisatie
    dossier = _dossier_from_query(request)
    data = request.POST if request.method == "POST" else None
    initial = {"ontvangen_op": timezone.localdate()}
    if dossier is not None:
        initial |= melding_formulier.initial_uit_inschrijving(dossier.jongere)
    if request.user.has_perm("leerplicht.change_melding"):
        initial["behandelaar"] = request.user
    form = MeldingForm(data, organisatie=organisatie, initial=initial, herlaad_url=request.get_full_path())
    if melding_formulier.wil_soort_kiezen(request, form):
        return melding_formulier.opnieuw_voor_soort(
            request,
            organisatie=organisatie,
            template="leerplicht/melding_nieuw.html",
            context={"dossier": dossier, "jongere_form": None},
            jongere_form_nodig=dossier is None,
        )
    jongere_form = None if dossier else JongereKeuzeForm(data, organisatie=organisatie, prefix="jongere")
    warnings = []
    if data is not None and form.is_valid() and (jongere_form is None or jongere_form.is_valid()):
        try:
            with transaction.atomic():
                target = dossier or _find_or_create_dossier(request, jongere_form.cleaned_data)
                melding = services.melding_register(
                    actor=request.user,
                    dossier=target,
                    data=MeldingGegevens(**form.gegevens()),
                    confirmed=form.cleaned_data["bevestigd"],
                    sleutel=form.cleaned_data["sleutel"],
                    request=request,
                )
            messages.success(request, _("De melding is geregistreerd."))
            return redirect("melding", pk=melding.pk)
        except AlVerwerkt as exc:
            # The same form again (back button, reload, double click): nothing new is made.
            messages.info(request, _("Dit formulier was al verstuurd; de melding is één keer geregistreerd."))
            return redirect("melding", pk=exc.object_id)
        except MeldingWarnings as exc:
            warnings = exc.warnings
        except ValidationError as exc:
            _attach_errors(form, jongere_form, exc)
    return render(
        request,
        "leerplicht/melding_nieuw.html",
        {"form": form, "jongere_form": jongere_form, "dossier": dossier, "warnings": warnings},
    )


def _find_or_create_dossier(request, data) -> Dossier:
    organisatie = request.user.organisatie
    if data["bsn"]:
        existing = (
            Jongere.objects.visible_to(request.user).filter(bsn=data["bsn"]).select_related("dossier").first()
        )
        if existing is None and Jongere.objects.filter(organisatie=organisatie, bsn=data["bsn"]).exists():
            # Known to the organisation but outside this user's gemeenten.
            raise ValidationError({"bsn": _("Deze jongere valt buiten uw gemeenten; vraag een collega.")})
        if existing is not None:
            if existing.geboortedatum != data["geboortedatum"]:
                raise ValidationError(
                    {
                        "geboortedatum": _(
                            "Bij dit BSN hoort een andere geboortedatum. Controleer BSN en geboortedatum."
                        )
                    }
                )
            return existing.dossier
    jongere = case_services.jongere_register(
        actor=request.user,
        organisatie=organisatie,
        purpose=PURPOSE,
        **data,
    )
    return jongere.dossier


def _attach_errors(form, jongere_form, exc: ValidationError) -> None:
    if not hasattr(exc, "error_dict"):
        form.add_error(None, exc)
        return
    for field, errors in exc.error_dict.items():
        target = (
            form
            if field in form.fields
            else jongere_form
            if jongere_form and field in jongere_form.fields
            else form
        )
        target.add_error(field if field in target.fields else None, errors)


def _melding_or_404(request, pk) -> Melding:
    try:
        return selectors.melding_detail(request.user, pk)
    except Melding.DoesNotExist:
        raise Http404 from None


@login_required
@permission_required("leerplicht.view_melding", raise_exception=True)
def melding(request, pk: int):
    return _render_melding(request, _melding_or_404(request, pk))


def _render_melding(request, melding: Melding, **bound):
    """The melding page; `bound` replaces a form (transitie_form, afsluit_form, route_form,
    actie_form) with the submitted one after a failed submit, so what was typed stays."""
    log_access(
        actor=request.user,
        action=AuditAction.INZIEN,
        purpose=PURPOSE,
        jongere=melding.dossier.jongere,
        obj=melding,
        request=request,
    )
    today = timezone.localdate()
    organisatie_id = melding.dossier.jongere.organisatie_id
    next_steps = [
        {"naar": target, "label": Fase(target).label, "terug": is_backwards(melding.fase, target)}
        for target in PHASES
        if target in MAS.allowed(melding.fase)
    ]
    history = selectors.melding_history(melding)
    context = {
        "melding": melding,
        "jongere": melding.dossier.jongere,
        "history": history,
        "termijnen": selectors.melding_termijnen(melding, history, today),
        "next_steps": next_steps,
        "kan_afsluiten": Fase.AFGESLOTEN in MAS.allowed(melding.fase),
        "transitie_form": TransitieForm(initial={"versie": melding.versie}),
        "afsluit_form": AfsluitForm(
            melding=melding, prefix="afsluiten", initial={"versie": melding.versie, "afgesloten_op": today}
        ),
        "route_form": RouteForm(prefix="route"),
        "actie_form": MeldingActieForm(
            organisatie_id=organisatie_id,
            jongere=melding.dossier.jongere,
            user=request.user,
            prefix="actie",
            initial={"datum": today},
            leeftijd=age_on(melding.dossier.jongere.geboortedatum, today),
        ),
        "fasen": PHASES,
        **bound,
    }
    return render(request, "leerplicht/melding.html", context)


@login_required
@permission_required("leerplicht.change_melding", raise_exception=True)
@require_POST
def melding_fase(request, pk: int):
    melding = _melding_or_404(request, pk)
    if request.POST.get("naar") == Fase.AFGESLOTEN:
        form, name = AfsluitForm(request.POST, melding=melding, prefix="afsluiten"), "afsluit_form"
    else:
        form, name = TransitieForm(request.POST), "transitie_form"
    if form.is_valid():
        try:
            services.melding_transition(
                actor=request.user,
                melding_id=melding.pk,
                versie=form.cleaned_data["versie"],
                naar=request.POST.get("naar", ""),
                reden=form.cleaned_data.get("reden", ""),
                resultaat=form.cleaned_data.get("resultaat"),
                afgesloten_op=form.cleaned_data.get("afgesloten_op"),
                request=request,
            )
        except ConflictError as exc:
            # Someone else changed the melding: the page as it is now, with their change.
            messages.error(request, exc.message)
            return redirect("melding", pk=pk)
        except TransitionError as exc:
            form.add_error(None, exc.message)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(
                request,
                _("De melding staat nu in fase '%(fase)s'.") % {"fase": Fase(request.POST["naar"]).label},
            )
            return redirect("melding", pk=pk)
    return _render_melding(request, melding, **{name: form})


@login_required
@permission_required("leerplicht.change_melding", raise_exception=True)
@require_POST
def melding_route(request, pk: int):
    melding = _melding_or_404(request, pk)
    form = RouteForm(request.POST, prefix="route")
    if form.is_valid():
        try:
            services.melding_choose_route(
                actor=request.user, melding_id=melding.pk, request=request, **form.cleaned_data
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("De route is vastgelegd."))
            return redirect("melding", pk=pk)
    return _render_melding(request, melding, route_form=form)


@login_required
@permission_required("leerplicht.change_melding", raise_exception=True)
@require_POST
def melding_actie(request, pk: int):
    melding = _melding_or_404(request, pk)
    form = MeldingActieForm(
        request.POST,
        organisatie_id=melding.dossier.jongere.organisatie_id,
        jongere=melding.dossier.jongere,
        user=request.user,
        prefix="actie",
    )
    if form.is_valid():
        try:
            services.melding_actie_register(
                actor=request.user, melding_id=melding.pk, request=request, **form.cleaned_data
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("De actie is vastgelegd."))
            return redirect("melding", pk=pk)
    # The page again with the form as typed and open; the error summary at the top names each field.
    return _render_melding(request, melding, actie_form=form)


@login_required
@permission_required("leerplicht.change_melding", raise_exception=True)
def melding_wijzigen(request, pk: int):
    melding = _melding_or_404(request, pk)
    organisatie = request.user.organisatie
    herlaad_url = request.get_full_path()
    if request.method == "POST":
        form = MeldingForm(request.POST, organisatie=organisatie, herlaad_url=herlaad_url)
        if melding_formulier.wil_soort_kiezen(request, form):
            if not melding_formulier.is_htmx(request):
                _log_melding_inzien(request, melding)
            return melding_formulier.opnieuw_voor_soort(
                request,
                organisatie=organisatie,
                template="leerplicht/melding_wijzigen.html",
                context={"melding": melding},
                jongere_form_nodig=False,
            )
    else:
        initial = {f: getattr(melding, f) for f in MeldingForm.base_fields if hasattr(melding, f)}
        form = MeldingForm(organisatie=organisatie, initial=initial, herlaad_url=herlaad_url)
    warnings = []
    if request.method == "POST" and form.is_valid():
        try:
            services.melding_update(
                actor=request.user,
                melding_id=melding.pk,
                versie=form.cleaned_data["versie"],
                data=MeldingGegevens(**form.gegevens()),
                confirmed=form.cleaned_data["bevestigd"],
                request=request,
            )
            messages.success(request, _("De wijzigingen zijn opgeslagen."))
            return redirect("melding", pk=pk)
        except ConflictError as exc:
            form.add_error(None, exc.message)
        except MeldingWarnings as exc:
            warnings = exc.warnings
        except ValidationError as exc:
            _attach_errors(form, None, exc)
    # The page shows the jongere's data, also when it is shown again after a refused POST: every
    # showing is a read (a successful save logs the change instead and redirects).
    _log_melding_inzien(request, melding)
    return render(
        request, "leerplicht/melding_wijzigen.html", {"form": form, "melding": melding, "warnings": warnings}
    )


def _log_melding_inzien(request, melding: Melding) -> None:
    log_access(
        actor=request.user,
        action=AuditAction.INZIEN,
        purpose=PURPOSE,
        jongere=melding.dossier.jongere,
        obj=melding,
        request=request,
    )
