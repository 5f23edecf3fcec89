from django.urls import path

from . import views

urlpatterns = [
    path("mijn-tokens/", views.api_tokens, name="api-tokens"),
]
