"""The REST API under /api/v1/: the apps' viewsets on one router, plus the OpenAPI schema."""

from csp.constants import UNSAFE_INLINE
from csp.decorators import csp_update
from django.contrib.auth.decorators import login_required
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView
from rest_framework.routers import DefaultRouter

from cases.api.acties import ActieViewSet
from cases.api.codelijsten import CodeItemViewSet
from cases.api.dossiers import DossierViewSet
from cases.api.imports import ImportViewSet
from cases.api.jongeren import JongereViewSet
from cases.api.ouders import OuderViewSet
from cases.api.populatie import PopulatieViewSet
from cases.api.scholen import SchoolViewSet
from cases.api.tokens import TokenViewSet
from doorstroom.api import TrajectViewSet
from leerplicht.api import MeldingViewSet, VrijstellingViewSet
from reporting.api import ReportRunViewSet

# The ReDoc page (no personal data; the schema it reads needs a token or a verified session, and
# the page itself a login) loads
# ReDoc from its CDN and runs one inline script with inline styles: the only page whose
# Content-Security-Policy is widened (docs/security.md, V13).
redoc = login_required(
    csp_update(
        {
            "script-src": ["https://cdn.jsdelivr.net", UNSAFE_INLINE],
            "style-src": ["https://fonts.googleapis.com", UNSAFE_INLINE],
            "font-src": ["https://fonts.gstatic.com"],
            "worker-src": ["blob:"],
        }
    )(SpectacularRedocView.as_view(url_name="api-schema"))
)

router = DefaultRouter()
router.include_root_view = False
router.register("jongeren", JongereViewSet, basename="jongere")
router.register("ouders", OuderViewSet, basename="ouder")
router.register("dossiers", DossierViewSet, basename="dossier")
router.register("acties", ActieViewSet, basename="actie")
router.register("meldingen", MeldingViewSet, basename="melding")
router.register("vrijstellingen", VrijstellingViewSet, basename="vrijstelling")
router.register("trajecten", TrajectViewSet, basename="traject")
router.register("codelijsten", CodeItemViewSet, basename="codeitem")
router.register("scholen", SchoolViewSet, basename="school")
router.register("populatie", PopulatieViewSet, basename="populatie")
router.register("tokens", TokenViewSet, basename="token")
router.register("imports", ImportViewSet, basename="import")
router.register("rapportages", ReportRunViewSet, basename="reportrun")

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("docs/", redoc, name="api-docs"),
    path("", include("cases.api.urls")),
    *router.urls,
]
