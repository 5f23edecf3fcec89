"""The browser page where a user manages their own API tokens."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from .tokens import TOKEN_PERMISSION, token_create, token_revoke, tokens_of


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def api_tokens(request):
    """List own tokens; create one (its value is shown once, on this response only; only roles
    with `cases.add_apitoken`, docs/rollen.md); revoke."""
    nieuw_token = None
    mag_aanmaken = request.user.has_perm(TOKEN_PERMISSION)
    if request.method == "POST":
        if request.POST.get("actie") == "aanmaken":
            if not mag_aanmaken:
                raise PermissionDenied(
                    _("Uw rol mag geen API-tokens aanmaken (zie de rollen in de handleiding).")
                )
            _instance, nieuw_token = token_create(request.user)
            messages.success(
                request, _("Het token is aangemaakt. Kopieer het nu: het wordt niet meer getoond.")
            )
        elif request.POST.get("actie") == "intrekken":
            if token_revoke(request.user, request.POST.get("token", "")):
                messages.success(request, _("Het token is ingetrokken en werkt niet meer."))
            else:
                messages.error(request, _("Dit token bestaat niet (meer)."))
            return redirect("api-tokens")
    return render(
        request,
        "cases/api_tokens.html",
        {"tokens": tokens_of(request.user), "nieuw_token": nieuw_token, "mag_aanmaken": mag_aanmaken},
    )
