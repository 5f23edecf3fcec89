from django.urls import path

from cases.letters import views as letter_views

from . import aanvragen_views, views, vrijstelling_views

urlpatterns = [
    path("werkvoorraad/", views.werkvoorraad, name="werkvoorraad"),
    path("meldingen/", views.meldingen, name="meldingen"),
    path("aanvragen/", aanvragen_views.aanvragen, name="aanvragen"),
    path("meldingen/nieuw/", views.melding_nieuw, name="melding_nieuw"),
    path("meldingen/<int:pk>/", views.melding, name="melding"),
    path("meldingen/<int:pk>/wijzigen/", views.melding_wijzigen, name="melding_wijzigen"),
    path("meldingen/<int:pk>/fase/", views.melding_fase, name="melding_fase"),
    path("meldingen/<int:pk>/route/", views.melding_route, name="melding_route"),
    path("meldingen/<int:pk>/acties/", views.melding_actie, name="melding_actie"),
    path("meldingen/<int:pk>/brief/", letter_views.brief_maken, {"bron": "melding"}, name="melding_brief"),
    path(
        "dossiers/<int:dossier_pk>/vrijstellingen/nieuw/",
        vrijstelling_views.vrijstelling_nieuw,
        name="vrijstelling_nieuw",
    ),
    path("vrijstellingen/<int:pk>/", vrijstelling_views.vrijstelling, name="vrijstelling"),
    path(
        "vrijstellingen/<int:pk>/documenten/",
        vrijstelling_views.vrijstelling_document,
        name="vrijstelling_document",
    ),
    path(
        "vrijstellingen/<int:pk>/besluit/",
        vrijstelling_views.vrijstelling_besluit,
        name="vrijstelling_besluit",
    ),
    path(
        "vrijstellingen/<int:pk>/brief/",
        letter_views.brief_maken,
        {"bron": "vrijstelling"},
        name="vrijstelling_brief",
    ),
]
