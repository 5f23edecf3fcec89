"""Roles in depth: the teamleider sees the team's werkvoorraad as numbers but no case details
(unless also a case worker), the administratief medewerker registers but does not decide, the
functioneel beheerder configures but reads no dossiers (docs/rollen.md)."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from cases.constants import Role
from tests.factories import MeldingFactory, UserFactory

pytestmark = pytest.mark.django_db


def user_with(role, organisatie, username):
    return UserFactory(username=username, organisatie=organisatie, role=role)


def test_the_teamleider_sees_the_team_werkvoorraad_as_numbers_only(client, organisatie_a, lpa_a, jongere_a):
    MeldingFactory(dossier=jongere_a.dossier, behandelaar=lpa_a, fase="analyseren")
    teamleider = user_with(Role.TEAMLEIDER, organisatie_a, "tl")
    client.force_login(teamleider)
    page = client.get(reverse("teamoverzicht")).content.decode()
    assert "Teamoverzicht werkvoorraad" in page and lpa_a.last_name in page
    assert jongere_a.achternaam not in page and jongere_a.bsn not in page
    for name, args in [
        ("dossier", [jongere_a.dossier.pk]),
        ("werkvoorraad", []),
        ("jongeren", []),
        ("meldingen", []),
    ]:
        assert client.get(reverse(name, args=args)).status_code == 403, name
    # also a case worker: then the dossiers open
    teamleider.groups.add(Group.objects.get(name=str(Role.LEERPLICHTAMBTENAAR.label)))
    teamleider = type(teamleider).objects.get(pk=teamleider.pk)
    client.force_login(teamleider)
    assert client.get(reverse("dossier", args=[jongere_a.dossier.pk])).status_code == 200


def test_the_administratief_medewerker_registers_but_does_not_decide(client, organisatie_a, jongere_a):
    melding = MeldingFactory(dossier=jongere_a.dossier)
    medewerker = user_with(Role.ADMINISTRATIEF_MEDEWERKER, organisatie_a, "mw")
    client.force_login(medewerker)
    assert client.get(reverse("melding_nieuw")).status_code == 200
    assert client.get(reverse("melding", args=[melding.pk])).status_code == 200
    for name in ("melding_fase", "melding_route", "melding_actie", "melding_wijzigen"):
        assert client.post(reverse(name, args=[melding.pk]), {}).status_code == 403, name
    for perm in ("leerplicht.change_melding", "leerplicht.change_vrijstelling", "doorstroom.change_traject"):
        assert not medewerker.has_perm(perm)


def test_the_functioneel_beheerder_configures_but_reads_no_dossiers(client, organisatie_a, jongere_a):
    beheerder = UserFactory(
        username="fb", organisatie=organisatie_a, role=Role.FUNCTIONEEL_BEHEERDER, is_staff=True
    )
    client.force_login(beheerder)
    assert client.get(reverse("admin:cases_codeitem_changelist")).status_code == 200
    assert client.get(reverse("admin:cases_auditentry_changelist")).status_code == 200
    for name, args in [
        ("dossier", [jongere_a.dossier.pk]),
        ("jongeren", []),
        ("werkvoorraad", []),
        ("trajecten", []),
    ]:
        assert client.get(reverse(name, args=args)).status_code == 403, name
    assert not beheerder.has_perm("cases.view_jongere")
    assert client.get("/beheer/cases/jongere/").status_code == 404  # no admin for jongeren


def test_the_beheerder_removes_a_lost_device_of_the_own_organisation_only(
    client, lpa_a, lpa_b, organisatie_a
):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from tests.conftest import verified_device

    own, other = verified_device(lpa_a), verified_device(lpa_b)
    beheerder = UserFactory(
        username="fb", organisatie=organisatie_a, role=Role.FUNCTIONEEL_BEHEERDER, is_staff=True
    )
    client.force_login(beheerder)
    listing = client.get(reverse("admin:otp_totp_totpdevice_changelist")).content.decode()
    assert "lpa-a" in listing and "lpa-b" not in listing
    detail = client.get(reverse("admin:otp_totp_totpdevice_change", args=[own.pk])).content.decode()
    assert own.key not in detail  # the secret never shows
    assert client.get(reverse("admin:otp_totp_totpdevice_change", args=[other.pk])).status_code == 302
    client.post(reverse("admin:otp_totp_totpdevice_delete", args=[own.pk]), {"post": "yes"})
    assert not TOTPDevice.objects.filter(pk=own.pk).exists()
    assert TOTPDevice.objects.filter(pk=other.pk).exists()
