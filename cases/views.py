"""Thin browser views of the core: parse, call a selector or service, render."""

from urllib.parse import urlencode

import redis
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import ValidationError
from django.db import DatabaseError, connection
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from cases import registry, selectors, services, zoekopdrachten
from cases.accounts import generation
from cases.privacy.audit import log_access, log_listing
from cases.verhuizing import views as overdracht_views

from .access import VIEW_PERMISSION
from .beheer.selectors import beheer_links, may_open_beheer
from .constants import AuditAction, Verwerkingsactiviteit
from .exports import FORMATS, MAX_EXPORT_ROWS, tabular_response
from .filters import JongereFilter
from .forms import ActieForm, apply_errors
from .letters import selectors as letter_selectors
from .models import AuditEntry, Document, Dossier, Jongere
from .pagination import CappedPaginator
from .rules import age_on, leerplicht_status
from .uploads import SERVABLE_TYPES

PAGE_SIZE = 25
SEARCH_LIMIT = 200  # results a search counts and pages through; beyond it: refine
CHANGE_JONGERE = "cases.change_jongere"


def purpose_of(user) -> Verwerkingsactiviteit:
    """The processing purpose a user's reads fall under, by their role (group membership, not a
    permission: the purpose in the log follows the role the organisation gave)."""
    if "doorstroomcoach" in _group_names(user):
        return Verwerkingsactiviteit.BEGELEIDING_DOORSTROOMPUNT
    return Verwerkingsactiviteit.HANDHAVING_LEERPLICHT


def _group_names(user) -> set[str]:
    """The user's roles in lower case; from the shared cache under the permissions' generation
    (it moves on when a user's groups change), so a dossier or search page asks no query for it."""

    def read():
        return {name.lower() for name in user.groups.values_list("name", flat=True)}

    if not generation.cache_is_shared():
        return read()
    key = f"groepen:{user.pk}:{user.date_joined.timestamp()}"
    return generation.cached({key: read}, 300)[key]


@login_required
def start(request):
    """Start page: the dossiers this user opened most recently (from the processing log)."""
    recent_ids = []
    if request.user.has_perm(VIEW_PERMISSION):
        for jongere_id in (
            AuditEntry.objects.filter(gebruiker_id=request.user.pk, actie=AuditAction.INZIEN)
            .order_by("-tijdstip")
            .values_list("jongere_id", flat=True)[:50]
        ):
            if jongere_id not in recent_ids:
                recent_ids.append(jongere_id)
    recent = {
        j.pk: j
        for j in selectors.jongeren_for(request.user).filter(pk__in=recent_ids[:10]).select_related("dossier")
    }
    context = {
        "recent": [recent[pk] for pk in recent_ids[:10] if pk in recent],
        # A beheerder sees the beheer tasks (and what waits for them), not reports they cannot open.
        "beheer_links": beheer_links(request.user) if may_open_beheer(request.user) else [],
    }
    if recent:
        log_listing(
            actor=request.user, jongeren=context["recent"], purpose=purpose_of(request.user), request=request
        )
    return render(request, "cases/start.html", context)


@login_required
@require_POST
def dagelijks_overzicht(request):
    """Turn the user's own daily e-mail digest on or off (no personal data involved)."""
    aan = request.POST.get("aan") == "1"
    services.dagelijks_overzicht_instellen(user=request.user, aan=aan)
    if aan:
        messages.success(request, _("U ontvangt het dagelijks overzicht per e-mail weer."))
    else:
        messages.success(request, _("U ontvangt geen dagelijks overzicht per e-mail meer."))
    return redirect("start")


@login_required
@permission_required(VIEW_PERMISSION, raise_exception=True)
@require_http_methods(["GET", "POST"])
def jongeren(request):
    """Search jongeren. The form posts, so BSNs and names never appear in a URL or access log; a
    valid search is stored in the session and the browser redirected to `?zoekopdracht=<id>`
    (cases/zoekopdrachten.py), so Back, reload and a new tab show the results again."""
    # pk last: equal names keep their place between pages.
    queryset = (
        selectors.jongeren_for(request.user)
        .select_related("dossier")
        .order_by("achternaam", "voornamen", "pk")
    )
    zoekopdracht_id = request.GET.get("zoekopdracht", "")
    if request.method == "POST":
        data = request.POST
    elif zoekopdracht_id:
        data = zoekopdrachten.lees(request.session, zoekopdracht_id)
        if data is None:
            messages.info(request, _("Deze zoekopdracht is verlopen. Vul de zoekvraag opnieuw in."))
    else:
        data = None
    filterset = JongereFilter(data, queryset=queryset, user=request.user)
    page = None
    if data is not None and filterset.is_valid():
        if not any(filterset.form.cleaned_data.get(f) for f in zoekopdrachten.FIELDS):
            messages.info(request, _("Vul een BSN, naam, geboortedatum of gemeente in om te zoeken."))
        elif request.POST.get("export") in FORMATS or request.GET.get("export") in FORMATS:
            # From the results page (GET, stored search) or posted with the terms in one go.
            return _export_jongeren(
                request, filterset.qs, request.POST.get("export") or request.GET["export"]
            )
        elif request.method == "POST":
            nieuw = zoekopdrachten.bewaar(request.session, data)
            return redirect(f"{reverse('jongeren')}?{urlencode({'zoekopdracht': nieuw})}#resultaten")
        else:
            page = CappedPaginator(filterset.qs, PAGE_SIZE, SEARCH_LIMIT).get_page(request.GET.get("page"))
            log_listing(
                actor=request.user,
                jongeren=page.object_list,
                purpose=purpose_of(request.user),
                request=request,
            )
    context = {"filter": filterset, "page": page, "zoekopdracht": zoekopdracht_id if page is not None else ""}
    return render(request, "cases/jongeren.html", context)


