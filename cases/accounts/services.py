"""Writes of account beheer (issue 15, point 6): a beheerder must not be able to become a case
worker or someone else without a second person or the affected user knowing.

- A role that opens personal data is not given directly: it becomes a pending grant that another
  beheerder of the organisation (or technical beheer) approves: four eyes.
- Nobody but technical beheer changes their own roles (the admin shows them read-only).
- A password reset or a removed second-factor device by someone else is written to the
  processing log and told to the user: by e-mail (when the account has an address) and as a
  notice at their next login.
"""

import logging

from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cases.accounts.models import AccountMelding, RolToekenning
from cases.constants import AuditAction, Verwerkingsactiviteit
from cases.models import AuditEntry, User
from cases.privacy.audit import current_trace_id

logger = logging.getLogger(__name__)

#: A role holding any of these reads personal data of jongeren (dossiers, meldingen, trajecten,
#: or all of one jongere through the inzageverzoek). Granting it needs a second person.
PERSONAL_DATA_PERMISSIONS = {
    ("cases", "view_jongere"),
    ("cases", "view_dossier"),
    ("cases", "inzageverzoek_jongere"),
    ("leerplicht", "view_melding"),
    ("leerplicht", "view_vrijstelling"),
    ("doorstroom", "view_traject"),
}


def opens_personal_data(group: Group) -> bool:
    held = set(group.permissions.values_list("content_type__app_label", "codename"))
    return bool(held & PERSONAL_DATA_PERMISSIONS)


def above_the_organisations(user) -> bool:
    """Technical beheer (superuser): belongs to no organisation, may act alone."""
    return user.is_active and user.is_superuser


def _log(*, actor, target: User, action: AuditAction, obj, request=None) -> None:
    """A processing-log entry about an account, in the target's organisation (where its
    beheerders search the log), also when technical beheer acted."""
    AuditEntry.objects.create(
        gebruiker_id=actor.pk,
        gebruikersnaam=actor.get_username(),
        organisatie_id=target.organisatie_id,
        actie=action,
        doel=Verwerkingsactiviteit.BEHEER,
        object_type=obj._meta.label_lower,
        object_id=obj.pk,
        trace_id=current_trace_id(request),
    )


def notify(*, user: User, onderwerp: str, tekst: str) -> AccountMelding:
    """Tell `user` about a change to their account: a notice at the next login, and an e-mail
    when the account has an address (sent after the transaction commits)."""
    melding = AccountMelding.objects.create(gebruiker=user, tekst=tekst)
    if user.email:
        transaction.on_commit(lambda: _send(user, onderwerp, tekst))
    return melding


def _send(user, onderwerp, tekst) -> None:
    try:
        send_mail(onderwerp, tekst, None, [user.email])
    except OSError:
        # The notice at the next login still tells the user; the log names no address.
        logger.warning("Account notice e-mail to user %s failed", user.pk)


def _when() -> str:
    return timezone.localtime().strftime("%d-%m-%Y %H:%M")


def _tekst(actor, wat: str) -> str:
    return _(
        "%(wat)s Dit is gedaan op %(wanneer)s door %(door)s. Was dit niet de bedoeling, neem dan "
        "direct contact op met de functioneel beheerder of de privacyfunctionaris van uw organisatie."
    ) % {"wat": wat, "wanneer": _when(), "door": actor.get_username()}


# --- Roles --------------------------------------------------------------------------------------


