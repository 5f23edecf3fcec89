"""The inbox ("Binnengekomen") and the beheer page "Koppelingen": thin views over the selectors
and services."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cases.constants import AuditAction
from cases.privacy.audit import log_access, log_listing

from . import checks, selectors, services
from .constants import OPEN_STATUSES, Voorstel
from .duo import levering
from .duo import service as duo_service
from .forms import AccepterenForm, AfwijzenForm, UploadForm
from .inlichtingenbureau import service as ib_service
from .services import PURPOSE

PAGE_SIZE = 25
TABS = {
    "te-beoordelen": {"status__in": OPEN_STATUSES, "doorsturen": False},
    "doorsturen": {"status__in": OPEN_STATUSES, "doorsturen": True},
    "afgehandeld": {"status__in": ["toegepast", "automatisch", "afgewezen"]},
}
#: What a user must be allowed to do in the team app to accept a proposal of this kind.
VOORSTEL_PERMISSIE = {
    Voorstel.NIEUWE_MELDING: "leerplicht.add_melding",
    Voorstel.MELDING_AANVULLEN: "leerplicht.change_melding",
    Voorstel.NIEUW_TRAJECT: "doorstroom.add_traject",
    Voorstel.OVERDRACHT_VERHUISD: "cases.change_jongere",
    Voorstel.ADRES_BIJWERKEN: "cases.change_jongere",
    Voorstel.AFSLUITEN_OVERLEDEN: "leerplicht.change_melding",
    Voorstel.SCHOOLGESCHIEDENIS: "cases.change_jongere",
    Voorstel.STARTKWALIFICATIE: "cases.change_jongere",
}


@login_required
@permission_required("koppelingen.view_signaal", raise_exception=True)
def binnengekomen(request):
    tab = request.GET.get("tab", "te-beoordelen")
    if tab not in TABS:
        tab = "te-beoordelen"
    # The list shows neither the raw content nor the proposed data: not read (JSON of every row).
    queryset = selectors.signalen_for(request.user).filter(**TABS[tab]).defer("inhoud", "gegevens")
    if tab == "afgehandeld":
        queryset = queryset.order_by("-afgehandeld_op", "-pk")
    page = Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))
    jongeren = [s.jongere for s in page.object_list if s.jongere_id]
    if jongeren:
        log_listing(actor=request.user, jongeren=jongeren, purpose=PURPOSE, request=request)
    return render(
        request,
        "koppelingen/binnengekomen.html",
        {
            "tab": tab,
            "page": page,
            "tellingen": selectors.tellingen(request.user),
            "niet_ingesteld": [c for c in checks.alle() if not c.geconfigureerd],
        },
    )


def _signaal(request, pk):
    signaal = selectors.signalen_for(request.user).filter(pk=pk).select_related("organisatie").first()
    if signaal is None:
        raise Http404
    return signaal


@login_required
@permission_required("koppelingen.view_signaal", raise_exception=True)
def signaal_detail(request, pk):
    signaal = _signaal(request, pk)
    log_access(
        actor=request.user,
        action=AuditAction.INZIEN,
        purpose=PURPOSE,
        jongere=signaal.jongere,
        obj=signaal,
        request=request,
    )
    permissie = VOORSTEL_PERMISSIE.get(signaal.voorstel)
    mag_accepteren = (
        signaal.is_open
        and not signaal.doorsturen
        and request.user.has_perm("koppelingen.change_signaal")
        and (permissie is None or request.user.has_perm(permissie))
    )
    return render(
        request,
        "koppelingen/signaal.html",
        {
            "signaal": signaal,
            "gegevens": sorted(signaal.gegevens.items()),
            "accepteren": AccepterenForm(signaal=signaal) if mag_accepteren else None,
            "afwijzen": AfwijzenForm()
            if signaal.is_open and request.user.has_perm("koppelingen.change_signaal")
            else None,
        },
    )


@require_POST
@login_required
@permission_required("koppelingen.change_signaal", raise_exception=True)
def signaal_accepteren(request, pk):
    signaal = _signaal(request, pk)
    permissie = VOORSTEL_PERMISSIE.get(signaal.voorstel)
    if permissie and not request.user.has_perm(permissie):
        messages.error(request, _("U mag dit voorstel niet uitvoeren; vraag een collega met die rol."))
        return redirect("signaal", pk=pk)
    form = AccepterenForm(request.POST, signaal=signaal)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect("signaal", pk=pk)
    if form.cleaned_data.get("uitvoeren") == "nieuwe_melding" and not request.user.has_perm(
        VOORSTEL_PERMISSIE[Voorstel.NIEUWE_MELDING]
    ):
        messages.error(request, _("U mag dit voorstel niet uitvoeren; vraag een collega met die rol."))
        return redirect("signaal", pk=pk)
    try:
        signaal = services.signaal_accepteren(
            actor=request.user, signaal_id=signaal.pk, keuzes=form.cleaned_data, request=request
        )
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
        return redirect("signaal", pk=pk)
    messages.success(request, _("Het signaal is toegepast."))
    return redirect(signaal.resultaat_url or "binnengekomen")


@require_POST
@login_required
@permission_required("koppelingen.change_signaal", raise_exception=True)
def signaal_afwijzen(request, pk):
    signaal = _signaal(request, pk)
    form = AfwijzenForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(
                _("Schrijf op waarom u dit signaal afwijst (of naar welke gemeente het gaat).")
            )
        services.signaal_afwijzen(
            actor=request.user, signaal_id=signaal.pk, reden=form.cleaned_data["reden"], request=request
        )
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
        return redirect("signaal", pk=pk)
    messages.success(request, _("Het signaal is afgewezen."))
    return redirect("binnengekomen")


@login_required
@permission_required("koppelingen.view_koppelingrun", raise_exception=True)
def koppelingen(request):
    """Beheer: per source whether it is configured, last run, counts and errors; upload and fetch."""
    organisatie_id = request.user.organisatie_id
    bronnen = selectors.bron_overzicht(organisatie_id)
    status = {c.bron: c for c in checks.alle()}
    for regel in bronnen:
        regel["check"] = status.get(regel["bron"])
    return render(
        request,
        "koppelingen/koppelingen.html",
        {
            "bronnen": bronnen,
            "upload": UploadForm(),
            "uitberichten": selectors.uitberichten_met_fout(organisatie_id)[:20],
            "schema": sorted(
                (naam, taak["task"], str(taak["schedule"]))
                for naam, taak in settings.CELERY_BEAT_SCHEDULE.items()
                if taak["task"].startswith("koppelingen.")
            ),
        },
    )


@require_POST
@login_required
@permission_required("koppelingen.add_koppelingrun", raise_exception=True)
def upload(request):
    form = UploadForm(request.POST, request.FILES)
    if not form.is_valid() or request.user.organisatie is None:
        messages.error(request, _("Kies de soort en een bestand om te uploaden."))
        return redirect("koppelingen")
    organisatie, inhoud = request.user.organisatie, form.cleaned_data["bestand"].read()
    soort = form.cleaned_data["soort"]
    if soort == "duo_verzuim":
        run = duo_service.document_verwerken(organisatie=organisatie, inhoud=inhoud, via="upload")
    elif soort == "inlichtingenbureau":
        run = ib_service.document_verwerken(organisatie=organisatie, inhoud=inhoud, via="upload")
    else:
        run = levering.document_verwerken(
            organisatie=organisatie, inhoud=inhoud, soort=soort.removeprefix("duo_"), via="upload"
        )
    if run.fout and not run.nieuw:
        messages.error(request, run.fout)
    else:
        messages.success(
            request,
            _("%(ontvangen)s regels gelezen, %(nieuw)s nieuwe signalen in Binnengekomen.")
            % {"ontvangen": run.ontvangen, "nieuw": run.nieuw},
        )
    return redirect("koppelingen")


@require_POST
@login_required
@permission_required("koppelingen.add_koppelingrun", raise_exception=True)
def nu_ophalen(request, bron):
    check = {c.bron: c for c in checks.alle()}.get(bron)
    if check is None or not check.geconfigureerd or check.ophalen is None:
        messages.error(request, _("Deze koppeling is niet ingesteld; ophalen kan niet."))
        return redirect("koppelingen")
    check.ophalen.delay()
    messages.success(request, _("Ophalen is gestart; ververs de pagina over een ogenblik."))
    return redirect("koppelingen")
