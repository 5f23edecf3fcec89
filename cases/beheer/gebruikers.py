"""The beheer pages "Gebruikers en rollen" (issue 19 item 7): the accounts of the beheerder's own
organisation with their roles and status; create, change roles (four eyes for roles that open
personal data), deactivate, reset a password or the second factor. Thin views: the rules live
in cases/accounts/services.py, shared with the Django admin. An account of another organisation
is not found (404); a user without the permission gets 403."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cases.accounts import services as account_services
from cases.accounts.models import RolToekenning
from cases.forms import apply_errors
from cases.models import User

from .gebruikers_forms import NieuweGebruikerForm, RollenForm, WachtwoordForm


def _users(request):
    if not request.user.organisatie_id:
        raise PermissionDenied
    return User.objects.filter(organisatie_id=request.user.organisatie_id)


def _pending(request):
    return RolToekenning.objects.filter(
        organisatie_id=request.user.organisatie_id, status=RolToekenning.Status.IN_AFWACHTING
    ).select_related("gebruiker", "rol", "aangevraagd_door")


def _say_pending(request, pending) -> None:
    for toekenning in pending:
        messages.warning(
            request,
            _(
                "De rol %(rol)s geeft toegang tot persoonsgegevens en wacht op goedkeuring door een "
                "tweede beheerder (onder 'Wacht op goedkeuring' op de pagina Gebruikers en rollen)."
            )
            % {"rol": toekenning.rol.name},
        )


@login_required
@permission_required("cases.view_user", raise_exception=True)
def gebruikers(request):
    users = (
        _users(request)
        .order_by("-is_active", "last_name", "first_name", "username")
        .prefetch_related(Prefetch("groups"))
    )
    aanvragen = [
        {"toekenning": t, "mag": account_services.may_review(request.user, t)} for t in _pending(request)
    ]
    return render(request, "cases/beheer/gebruikers.html", {"gebruikers": users, "aanvragen": aanvragen})


@login_required
@permission_required("cases.add_user", raise_exception=True)
def gebruiker_nieuw(request):
    _users(request)
    form = NieuweGebruikerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            user, pending = account_services.user_create(
                actor=request.user,
                username=data["username"],
                first_name=data["first_name"],
                last_name=data["last_name"],
                email=data["email"],
                password=data["wachtwoord"],
                rollen=list(data["rollen"]),
                request=request,
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("Het account %(naam)s is aangemaakt.") % {"naam": user.username})
            _say_pending(request, pending)
            return redirect("beheer_gebruiker", pk=user.pk)
    status = 400 if form.errors else 200
    return render(request, "cases/beheer/gebruiker_nieuw.html", {"form": form}, status=status)


@login_required
@permission_required("cases.view_user", raise_exception=True)
def gebruiker(request, pk: int):
    target = get_object_or_404(_users(request), pk=pk)
    actor = request.user
    eigen = target.pk == actor.pk
    rollen_form = RollenForm(initial={"rollen": list(target.groups.all())}, prefix="rollen")
    wachtwoord_form = WachtwoordForm(user=target, prefix="wachtwoord")
    status = 200
    if request.method == "POST":
        if eigen or not actor.has_perm("cases.change_user"):
            raise PermissionDenied
        actie = request.POST.get("actie")
        try:
            if actie == "rollen":
                rollen_form = RollenForm(request.POST, prefix="rollen")
                if rollen_form.is_valid():
                    pending = account_services.user_roles_set(
                        actor=actor,
                        user=target,
                        rollen=list(rollen_form.cleaned_data["rollen"]),
                        request=request,
                    )
                    messages.success(request, _("De rollen zijn opgeslagen."))
                    _say_pending(request, pending)
                    return redirect("beheer_gebruiker", pk=target.pk)
            elif actie == "wachtwoord":
                wachtwoord_form = WachtwoordForm(request.POST, user=target, prefix="wachtwoord")
                if wachtwoord_form.is_valid():
                    account_services.user_password_set(
                        actor=actor,
                        user=target,
                        password=wachtwoord_form.cleaned_data["wachtwoord"],
                        request=request,
                    )
                    messages.success(
                        request, _("Het wachtwoord is ingesteld; de gebruiker krijgt hiervan bericht.")
                    )
                    return redirect("beheer_gebruiker", pk=target.pk)
            elif actie == "tweede_factor":
                if not actor.has_perm("otp_totp.delete_totpdevice"):
                    raise PermissionDenied
                aantal = account_services.user_second_factor_reset(actor=actor, user=target, request=request)
                if aantal:
                    messages.success(
                        request,
                        _(
                            "De tweestapsverificatie is verwijderd; bij de volgende keer inloggen stelt de gebruiker die opnieuw in."
                        ),
                    )
                else:
                    messages.info(request, _("Dit account had geen tweestapsverificatie ingesteld."))
                return redirect("beheer_gebruiker", pk=target.pk)
            elif actie in ("deactiveren", "activeren"):
                account_services.user_active_set(
                    actor=actor, user=target, actief=actie == "activeren", request=request
                )
                if actie == "activeren":
                    messages.success(request, _("Het account is weer actief."))
                else:
                    messages.success(
                        request, _("Het account is gedeactiveerd; de gebruiker kan niet meer inloggen.")
                    )
                return redirect("beheer_gebruiker", pk=target.pk)
            else:
                raise Http404
        except ValidationError as exc:
            apply_errors(rollen_form if actie == "rollen" else wachtwoord_form, exc)
        status = 400
    context = {
        "doel": target,
        "eigen": eigen,
        "rollen_form": rollen_form,
        "wachtwoord_form": wachtwoord_form,
        "aanvragen": _pending(request).filter(gebruiker=target),
    }
    return render(request, "cases/beheer/gebruiker.html", context, status=status)


@login_required
@require_POST
@permission_required("cases.change_roltoekenning", raise_exception=True)
def aanvraag_beoordelen(request, pk: int):
    toekenning = get_object_or_404(_pending(request), pk=pk)
    approve = request.POST.get("besluit") == "goedkeuren"
    try:
        account_services.role_grant_review(
            actor=request.user, toekenning_id=toekenning.pk, approve=approve, request=request
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        if approve:
            messages.success(
                request,
                _("%(gebruiker)s heeft nu de rol %(rol)s.")
                % {"gebruiker": toekenning.gebruiker.username, "rol": toekenning.rol.name},
            )
        else:
            messages.success(request, _("De aanvraag is afgewezen; de gebruiker krijgt de rol niet."))
    return redirect("beheer_gebruikers")