@transaction.atomic
def roles_changed(*, actor: User, user: User, before: set[int], request=None) -> list[RolToekenning]:
    """After the admin saved `user`'s roles (`before`: the group ids before the save): roles that
    open personal data and were added by an organisation's beheerder are taken off again and
    become pending grants. Removing a role, and roles without personal data, take effect at once.
    Returns the pending grants made."""
    after = set(user.groups.values_list("pk", flat=True))
    added = Group.objects.filter(pk__in=after - before)
    if user.pk == actor.pk and not above_the_organisations(actor) and after != before:
        # The form shows the own roles read-only; this is the backstop.
        user.groups.set(before)
        raise PermissionDenied(_("U kunt uw eigen rollen niet wijzigen."))
    pending = []
    for group in added:
        if above_the_organisations(actor) or not opens_personal_data(group):
            _log(actor=actor, target=user, action=AuditAction.WIJZIGEN, obj=user, request=request)
            continue
        user.groups.remove(group)
        toekenning, _created = RolToekenning.objects.get_or_create(
            gebruiker=user,
            rol=group,
            status=RolToekenning.Status.IN_AFWACHTING,
            defaults={"organisatie_id": user.organisatie_id, "aangevraagd_door": actor},
        )
        _log(actor=actor, target=user, action=AuditAction.AANMAKEN, obj=toekenning, request=request)
        pending.append(toekenning)
    if before - after:
        _log(actor=actor, target=user, action=AuditAction.WIJZIGEN, obj=user, request=request)
    return pending


def may_review(actor: User, toekenning: RolToekenning) -> bool:
    """The second pair of eyes: not the one who asked, not the one who gets the role."""
    if actor.pk in (toekenning.aangevraagd_door_id, toekenning.gebruiker_id):
        return False
    if above_the_organisations(actor):
        return True
    return actor.organisatie_id == toekenning.organisatie_id and actor.has_perm("cases.change_roltoekenning")


@transaction.atomic
def role_grant_review(*, actor: User, toekenning_id: int, approve: bool, request=None) -> RolToekenning:
    toekenning = (
        RolToekenning.objects.select_for_update().select_related("gebruiker", "rol").get(pk=toekenning_id)
    )
    if toekenning.status != RolToekenning.Status.IN_AFWACHTING:
        raise ValidationError(_("Deze aanvraag is al beoordeeld."))
    if not may_review(actor, toekenning):
        raise PermissionDenied(
            _("Een tweede beheerder beoordeelt deze aanvraag: niet wie hem deed en niet wie de rol krijgt.")
        )
    toekenning.status = RolToekenning.Status.GOEDGEKEURD if approve else RolToekenning.Status.AFGEWEZEN
    toekenning.beoordeeld_door = actor
    toekenning.beoordeeld_op = timezone.now()
    toekenning.save(update_fields=["status", "beoordeeld_door", "beoordeeld_op"])
    user = toekenning.gebruiker
    if approve:
        user.groups.add(toekenning.rol)
        notify(
            user=user,
            onderwerp=_("U hebt een nieuwe rol"),
            tekst=_tekst(actor, _("U hebt de rol %(rol)s gekregen.") % {"rol": toekenning.rol.name}),
        )
    _log(actor=actor, target=user, action=AuditAction.WIJZIGEN, obj=toekenning, request=request)
    return toekenning


# --- Password and second factor -------------------------------------------------------------


@transaction.atomic
def password_reset_by_beheer(*, actor: User, user: User, request=None) -> None:
    """Someone else set `user`'s password: logged and told to the user."""
    _log(actor=actor, target=user, action=AuditAction.WIJZIGEN, obj=user, request=request)
    notify(
        user=user,
        onderwerp=_("Uw wachtwoord is opnieuw ingesteld"),
        tekst=_tekst(
            actor,
            _("Het wachtwoord van uw account %(account)s is opnieuw ingesteld.")
            % {"account": user.get_username()},
        ),
    )


@transaction.atomic
def device_removed_by_beheer(*, actor: User, device, request=None) -> None:
    """Someone else removed `device` (an authenticator app or backup codes) of its user: logged
    and told to the user, who enrols again at the next login."""
    user = device.user
    _log(actor=actor, target=user, action=AuditAction.VERWIJDEREN, obj=device, request=request)
    if user.pk == actor.pk:
        return
    notify(
        user=user,
        onderwerp=_("Uw tweestapsverificatie is verwijderd"),
        tekst=_tekst(
            actor,
            _("De tweestapsverificatie (%(naam)s) van uw account %(account)s is verwijderd; bij de "
              "volgende keer inloggen stelt u die opnieuw in.") % {"naam": device.name, "account": user.get_username()},
        ),
    )  # fmt: skip


