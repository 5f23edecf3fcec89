"""The dossier's "BRP bijwerken" button and the confirmation of a geheimhouding."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cases.models import Dossier

from . import client, service


def _dossier(request, pk) -> Dossier:
    return get_object_or_404(
        Dossier.objects.visible_to(request.user).select_related("jongere__organisatie"), pk=pk
    )


def _purpose(user):
    from cases.views import purpose_of  # the purpose follows the user's role, as on the dossier page

    return purpose_of(user)


@require_POST
@login_required
@permission_required("cases.change_jongere", raise_exception=True)
def brp_bijwerken(request, pk):
    dossier = _dossier(request, pk)
    try:
        regels = service.bijwerken(
            actor=request.user, jongere=dossier.jongere, purpose=_purpose(request.user), request=request
        )
    except client.BrpFout as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, " ".join([_("Bijgewerkt uit de BRP."), *regels]))
    return redirect("dossier", pk=dossier.pk)


@require_POST
@login_required
@permission_required("cases.change_jongere", raise_exception=True)
def geheimhouding_bevestigen(request, pk):
    dossier = _dossier(request, pk)
    service.geheimhouding_bevestigen(actor=request.user, jongere=dossier.jongere, request=request)
    messages.success(request, _("Bevestigd: brieven naar dit adres kunnen weer worden gemaakt."))
    return redirect("dossier", pk=dossier.pk)
