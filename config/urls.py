from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

admin.site.site_header = _("Leerplicht en Doorstroompunt: beheer")
admin.site.site_title = _("Beheer")
admin.site.index_title = _("Functioneel beheer")

from cases.accounts import twofactor  # noqa: E402
from cases.platform import metrics  # noqa: E402

urlpatterns = [
    path(
        "inloggen/",
        auth_views.LoginView.as_view(
            redirect_authenticated_user=True, extra_context={"oidc_enabled": settings.OIDC_ENABLED}
        ),
        name="login",
    ),
    path("inloggen/tweestaps/", twofactor.verify, name="otp_verify"),
    path("inloggen/tweestaps/instellen/", twofactor.enrol, name="otp_enrol"),
    path("uitloggen/", auth_views.LogoutView.as_view(), name="logout"),
    path("beheer/", admin.site.urls),
    path("api/v1/", include("config.api_urls")),
    path("metrics", metrics.metrics, name="metrics"),
    path("", include("cases.urls")),
    path("", include("leerplicht.urls")),
    path("", include("doorstroom.urls")),
    path("", include("reporting.urls")),
    path("", include("koppelingen.urls")),
]

if settings.OIDC_ENABLED:
    urlpatterns.insert(0, path("oidc/", include("mozilla_django_oidc.urls")))

handler404 = "cases.errors.not_found"
handler500 = "cases.errors.server_error"
