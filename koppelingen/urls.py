from django.urls import path

from . import views

urlpatterns = [
    path("binnengekomen/", views.binnengekomen, name="binnengekomen"),
    path("binnengekomen/<int:pk>/", views.signaal_detail, name="signaal"),
    path("binnengekomen/<int:pk>/accepteren/", views.signaal_accepteren, name="signaal_accepteren"),
    path("binnengekomen/<int:pk>/afwijzen/", views.signaal_afwijzen, name="signaal_afwijzen"),
    path("koppelingen/", views.koppelingen, name="koppelingen"),
    path("koppelingen/duo/upload/", views.duo_upload, name="koppelingen_duo_upload"),
    path("koppelingen/<str:bron>/ophalen/", views.nu_ophalen, name="koppelingen_ophalen"),
]
