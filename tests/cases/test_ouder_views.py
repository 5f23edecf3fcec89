"""Ouders on the dossier page: add, change (optimistic concurrency), remove, history, log."""

import pytest
from django.urls import reverse

from cases.constants import AuditAction, Role
from cases.models import AuditEntry, Ouder
from cases.ouder_services import ouder_toevoegen
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

FORM = {
    "voornamen": "Maria",
    "voorvoegsel": "",
    "achternaam": "Visser",
    "relatie": "moeder",
    "gezag": "on",
    "feitelijke_verzorging": "on",
    "straat": "Dorpsstraat",
    "huisnummer": "1",
    "postcode": "2711ab",
    "woonplaats": "Zoetermeer",
    "telefoon": "079-1234567",
    "email": "maria@example.nl",
}


def test_an_lpa_adds_an_ouder_who_shows_on_the_dossier_and_its_timeline(client, lpa_a, jongere_a):
    client.force_login(lpa_a)
    response = client.post(reverse("ouder_nieuw", args=[jongere_a.dossier.pk]), FORM, follow=True)

    page = response.content.decode()
    assert "De ouder of verzorger is toegevoegd." in page
    assert "Dorpsstraat 1, 2711 AB  ZOETERMEER" in page
    timeline = page[page.index('<ol class="app-timeline">') :]
    assert "Ouder/verzorger toegevoegd: Maria Visser (moeder)" in timeline


def test_bad_input_is_shown_on_the_field_and_nothing_is_saved(client, lpa_a, jongere_a):
    client.force_login(lpa_a)
    response = client.post(
        reverse("ouder_nieuw", args=[jongere_a.dossier.pk]), {**FORM, "postcode": "ABCD 12"}
    )

    assert response.status_code == 400
    assert "Een postcode heeft 4 cijfers en 2 letters" in response.content.decode()
    assert not Ouder.objects.exists()


def test_editing_is_logged_as_a_read_and_a_stale_save_is_refused(client, lpa_a, jongere_a):
    ouder = ouder_toevoegen(actor=lpa_a, jongere=jongere_a, voornamen="Maria", achternaam="Visser")
    client.force_login(lpa_a)
    url = reverse("ouder_bewerken", args=[ouder.pk])

    client.get(url)
    assert AuditEntry.objects.filter(
        object_type="cases.ouder", object_id=ouder.pk, actie=AuditAction.INZIEN
    ).exists()

    first = client.post(url, {**FORM, "versie": 1, "telefoon": "0791111111"})
    assert first.status_code == 302
    stale = client.post(url, {**FORM, "versie": 1, "telefoon": "0792222222"})

    assert stale.status_code == 400
    assert "Iemand anders heeft dit intussen gewijzigd" in stale.content.decode()
    ouder.refresh_from_db()
    assert ouder.telefoon == "0791111111"


def test_removing_takes_the_ouder_off_the_page_and_says_so_on_the_timeline(client, lpa_a, jongere_a):
    ouder = ouder_toevoegen(actor=lpa_a, jongere=jongere_a, voornamen="Kees", achternaam="Bos")
    client.force_login(lpa_a)

    response = client.post(reverse("ouder_verwijderen", args=[ouder.pk]), {"versie": 1}, follow=True)

    page = response.content.decode()
    assert "Wijzig Kees Bos" not in page
    assert "Ouder/verzorger verwijderd: Kees Bos" in page


def test_another_organisation_cannot_see_or_change_an_ouder(client, lpa_b, jongere_a, lpa_a):
    ouder = ouder_toevoegen(actor=lpa_a, jongere=jongere_a, voornamen="Kees", achternaam="Bos")
    client.force_login(lpa_b)

    assert client.get(reverse("ouder_bewerken", args=[ouder.pk])).status_code == 404
    assert client.post(reverse("ouder_verwijderen", args=[ouder.pk]), {"versie": 1}).status_code == 404
    assert client.post(reverse("ouder_nieuw", args=[jongere_a.dossier.pk]), FORM).status_code == 404


def test_a_role_that_may_not_change_the_jongere_may_not_change_ouders(client, organisatie_a, jongere_a):
    teamleider = UserFactory(organisatie=organisatie_a, role=Role.TEAMLEIDER)
    client.force_login(teamleider)

    assert client.post(reverse("ouder_nieuw", args=[jongere_a.dossier.pk]), FORM).status_code == 403
