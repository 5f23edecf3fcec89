from django.urls import include, path

from cases import scholen, views
from cases.imports import views as import_views
from cases.ouders import views as ouder_views
from cases.privacy import inzage
from cases.verhuizing import views as overdracht_views

from .letters import views as letter_views

urlpatterns = [
    path("", views.start, name="start"),
    path("dagelijks-overzicht/", views.dagelijks_overzicht, name="dagelijks_overzicht"),
    path("jongeren/", views.jongeren, name="jongeren"),
    path("dossiers/<int:pk>/", views.dossier, name="dossier"),
    path("dossiers/<int:pk>/acties/", views.actie_toevoegen, name="actie_toevoegen"),
    path("dossiers/<int:pk>/ouders/nieuw/", ouder_views.ouder_nieuw, name="ouder_nieuw"),
    path("ouders/<int:pk>/", ouder_views.ouder_bewerken, name="ouder_bewerken"),
    path("ouders/<int:pk>/verwijderen/", ouder_views.ouder_verwijderen_view, name="ouder_verwijderen"),
    path("dossiers/<int:pk>/verhuisd-naar/", overdracht_views.overdragen, name="dossier_overdragen"),
    path("dossiers/<int:pk>/verhuisd-uit/", overdracht_views.overnemen, name="dossier_overnemen"),
    path("documenten/<int:pk>/", views.document_download, name="document_download"),
    path("imports/", import_views.imports, name="imports"),
    path("imports/<int:pk>/", import_views.import_detail, name="import_detail"),
    path("imports/<int:pk>/bevestigen/", import_views.import_confirm, name="import_confirm"),
    path("imports/<int:pk>/mislukt/", import_views.import_mislukt, name="import_mislukt"),
    path("imports/<int:pk>/opnieuw/", import_views.import_opnieuw, name="import_opnieuw"),
    path("inzageverzoek/", inzage.inzageverzoek, name="inzageverzoek"),
    path("scholen/zoeken/", scholen.school_zoeken, name="school_zoeken"),
    path("gezondheid/", views.gezondheid, name="gezondheid"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("sjablonen/", letter_views.sjablonen, name="sjablonen"),
    path("sjablonen/<int:pk>/", letter_views.sjabloon, name="sjabloon"),
    path("instellingen/", include("cases.beheer.urls")),
    path("brieven/<int:pk>/", letter_views.brief, name="brief"),
    path("brieven/<int:pk>/status/", letter_views.brief_status, name="brief_status"),
]
