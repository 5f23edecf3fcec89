from django.urls import path

from . import views
from .brp import views as brp_views

urlpatterns = [
    path("binnengekomen/", views.binnengekomen, name="binnengekomen"),
    path("binnengekomen/<int:pk>/", views.signaal_detail, name="signaal"),
    path("binnengekomen/<int:pk>/accepteren/", views.signaal_accepteren, name="signaal_accepteren"),
    path("binnengekomen/<int:pk>/afwijzen/", views.signaal_afwijzen, name="signaal_afwijzen"),
    path("dossiers/<int:pk>/brp/", brp_views.brp_bijwerken, name="brp_bijwerken"),
    path(
        "dossiers/<int:pk>/brp/geheimhouding/",
        brp_views.geheimhouding_bevestigen,
        name="brp_geheimhouding_bevestigen",
    ),
    path("koppelingen/", views.koppelingen, name="koppelingen"),
    path("koppelingen/upload/", views.upload, name="koppelingen_upload"),
    path("koppelingen/<str:bron>/ophalen/", views.nu_ophalen, name="koppelingen_ophalen"),
]