def unseen_notices(user: User) -> list[AccountMelding]:
    """The notices not yet shown, marked shown now (at login)."""
    notices = list(AccountMelding.objects.filter(gebruiker=user, getoond_op__isnull=True))
    if notices:
        AccountMelding.objects.filter(pk__in=[n.pk for n in notices]).update(getoond_op=timezone.now())
    return notices


# --- The beheer pages "Gebruikers en rollen" (issue 19 item 7) ----------------------------------
# The same rules as the admin above: roles through `roles_changed` (four eyes), password and
# second factor through the notices above. A beheerder manages the accounts of their own
# organisation only, and never their own rights (that is the other beheerder's job).


def _manageable(actor: User, user: User) -> None:
    if user.pk == actor.pk and not above_the_organisations(actor):
        raise PermissionDenied(_("Uw eigen account beheert een andere beheerder van uw organisatie."))
    if not above_the_organisations(actor) and user.organisatie_id != actor.organisatie_id:
        raise PermissionDenied(_("Dit account hoort niet bij uw organisatie."))


@transaction.atomic
def user_create(
    *, actor: User, username: str, first_name: str, last_name: str, email: str, password: str,
    rollen: list[Group], request=None,
) -> tuple[User, list[RolToekenning]]:  # fmt: skip
    """A new account in the actor's organisation. Roles that open personal data become pending
    grants (four eyes); the others take effect at once."""
    if User.objects.filter(username__iexact=username).exists():
        raise ValidationError({"username": _("Deze gebruikersnaam bestaat al; kies een andere.")})
    user = User(
        username=username,
        first_name=first_name,
        last_name=last_name,
        email=email,
        organisatie_id=actor.organisatie_id,
    )
    user.set_password(password)
    user.save()
    _log(actor=actor, target=user, action=AuditAction.AANMAKEN, obj=user, request=request)
    user.groups.set(rollen)
    return user, roles_changed(actor=actor, user=user, before=set(), request=request)


@transaction.atomic
def user_roles_set(*, actor: User, user: User, rollen: list[Group], request=None) -> list[RolToekenning]:
    """Set `user`'s roles to `rollen`; added roles that open personal data become pending grants."""
    _manageable(actor, user)
    before = set(user.groups.values_list("pk", flat=True))
    user.groups.set(rollen)
    return roles_changed(actor=actor, user=user, before=before, request=request)


@transaction.atomic
def user_active_set(*, actor: User, user: User, actief: bool, request=None) -> None:
    """Deactivate (or activate again) an account: a deactivated user cannot log in; their name
    stays on the work they did."""
    _manageable(actor, user)
    if user.is_active == actief:
        return
    user.is_active = actief
    user.save(update_fields=["is_active"])
    _log(actor=actor, target=user, action=AuditAction.WIJZIGEN, obj=user, request=request)


@transaction.atomic
def user_password_set(*, actor: User, user: User, password: str, request=None) -> None:
    _manageable(actor, user)
    user.set_password(password)
    user.save(update_fields=["password"])
    password_reset_by_beheer(actor=actor, user=user, request=request)


@transaction.atomic
def user_second_factor_reset(*, actor: User, user: User, request=None) -> int:
    """Remove all of `user`'s second-factor devices (a lost phone): they enrol again at the next
    login. Returns how many were removed."""
    from django_otp import devices_for_user

    _manageable(actor, user)
    devices = list(devices_for_user(user, confirmed=None))
    for device in devices:
        device_removed_by_beheer(actor=actor, device=device, request=request)
        device.delete()
    return len(devices)
