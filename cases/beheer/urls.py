from django.urls import path

from . import gebruikers, huisstijl, scholen, views

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
    path("briefhoofd/", huisstijl.huisstijl, name="beheer_huisstijl"),
    path("scholen/", scholen.scholen, name="beheer_scholen"),
    path("scholen/<int:pk>/", scholen.school, name="beheer_school"),
    path("gebruikers/", gebruikers.gebruikers, name="beheer_gebruikers"),
    path("gebruikers/nieuw/", gebruikers.gebruiker_nieuw, name="beheer_gebruiker_nieuw"),
    path("gebruikers/<int:pk>/", gebruikers.gebruiker, name="beheer_gebruiker"),
    path("gebruikers/aanvragen/<int:pk>/", gebruikers.aanvraag_beoordelen, name="beheer_aanvraag"),
]