def _export_jongeren(request, queryset, fmt):
    jongeren = list(queryset[:MAX_EXPORT_ROWS])
    log_listing(
        actor=request.user,
        jongeren=jongeren,
        purpose=purpose_of(request.user),
        request=request,
        action=AuditAction.EXPORTEREN,
    )
    headers = ["bsn", "achternaam", "tussenvoegsel", "voornamen", "geboortedatum", "geslacht", "woongemeente"]
    rows = (
        [j.bsn, j.achternaam, j.tussenvoegsel, j.voornamen, j.geboortedatum, j.geslacht, j.woongemeente.naam]
        for j in jongeren
    )
    return tabular_response(basename="jongeren", headers=headers, rows=rows, fmt=fmt)


def _dossier_or_404(user, pk: int) -> Dossier:
    try:
        return selectors.dossier_for(user, pk)
    except Dossier.DoesNotExist:
        raise Http404 from None


@login_required
@permission_required(VIEW_PERMISSION, raise_exception=True)
def dossier(request, pk: int):
    return _render_dossier(request, _dossier_or_404(request.user, pk))


def _render_dossier(request, dossier: Dossier, actie_form: ActieForm | None = None):
    """The dossier page; after a failed action its form comes back with what was typed."""
    jongere: Jongere = dossier.jongere
    log_access(
        actor=request.user,
        action=AuditAction.INZIEN,
        purpose=purpose_of(request.user),
        jongere=jongere,
        obj=dossier,
        request=request,
    )
    today = timezone.localdate()
    inschrijvingen = list(jongere.inschrijvingen.select_related("school"))
    leeftijd = age_on(jongere.geboortedatum, today)
    status = leerplicht_status(
        jongere.geboortedatum, today, jongere.startkwalificatie_op, [(i.van, i.tot) for i in inschrijvingen]
    )
    # An app may say more than the obligation, e.g. "Vrijgesteld (5a)" while a vrijstelling holds.
    status_label = next(
        (
            label
            for provider in registry.dossier_status_providers
            if (label := provider(request.user, dossier, today))
        ),
        status.label,
    )
    context = {
        "dossier": dossier,
        "jongere": jongere,
        "leeftijd": leeftijd,
        "status": status,
        "status_label": status_label,
        "inschrijvingen": inschrijvingen,
        "sections": [
            (template, make_context(request.user, dossier))
            for _order, template, make_context in sorted(registry.dossier_sections, key=lambda s: s[0])
        ],
        "timeline": selectors.timeline_for(request.user, dossier),
        "documenten": letter_selectors.documenten_op_dossier(request.user, dossier),
        "actie_form": actie_form or ActieForm(initial={"datum": today}, leeftijd=leeftijd),
        "ouders": selectors.ouders_van(request.user, jongere),
        "alleen_lezen": dossier.overgedragen_op is not None,
        "overdracht": dossier.overdrachten.select_related("gemeente").first(),
        **overdracht_views.forms_for(dossier),
    }
    context["kan_ouders_wijzigen"] = request.user.has_perm(CHANGE_JONGERE) and not context["alleen_lezen"]
    return render(request, "cases/dossier.html", context)


@login_required
@permission_required("cases.add_actie", raise_exception=True)
@require_POST
def actie_toevoegen(request, pk: int):
    dossier = _dossier_or_404(request.user, pk)
    form = ActieForm(request.POST)
    if form.is_valid():
        try:
            services.actie_register(
                actor=request.user,
                dossier=dossier,
                purpose=purpose_of(request.user),
                request=request,
                **form.cleaned_data,
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("De actie is vastgelegd."))
            return redirect("dossier", pk=dossier.pk)
    # The page again with the form as typed, open, its errors summarised at the top.
    return _render_dossier(request, dossier, actie_form=form)


@login_required
def module_in_ontwikkeling(request, titel: str):
    return render(request, "cases/in_ontwikkeling.html", {"titel": titel})


def favicon(request):
    """Browsers ask /favicon.ico on pages without a <link rel="icon"> (PDFs, JSON): no 404 there."""
    return redirect(static("favicon.svg"), permanent=True)


@never_cache
def gezondheid(request):
    """Readiness for load balancers and docker-compose: database and (when configured) Redis
    reachable. Answers 503 naming the failing part; never personal data."""
    checks = {}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        checks["database"] = "ok"
    except DatabaseError:
        checks["database"] = "onbereikbaar"
    if settings.REDIS_URL:
        try:
            redis.Redis.from_url(settings.REDIS_URL, socket_timeout=2).ping()
            checks["redis"] = "ok"
        except redis.RedisError:
            checks["redis"] = "onbereikbaar"
    healthy = all(value == "ok" for value in checks.values())
    return JsonResponse({"status": "ok" if healthy else "fout", **checks}, status=200 if healthy else 503)


@login_required
@permission_required(VIEW_PERMISSION, raise_exception=True)
def document_download(request, pk: int):
    """Serve a private document as an attachment, to users who may see its dossier only."""
    try:
        document = Document.objects.visible_to(request.user).select_related("dossier__jongere").get(pk=pk)
    except Document.DoesNotExist:
        raise Http404 from None
    log_access(
        actor=request.user,
        action=AuditAction.INZIEN,
        purpose=purpose_of(request.user),
        jongere=document.dossier.jongere,
        obj=document,
        request=request,
    )
    # Documents stored before types were read from the content may carry the browser's word:
    # anything not on the list goes out as an opaque download (nosniff is set site-wide).
    content_type = document.content_type
    if content_type not in SERVABLE_TYPES:
        content_type = "application/octet-stream"
    return FileResponse(
        document.bestand.open("rb"), as_attachment=True, filename=document.naam, content_type=content_type
    )
