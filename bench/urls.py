"""The application's URLs plus the load test's baseline: one indexed primary-key query."""

from django.http import HttpResponse
from django.urls import include, path

from cases.models import Organisatie


def primary_key(request):
    organisatie = Organisatie.objects.only("pk").get(pk=request.GET.get("id", 1))
    return HttpResponse(str(organisatie.pk))


urlpatterns = [path("bench/pk/", primary_key), path("", include("config.urls"))]
