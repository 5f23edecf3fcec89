from django.urls import path

from . import views

urlpatterns = [
    path("", views.index, name="beheer_index"),
    path("termijnen/", views.termijnen, name="beheer_termijnen"),
    path("termijnen/<slug:bron>/<str:sleutel>/", views.termijn, name="beheer_termijn"),
    path("populatie/", views.populatie, name="beheer_populatie"),
    path("populatie/nieuw/", views.populatie_bewerken, name="beheer_populatie_nieuw"),
    path("populatie/<int:pk>/", views.populatie_bewerken, name="beheer_populatie_bewerken"),
    path("codelijsten/", views.codes, name="beheer_codes"),
    path("codelijsten/nieuw/", views.code_bewerken, name="beheer_code_nieuw"),
    path("codelijsten/<int:pk>/", views.code_bewerken, name="beheer_code_bewerken"),
    path("schoolvakanties/", views.vakanties, name="beheer_vakanties"),
    path("schoolvakanties/nieuw/", views.vakantie_bewerken, name="beheer_vakantie_nieuw"),
    path("schoolvakanties/<int:pk>/", views.vakantie_bewerken, name="beheer_vakantie_bewerken"),
]
