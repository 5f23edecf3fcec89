from django.urls import path

from . import team, teksten_views, toewijzen, views

urlpatterns = [
    path("rapportages/", views.rapportages, name="rapportages"),
    path("teamoverzicht/", team.teamoverzicht, name="teamoverzicht"),
    path("teamoverzicht/overdragen/", toewijzen.overdragen, name="werk_overdragen"),
    path("rapportages/nieuw/", views.rapportage_start, name="rapportage_start"),
    path("rapportages/leerplichttelling/", views.leerplichttelling, name="leerplichttelling"),
    path("rapportages/teksten/", teksten_views.jaarverslag_teksten, name="jaarverslag_teksten"),
    path("rapportages/<int:pk>/status/", views.rapportage_status, name="rapportage_status"),
    path("rapportages/<int:pk>/opnieuw/", views.rapportage_opnieuw, name="rapportage_opnieuw"),
    path(
        "rapportages/<int:pk>/bestand/<str:formaat>/",
        views.rapportage_download,
        name="rapportage_download",
    ),
]
