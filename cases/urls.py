from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import views

urlpatterns = [
    path("", views.werkvoorraad, name="werkvoorraad"),
    path("jongeren/", views.jongeren, name="jongeren"),
    path("dossiers/<int:pk>/", views.dossier, name="dossier"),
    path("dossiers/<int:pk>/acties/", views.actie_toevoegen, name="actie_toevoegen"),
    path("meldingen/", views.module_in_ontwikkeling, {"titel": _("Meldingen")}, name="meldingen"),
    path("trajecten/", views.module_in_ontwikkeling, {"titel": _("Trajecten")}, name="trajecten"),
    path("rapportages/", views.module_in_ontwikkeling, {"titel": _("Rapportages")}, name="rapportages"),
    path("gezondheid/", views.gezondheid, name="gezondheid"),
]
