from django.urls import path

from . import views

urlpatterns = [
    path("", views.werkvoorraad, name="werkvoorraad"),
    path("jongeren/", views.jongeren, name="jongeren"),
    path("dossiers/<int:pk>/", views.dossier, name="dossier"),
    path("dossiers/<int:pk>/acties/", views.actie_toevoegen, name="actie_toevoegen"),
    path("gezondheid/", views.gezondheid, name="gezondheid"),
]
