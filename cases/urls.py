from django.urls import path

from . import views

urlpatterns = [
    path("", views.start, name="start"),
    path("jongeren/", views.jongeren, name="jongeren"),
    path("dossiers/<int:pk>/", views.dossier, name="dossier"),
    path("dossiers/<int:pk>/acties/", views.actie_toevoegen, name="actie_toevoegen"),
    path("documenten/<int:pk>/", views.document_download, name="document_download"),
    path("gezondheid/", views.gezondheid, name="gezondheid"),
]
