from django.urls import path

from cases.letters import views as letter_views

from . import views

urlpatterns = [
    path("trajecten/", views.caseload, name="trajecten"),
    path("trajecten/<int:pk>/", views.traject_detail, name="traject_detail"),
    path("trajecten/<int:pk>/gegevens/", views.traject_gegevens, name="traject_gegevens"),
    path("trajecten/<int:pk>/stap/", views.traject_stap, name="traject_stap"),
    path("trajecten/<int:pk>/volgende-stap/", views.traject_volgende_stap, name="traject_volgende_stap"),
    path("trajecten/<int:pk>/benadering/", views.traject_benadering, name="traject_benadering"),
    path("trajecten/<int:pk>/plan/", views.traject_plan, name="traject_plan"),
    path("trajecten/<int:pk>/afsluiten/", views.traject_afsluiten, name="traject_afsluiten"),
    path("trajecten/<int:pk>/nazorg/", views.traject_nazorg, name="traject_nazorg"),
    path("trajecten/<int:pk>/verzuimmelding/", views.traject_verzuimmelding, name="traject_verzuimmelding"),
    path("trajecten/<int:pk>/verzuimactie/", views.traject_verzuimactie, name="traject_verzuimactie"),
    path("trajecten/<int:pk>/brief/", letter_views.brief_maken, {"bron": "traject"}, name="traject_brief"),
    path("dossiers/<int:pk>/trajecten/", views.traject_starten, name="traject_starten"),
    path("dossiers/<int:pk>/overdracht/", views.traject_overdragen, name="traject_overdragen"),
]
