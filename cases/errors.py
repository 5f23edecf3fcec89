"""Error pages that say what happened in Dutch and never echo the request (no personal data)."""

from django.http import HttpResponseNotFound, HttpResponseServerError
from django.shortcuts import render
from django.template import loader


def not_found(request, exception=None):
    return HttpResponseNotFound(render(request, "404.html").content)


def server_error(request):
    # No request context: a broken database must not break the error page too.
    return HttpResponseServerError(loader.get_template("500.html").render())
