"""The beheer pages "Gebruikers en rollen" (issue 19 item 7): a beheerder manages the accounts of
the own organisation in the application; a role that opens personal data needs a second
beheerder (four eyes); nobody changes their own rights."""

import pytest
from django.contrib.auth import authenticate
from django.contrib.auth.models import Group
from django.test import RequestFactory
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from cases.accounts.models import AccountMelding, RolToekenning
from cases.constants import Role
from cases.models import AuditEntry, User
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

LIJST = reverse("beheer_gebruikers")
NIEUW = reverse("beheer_gebruiker_nieuw")
WACHTWOORD = "lange-zin-als-wachtwoord-42"


def rol(role: Role) -> Group:
    return Group.objects.get(name=str(role.label))


@pytest.fixture
def beheerder(organisatie_a):
    return UserFactory(username="beheerder", organisatie=organisatie_a, role=Role.FUNCTIONEEL_BEHEERDER)


@pytest.fixture
def tweede_beheerder(organisatie_a):
    return UserFactory(username="beheerder-2", organisatie=organisatie_a, role=Role.FUNCTIONEEL_BEHEERDER)


@pytest.fixture
def beheerder_b(organisatie_b):
    return UserFactory(username="beheerder-b", organisatie=organisatie_b, role=Role.FUNCTIONEEL_BEHEERDER)


def nieuw(client, **extra):
    data = {
        "username": "nieuwe.lpa",
        "first_name": "Sanne",
        "last_name": "de Wit",
        "email": "sanne@example.nl",
        "wachtwoord": WACHTWOORD,
        **extra,
    }
    return client.post(NIEUW, data, follow=True)


def test_the_list_shows_only_the_own_organisations_accounts_with_roles_and_status(
    client, beheerder, lpa_a, lpa_b
):
    lpa_a.is_active = False
    lpa_a.save()
    client.force_login(beheerder)
    page = client.get(LIJST).content.decode()
    row = page[page.index(f">{lpa_a.get_full_name()}<") :]
    row = row[: row.index("</tr>")]
    assert "Leerplichtambtenaar" in row and "Gedeactiveerd" in row
    assert lpa_b.username not in page


def test_other_roles_and_other_organisations_get_403_or_404(client, beheerder, lpa_a, lpa_b):
    client.force_login(lpa_a)
    assert client.get(LIJST).status_code == 403
    assert client.get(NIEUW).status_code == 403
    assert client.get(reverse("beheer_gebruiker", args=[beheerder.pk])).status_code == 403

    client.force_login(beheerder)
    assert client.get(reverse("beheer_gebruiker", args=[lpa_b.pk])).status_code == 404
    response = client.post(reverse("beheer_gebruiker", args=[lpa_b.pk]), {"actie": "deactiveren"})
    assert response.status_code == 404
    lpa_b.refresh_from_db()
    assert lpa_b.is_active


def test_a_new_account_gets_a_role_without_personal_data_at_once_and_another_waits_for_four_eyes(
    client, beheerder, tweede_beheerder
):
    client.force_login(beheerder)
    response = nieuw(client, rollen=[rol(Role.TEAMLEIDER).pk, rol(Role.LEERPLICHTAMBTENAAR).pk])

    page = response.content.decode()
    assert "Het account nieuwe.lpa is aangemaakt." in page
    assert "De rol Leerplichtambtenaar geeft toegang tot persoonsgegevens en wacht op goedkeuring" in page
    user = User.objects.get(username="nieuwe.lpa")
    assert user.organisatie_id == beheerder.organisatie_id
    assert user.check_password(WACHTWOORD)
    assert set(user.groups.values_list("name", flat=True)) == {"Teamleider"}
    toekenning = RolToekenning.objects.get(gebruiker=user)

    # The one who asked sees the request but cannot approve it.
    page = client.get(LIJST).content.decode()
    assert "Een andere beheerder beoordeelt deze aanvraag." in page
    forbidden = client.post(reverse("beheer_aanvraag", args=[toekenning.pk]), {"besluit": "goedkeuren"})
    assert forbidden.status_code == 403
    assert not user.groups.filter(name="Leerplichtambtenaar").exists()

    # The second beheerder approves it on the page.
    client.force_login(tweede_beheerder)
    page = client.get(LIJST).content.decode()
    assert "Goedkeuren: Leerplichtambtenaar voor nieuwe.lpa" in page
    response = client.post(
        reverse("beheer_aanvraag", args=[toekenning.pk]), {"besluit": "goedkeuren"}, follow=True
    )
    assert "nieuwe.lpa heeft nu de rol Leerplichtambtenaar." in response.content.decode()
    assert user.groups.filter(name="Leerplichtambtenaar").exists()
    assert AccountMelding.objects.filter(gebruiker=user, tekst__contains="Leerplichtambtenaar").exists()


