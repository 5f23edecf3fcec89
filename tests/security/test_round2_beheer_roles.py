"""Issue 15, point 6: a beheerder cannot become a case worker or someone else unnoticed.

Before the fix a beheerder gave themselves the LPA role (and read dossiers), reset a colleague's
password and deleted a colleague's TOTP device without a trace in the processing log or a word
to the colleague, and a teamleider or beheerder could create an API token although
docs/rollen.md says they may not."""

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice
from knox.models import AuthToken
from rest_framework.test import APIClient

from cases.accounts.models import RolToekenning
from cases.constants import Role
from cases.models import AuditEntry
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
PASSWORD = "geheim-wachtwoord-123"


def group(role) -> Group:
    return Group.objects.get(name=str(role.label))


def beheerder(username, organisatie):
    user = UserFactory(username=username, organisatie=organisatie, role=Role.FUNCTIONEEL_BEHEERDER)
    user.is_staff = True
    user.email = f"{username}@example.org"
    user.save()
    return user


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def user_form(user, groups) -> dict:
    """The user's change form in beheer as submitted, with `groups` as the roles."""
    return {
        "username": user.username,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "email": user.email,
        "is_active": "on",
        "is_staff": "on" if user.is_staff else "",
        "groups": [g.pk for g in groups],
        "gemeenten": [],
        "dagelijks_overzicht": "",
    }


def change_url(user) -> str:
    return reverse("admin:cases_user_change", args=[user.pk])


def test_a_beheerder_cannot_give_themselves_a_role(organisatie_a, jongere_a):
    fb = beheerder("fb-1", organisatie_a)
    client = client_for(fb)
    response = client.post(
        change_url(fb), user_form(fb, [group(Role.FUNCTIONEEL_BEHEERDER), group(Role.LEERPLICHTAMBTENAAR)])
    )
    assert response.status_code in (200, 302, 403)
    fb.refresh_from_db()
    assert not fb.groups.filter(name=str(Role.LEERPLICHTAMBTENAAR.label)).exists()
    assert not RolToekenning.objects.filter(gebruiker=fb).exists()
    # and so still reads no dossier
    assert client.get(reverse("dossier", args=[jongere_a.dossier.pk])).status_code == 403


def test_a_role_with_personal_data_needs_a_second_beheerder(
    organisatie_a, organisatie_b, django_capture_on_commit_callbacks
):
    fb1, fb2 = beheerder("fb-1", organisatie_a), beheerder("fb-2", organisatie_a)
    collega = UserFactory(username="collega", organisatie=organisatie_a, role=Role.TEAMLEIDER)
    collega.email = "collega@example.org"
    collega.save()
    lpa = group(Role.LEERPLICHTAMBTENAAR)
    response = client_for(fb1).post(change_url(collega), user_form(collega, [group(Role.TEAMLEIDER), lpa]))
    assert response.status_code == 302
    assert not collega.groups.filter(pk=lpa.pk).exists()  # not yet
    toekenning = RolToekenning.objects.get(gebruiker=collega, rol=lpa)
    assert toekenning.status == RolToekenning.Status.IN_AFWACHTING
    changelist = reverse("admin:cases_roltoekenning_changelist")
    approve = {"action": "goedkeuren", "_selected_action": [toekenning.pk]}
    # the one who asked cannot approve, nor can a beheerder of another organisation
    client_for(fb1).post(changelist, approve)
    client_for(beheerder("fb-b", organisatie_b)).post(changelist, approve)
    toekenning.refresh_from_db()
    assert toekenning.status == RolToekenning.Status.IN_AFWACHTING
    assert not collega.groups.filter(pk=lpa.pk).exists()
    # the second beheerder of the organisation does (the e-mail goes when that commits)
    with django_capture_on_commit_callbacks(execute=True):
        client_for(fb2).post(changelist, approve)
    toekenning.refresh_from_db()
    assert (toekenning.status, toekenning.beoordeeld_door) == (RolToekenning.Status.GOEDGEKEURD, fb2)
    assert collega.groups.filter(pk=lpa.pk).exists()
    logged = AuditEntry.objects.filter(organisatie_id=organisatie_a.pk, doel="beheer")
    assert {e.gebruikersnaam for e in logged} >= {"fb-1", "fb-2"}
    assert [m.to for m in mail.outbox] == [["collega@example.org"]]


