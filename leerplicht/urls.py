from django.urls import path
from django.utils.translation import gettext_lazy as _

from cases.views import module_in_ontwikkeling

urlpatterns = [
    path("meldingen/", module_in_ontwikkeling, {"titel": _("Meldingen")}, name="meldingen"),
]