def test_a_rejected_request_gives_no_role(client, beheerder, tweede_beheerder, lpa_a):
    client.force_login(beheerder)
    client.post(
        reverse("beheer_gebruiker", args=[lpa_a.pk]),
        {
            "actie": "rollen",
            "rollen-rollen": [rol(Role.LEERPLICHTAMBTENAAR).pk, rol(Role.DOORSTROOMCOACH).pk],
        },
    )
    toekenning = RolToekenning.objects.get(gebruiker=lpa_a, rol=rol(Role.DOORSTROOMCOACH))
    client.force_login(tweede_beheerder)
    client.post(reverse("beheer_aanvraag", args=[toekenning.pk]), {"besluit": "afwijzen"})
    toekenning.refresh_from_db()
    assert toekenning.status == RolToekenning.Status.AFGEWEZEN
    assert not lpa_a.groups.filter(name="Doorstroomcoach").exists()


def test_removing_a_role_takes_effect_at_once(client, beheerder, lpa_a):
    client.force_login(beheerder)
    response = client.post(reverse("beheer_gebruiker", args=[lpa_a.pk]), {"actie": "rollen"}, follow=True)
    assert "De rollen zijn opgeslagen." in response.content.decode()
    assert not lpa_a.groups.exists()


def test_a_beheerder_cannot_change_their_own_account(client, beheerder):
    client.force_login(beheerder)
    url = reverse("beheer_gebruiker", args=[beheerder.pk])
    assert "Dit is uw eigen account." in client.get(url).content.decode()
    response = client.post(url, {"actie": "rollen", "rollen-rollen": [rol(Role.LEERPLICHTAMBTENAAR).pk]})
    assert response.status_code == 403
    assert not beheerder.groups.filter(name="Leerplichtambtenaar").exists()
    assert not RolToekenning.objects.exists()
    assert client.post(url, {"actie": "deactiveren"}).status_code == 403
    beheerder.refresh_from_db()
    assert beheerder.is_active


def test_deactivating_stops_the_login(client, beheerder, lpa_a):
    client.force_login(beheerder)
    response = client.post(
        reverse("beheer_gebruiker", args=[lpa_a.pk]), {"actie": "deactiveren"}, follow=True
    )
    assert "Het account is gedeactiveerd" in response.content.decode()
    request = RequestFactory().post("/inloggen/")
    assert authenticate(request, username=lpa_a.username, password="geheim-wachtwoord-123") is None


def test_password_and_second_factor_reset_are_logged_and_told_to_the_user(client, beheerder, lpa_a):
    TOTPDevice.objects.create(user=lpa_a, name="telefoon", confirmed=True)
    client.force_login(beheerder)
    url = reverse("beheer_gebruiker", args=[lpa_a.pk])

    short = client.post(url, {"actie": "wachtwoord", "wachtwoord-wachtwoord": "kort"})
    assert short.status_code == 400
    assert "Dit wachtwoord is te kort: gebruik minstens 12 tekens." in short.content.decode()
    numeric = client.post(url, {"actie": "wachtwoord", "wachtwoord-wachtwoord": "123456789012345"})
    assert "alleen uit cijfers" in numeric.content.decode()

    client.post(url, {"actie": "wachtwoord", "wachtwoord-wachtwoord": WACHTWOORD})
    lpa_a.refresh_from_db()
    assert lpa_a.check_password(WACHTWOORD)
    response = client.post(url, {"actie": "tweede_factor"}, follow=True)
    assert "De tweestapsverificatie is verwijderd" in response.content.decode()
    assert not TOTPDevice.objects.filter(user=lpa_a).exists()
    teksten = list(AccountMelding.objects.filter(gebruiker=lpa_a).values_list("tekst", flat=True))
    assert any("wachtwoord" in t for t in teksten) and any("tweestapsverificatie" in t for t in teksten)
    assert (
        AuditEntry.objects.filter(gebruiker_id=beheerder.pk, organisatie_id=lpa_a.organisatie_id).count() >= 2
    )


def test_a_taken_username_is_refused_with_a_dutch_message_and_the_typing_stays(client, beheerder, lpa_a):
    client.force_login(beheerder)
    response = client.post(
        NIEUW,
        {"username": lpa_a.username, "first_name": "Sanne", "last_name": "de Wit", "wachtwoord": WACHTWOORD},
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "Deze gebruikersnaam bestaat al" in page
    assert 'value="Sanne"' in page
    assert page.count('id="foutoverzicht"') == 1