def test_a_role_without_personal_data_is_given_at_once(organisatie_a):
    fb = beheerder("fb-1", organisatie_a)
    collega = UserFactory(username="collega", organisatie=organisatie_a, role=Role.ADMINISTRATIEF_MEDEWERKER)
    tl = group(Role.TEAMLEIDER)
    groups = [group(Role.ADMINISTRATIEF_MEDEWERKER), tl]
    assert client_for(fb).post(change_url(collega), user_form(collega, groups)).status_code == 302
    assert collega.groups.filter(pk=tl.pk).exists()
    assert not RolToekenning.objects.exists()


def test_a_password_reset_is_logged_and_told_to_the_user(
    organisatie_a, lpa_a, django_capture_on_commit_callbacks
):
    fb = beheerder("fb-1", organisatie_a)
    lpa_a.email = "lpa@example.org"
    lpa_a.save()
    url = reverse("admin:auth_user_password_change", args=[lpa_a.pk])
    new = "een-heel-nieuw-wachtwoord-77"
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(fb).post(
            url, {"password1": new, "password2": new, "set_usable_password": "true"}
        )
    assert response.status_code == 302
    lpa_a.refresh_from_db()
    assert lpa_a.check_password(new)
    entry = AuditEntry.objects.get(gebruiker_id=fb.pk, object_type="cases.user", object_id=lpa_a.pk)
    assert (entry.actie, entry.doel, entry.organisatie_id) == ("wijzigen", "beheer", organisatie_a.pk)
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["lpa@example.org"]
    assert "wachtwoord" in mail.outbox[0].body and "fb-1" in mail.outbox[0].body
    # and at the next login, on the page after the password
    browser = Client()
    response = browser.post(reverse("login"), {"username": lpa_a.username, "password": new}, follow=True)
    assert "opnieuw ingesteld" in response.content.decode()
    assert "fb-1" in response.content.decode()


def test_removing_a_colleagues_second_factor_is_logged_and_told(
    organisatie_a, lpa_a, django_capture_on_commit_callbacks
):
    fb = beheerder("fb-1", organisatie_a)
    lpa_a.email = "lpa@example.org"
    lpa_a.save()
    device = TOTPDevice.objects.create(user=lpa_a, name="telefoon", confirmed=True)
    url = reverse("admin:otp_totp_totpdevice_delete", args=[device.pk])
    with django_capture_on_commit_callbacks(execute=True):
        assert client_for(fb).post(url, {"post": "yes"}).status_code == 302
    assert not TOTPDevice.objects.filter(pk=device.pk).exists()
    entry = AuditEntry.objects.get(gebruiker_id=fb.pk, object_type="otp_totp.totpdevice")
    assert (entry.actie, entry.object_id, entry.organisatie_id) == (
        "verwijderen",
        device.pk,
        organisatie_a.pk,
    )
    assert [m.to for m in mail.outbox] == [["lpa@example.org"]]
    assert "tweestapsverificatie" in mail.outbox[0].body


@pytest.mark.parametrize("role", [Role.TEAMLEIDER, Role.FUNCTIONEEL_BEHEERDER])
def test_teamleider_and_beheerder_create_no_api_token(role, organisatie_a):
    user = UserFactory(username="zonder-token", organisatie=organisatie_a, role=role)
    api = APIClient()
    api.force_login(user)  # password and second factor
    assert api.post("/api/v1/tokens/", {}, format="json").status_code == 403
    page = client_for(user)
    assert page.post(reverse("api-tokens"), {"actie": "aanmaken"}).status_code == 403
    assert "Nieuw token aanmaken" not in page.get(reverse("api-tokens")).content.decode()
    assert not AuthToken.objects.filter(user=user).exists()


@pytest.mark.parametrize(
    "role", [Role.LEERPLICHTAMBTENAAR, Role.DOORSTROOMCOACH, Role.ADMINISTRATIEF_MEDEWERKER]
)
def test_case_workers_create_api_tokens(role, organisatie_a):
    user = UserFactory(username="met-token", organisatie=organisatie_a, role=role)
    api = APIClient()
    api.force_login(user)
    response = api.post("/api/v1/tokens/", {}, format="json")
    assert response.status_code == 201
    assert response.json()["token"]
