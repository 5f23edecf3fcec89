from django.urls import path

from . import import_views, inzage, views
from .letters import views as letter_views

urlpatterns = [
    path("", views.start, name="start"),
    path("dagelijks-overzicht/", views.dagelijks_overzicht, name="dagelijks_overzicht"),
    path("jongeren/", views.jongeren, name="jongeren"),
    path("dossiers/<int:pk>/", views.dossier, name="dossier"),
    path("dossiers/<int:pk>/acties/", views.actie_toevoegen, name="actie_toevoegen"),
    path("documenten/<int:pk>/", views.document_download, name="document_download"),
    path("imports/", import_views.imports, name="imports"),
    path("imports/<int:pk>/", import_views.import_detail, name="import_detail"),
    path("imports/<int:pk>/bevestigen/", import_views.import_confirm, name="import_confirm"),
    path("inzageverzoek/", inzage.inzageverzoek, name="inzageverzoek"),
    path("gezondheid/", views.gezondheid, name="gezondheid"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("sjablonen/", letter_views.sjablonen, name="sjablonen"),
    path("sjablonen/<int:pk>/", letter_views.sjabloon, name="sjabloon"),
    path("brieven/<int:pk>/", letter_views.brief, name="brief"),
    path("brieven/<int:pk>/status/", letter_views.brief_status, name="brief_status"),
]
