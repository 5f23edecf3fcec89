"""The visibility gate: another organisation's jongere does not exist for you."""

import pytest
from django.urls import reverse

from cases.constants import Role
from cases.models import Dossier, Jongere
from tests.factories import JongereFactory, UserFactory

pytestmark = pytest.mark.django_db


def search(client, **data):
    return client.post(reverse("jongeren"), data, follow=True)


def test_dossier_of_another_organisation_is_404(client, lpa_b, jongere_a):
    client.force_login(lpa_b)
    response = client.get(reverse("dossier", args=[jongere_a.dossier.pk]))
    assert response.status_code == 404
    assert "Visser" not in response.content.decode()


def test_own_dossier_opens(client, lpa_a, jongere_a):
    client.force_login(lpa_a)
    response = client.get(reverse("dossier", args=[jongere_a.dossier.pk]))
    assert response.status_code == 200
    assert "Noor Visser" in response.content.decode()


def test_search_does_not_find_another_organisations_jongere(client, lpa_b, jongere_a, jongere_b):
    client.force_login(lpa_b)
    by_bsn = search(client, q=jongere_a.bsn).content.decode()
    assert "0 jongeren gevonden" in by_bsn
    by_name = search(client, q="Visser").content.decode()
    assert "1 jongere gevonden" in by_name
    assert "Daan" in by_name and "Noor" not in by_name


def test_action_on_another_organisations_dossier_is_404(client, lpa_b, jongere_a):
    client.force_login(lpa_b)
    response = client.post(
        reverse("actie_toevoegen", args=[jongere_a.dossier.pk]),
        {"soort": "notitie", "datum": "2025-10-01", "omschrijving": "x"},
    )
    assert response.status_code == 404
    assert not jongere_a.dossier.acties.exists()


def test_user_restricted_to_a_gemeente_sees_only_that_gemeente(client, organisatie_b):
    roermond, roerdalen = organisatie_b.gemeenten.order_by("code")
    in_roermond = JongereFactory(organisatie=organisatie_b, woongemeente=roermond)
    in_roerdalen = JongereFactory(organisatie=organisatie_b, woongemeente=roerdalen)
    user = UserFactory(organisatie=organisatie_b)
    user.gemeenten.add(roerdalen)
    client.force_login(user)
    assert client.get(reverse("dossier", args=[in_roermond.dossier.pk])).status_code == 404
    assert client.get(reverse("dossier", args=[in_roerdalen.dossier.pk])).status_code == 200


def test_a_gemeente_restriction_added_or_lifted_holds_from_the_next_request(client, organisatie_b):
    # The gemeente scope is cached across requests (as the permissions are): a change of the
    # user's gemeenten must still count at once.
    roermond, roerdalen = organisatie_b.gemeenten.order_by("code")
    in_roermond = JongereFactory(organisatie=organisatie_b, woongemeente=roermond)
    user = UserFactory(organisatie=organisatie_b)
    client.force_login(user)
    url = reverse("dossier", args=[in_roermond.dossier.pk])
    assert client.get(url).status_code == 200
    user.gemeenten.add(roerdalen)
    assert client.get(url).status_code == 404
    user.gemeenten.remove(roerdalen)
    assert client.get(url).status_code == 200


def test_a_role_change_changes_the_purpose_in_the_log_from_the_next_request(client, organisatie_a, jongere_a):
    from django.contrib.auth.models import Group

    from cases.models import AuditEntry

    user = UserFactory(organisatie=organisatie_a, role=Role.LEERPLICHTAMBTENAAR)
    client.force_login(user)
    url = reverse("dossier", args=[jongere_a.dossier.pk])
    client.get(url)
    user.groups.set([Group.objects.get(name=str(Role.DOORSTROOMCOACH.label))])
    client.get(url)
    doelen = list(
        AuditEntry.objects.filter(gebruiker_id=user.pk, actie="inzien")
        .order_by("pk")
        .values_list("doel", flat=True)
    )
    assert doelen == ["handhaving_leerplicht", "begeleiding_doorstroompunt"]


@pytest.mark.parametrize("role", [Role.TEAMLEIDER, Role.FUNCTIONEEL_BEHEERDER])
def test_roles_without_case_work_get_403_and_see_no_personal_data(client, organisatie_a, jongere_a, role):
    user = UserFactory(organisatie=organisatie_a, role=role)
    client.force_login(user)
    assert client.get(reverse("jongeren")).status_code == 403
    assert client.get(reverse("dossier", args=[jongere_a.dossier.pk])).status_code == 403
    assert not Jongere.objects.visible_to(user).exists()


def test_user_without_organisation_sees_nothing(organisatie_a, jongere_a, django_user_model):
    superuser = django_user_model.objects.create_superuser("root", password="x" * 12)
    assert not Jongere.objects.visible_to(superuser).exists()
    assert not Dossier.objects.visible_to(superuser).exists()


def test_anonymous_visitor_is_sent_to_login(client, jongere_a):
    response = client.get(reverse("dossier", args=[jongere_a.dossier.pk]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
