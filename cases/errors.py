"""Error pages that say what happened in Dutch and never echo the request (no personal data)."""

from django.http import HttpResponseNotFound, HttpResponseServerError, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.utils.translation import gettext

API_PREFIX = "/api/"


def not_found(request, exception=None):
    if request.path.startswith(API_PREFIX):
        # An address the API does not know: its own error format, in Dutch (not an HTML page).
        from cases.api.errors import NOT_FOUND

        return JsonResponse({"detail": str(NOT_FOUND)}, status=404)
    return HttpResponseNotFound(render(request, "404.html").content)


def server_error(request):
    if request.path.startswith(API_PREFIX):
        return JsonResponse(
            {"detail": gettext("Er ging op de server iets mis. Probeer het later opnieuw.")},
            status=500,
        )
    # No request context: a broken database must not break the error page too.
    return HttpResponseServerError(loader.get_template("500.html").render())
