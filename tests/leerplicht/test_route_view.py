import pytest
from django.urls import reverse

from tests.factories import JongereFactory, MeldingFactory

pytestmark = pytest.mark.django_db


def test_choosing_a_usual_route(client, org, lpa):
    melding = MeldingFactory(dossier=JongereFactory(organisatie=org).dossier, fase="plannen")
    client.force_login(lpa)
    page = client.post(
        reverse("melding_route", args=[melding.pk]),
        {"route-route": "halt", "route-jongere_instemming": "on", "route-ouders_instemming": "on"},
        follow=True,
    ).content.decode()
    assert "De route is vastgelegd." in page
    assert list(melding.routes.values_list("route", flat=True)) == ["halt"]


def test_an_unusual_route_needs_an_explanation(client, org, lpa):
    melding = MeldingFactory(dossier=JongereFactory(organisatie=org).dossier, fase="plannen")
    client.force_login(lpa)
    url = reverse("melding_route", args=[melding.pk])
    page = client.post(url, {"route-route": "civielrechtelijk"}, follow=True).content.decode()
    assert "Pas toe of leg uit" in page and not melding.routes.exists()
    client.post(
        url, {"route-route": "civielrechtelijk", "route-toelichting": "Zorgen over veiligheid thuis."}
    )
    assert melding.routes.get().toelichting == "Zorgen over veiligheid thuis."


def test_a_refused_route_and_action_keep_what_was_typed(client, org, lpa):
    melding = MeldingFactory(dossier=JongereFactory(organisatie=org).dossier, fase="plannen")
    client.force_login(lpa)
    page = client.post(
        reverse("melding_route", args=[melding.pk]), {"route-route": "civielrechtelijk"}
    ).content.decode()
    assert 'id="foutoverzicht"' in page and "Pas toe of leg uit" in page
    assert 'value="civielrechtelijk" selected' in page
    page = client.post(
        reverse("melding_actie", args=[melding.pk]),
        {"actie-soort": "verzuimgesprek", "actie-datum": "2020-01-01", "actie-omschrijving": "Vader gebeld."},
    ).content.decode()
    assert "Vader gebeld." in page and 'id="foutoverzicht"' in page
    assert "De actie ligt voor de ontvangstdatum van de melding." in page
    assert not melding.acties.exists()
