"""BRP lookups against a loopback stand-in of Haal Centraal BRP Personen bevragen."""

import pytest
from django.urls import reverse

from cases import registry
from cases.constants import GegevensBron, OuderRelatie, Verwerkingsactiviteit
from cases.models import AuditEntry
from cases.selectors import ouders_van
from koppelingen.brp import mapping
from koppelingen.constants import Voorstel
from koppelingen.models import Signaal
from tests.factories import JongereFactory
from tests.koppelingen.brp_standin import VERZOEK, BrpStandin

pytestmark = pytest.mark.django_db


@pytest.fixture
def brp(settings):
    with BrpStandin() as standin:
        settings.BRP_URL = standin.url
        settings.BRP_API_KEY = "test-sleutel"
        settings.BRP_TIMEOUT = 5
        yield standin


@pytest.fixture
def noor(org):
    return JongereFactory(
        organisatie=org, bsn="111222333", voornamen="Noor", achternaam="Bakker", straat="", postcode=""
    )


def test_a_brp_lookup_fills_the_address_and_two_ouders_and_logs_its_purpose(client, lpa, noor, brp):
    client.force_login(lpa)
    response = client.post(reverse("brp_bijwerken", args=[noor.dossier.pk]), follow=True)
    page = response.content.decode()
    assert "Bijgewerkt uit de BRP." in page and "Adres bijgewerkt uit de BRP." in page
    noor.refresh_from_db()
    assert (noor.straat, noor.postcode, noor.woonplaats) == ("Dorpsstraat 12", "2711 AB", "Zoetermeer")
    ouders = ouders_van(lpa, noor)
    assert sorted(
        (o.voornamen, o.voorvoegsel, o.achternaam, o.relatie, o.gezag, o.bron, o.bsn) for o in ouders
    ) == [
        ("Anna", "", "Bakker", OuderRelatie.MOEDER, True, GegevensBron.BRP, "111222357"),
        ("Peter", "de", "Vries", OuderRelatie.VADER, True, GegevensBron.BRP, "111222369"),
    ]
    # Two calls: the child, then the ouders by their BSN (for their address); each is logged.
    calls = AuditEntry.objects.filter(object_type="koppelingen.brpstand", jongere_id=noor.pk)
    assert [(c.doel, c.gebruiker_id) for c in calls] == [
        (Verwerkingsactiviteit.HANDHAVING_LEERPLICHT, lpa.pk)
    ] * 2
    kind, ouders_verzoek = brp.verzoeken
    assert kind["headers"]["X-API-KEY"] == "test-sleutel"
    assert kind["body"]["burgerservicenummer"] == ["111222333"]
    assert ouders_verzoek["body"]["burgerservicenummer"] == ["111222357", "111222369"]
    assert ouders_verzoek["body"]["fields"] == ["burgerservicenummer", "adressering", "verblijfplaats"]
    assert brp.ongeldig == [] and brp.ongeldige_antwoorden == []
    adressen = {
        o.voornamen: (o.straat, o.huisnummer, o.postcode, o.woonplaats, o.geheim_adres) for o in ouders
    }
    assert adressen == {
        "Anna": ("Dorpsstraat", "12", "2711 AB", "Zoetermeer", False),
        "Peter": ("Kerkweg", "5", "2715 XY", "Zoetermeer", False),
    }
    assert (
        "Kerkweg 5, 2715 XY  ZOETERMEER"
        in client.get(reverse("dossier", args=[noor.dossier.pk])).content.decode()
    )
    assert "Adres en ouders laatst bijgewerkt uit de BRP op" in page

    # Asking again changes nothing: still two ouders, no duplicates.
    client.post(reverse("brp_bijwerken", args=[noor.dossier.pk]))
    assert len(ouders_van(lpa, noor)) == 2


def test_a_brp_timeout_leaves_the_dossier_unchanged_with_a_dutch_message(client, lpa, noor, settings):
    with BrpStandin(delay=2) as slow:
        settings.BRP_URL, settings.BRP_API_KEY = slow.url, "test-sleutel"
        settings.BRP_TIMEOUT, settings.BRP_RETRIES = 0.3, 0
        client.force_login(lpa)
        response = client.post(reverse("brp_bijwerken", args=[noor.dossier.pk]), follow=True)
    page = response.content.decode()
    assert (
        "De BRP antwoordde niet binnen 0.3 seconden. Er is niets gewijzigd; probeer het later opnieuw."
        in page
    )
    noor.refresh_from_db()
    assert (noor.straat, noor.postcode) == ("", "")
    assert not list(ouders_van(lpa, noor))
    # The attempt itself is in the processing log.
    assert AuditEntry.objects.filter(object_type="koppelingen.brpstand", jongere_id=noor.pk).count() == 1


def test_our_request_validates_against_the_published_schema():
    verzoek = mapping.verzoek(["111222333"])
    assert list(VERZOEK.iter_errors(verzoek)) == []
    assert verzoek["type"] == "RaadpleegMetBurgerservicenummer"
    # The fields the API delivers by itself must not be asked (the API answers 400).
    assert "geheimhoudingPersoonsgegevens" not in verzoek["fields"]
    # The validator is live: a malformed BSN is refused.
    assert list(VERZOEK.iter_errors(mapping.verzoek(["12"])))


def test_geheimhouding_is_shown_and_blocks_letters_until_confirmed(client, lpa, org, brp):
    daan = JongereFactory(organisatie=org, bsn="111222345", voornamen="Daan", achternaam="de Vries")
    client.force_login(lpa)
    client.post(reverse("brp_bijwerken", args=[daan.dossier.pk]))
    page = client.get(reverse("dossier", args=[daan.dossier.pk])).content.decode()
    assert "Geheimhouding persoonsgegevens (BRP)" in page
    assert "Brieven naar dit adres zijn geblokkeerd" in page
    reasons = [blocker(daan.dossier) for blocker in registry.letter_blockers]
    assert any(reason and "geheimhouding" in reason for reason in reasons)

    # Geheimhouding is per person: Daan's mother has her own, and her address says so.
    [sara] = ouders_van(lpa, daan)
    assert (sara.straat, sara.geheim_adres) == ("Kerkstraat", True)
    assert "Geheim adres: niet aan derden verstrekken" in page
    assert brp.ongeldig == [] and brp.ongeldige_antwoorden == []

    client.post(reverse("brp_geheimhouding_bevestigen", args=[daan.dossier.pk]))
    assert not any(blocker(daan.dossier) for blocker in registry.letter_blockers)
    page = client.get(reverse("dossier", args=[daan.dossier.pk])).content.decode()
    assert "Brieven bevestigd door Lotte Pauwels" in page


def test_a_lookup_showing_another_gemeente_proposes_an_overdracht(client, lpa, noor, brp, monkeypatch):
    from tests.koppelingen import brp_standin

    verhuisd = {
        **brp_standin.PERSONEN["111222333"],
        "gemeenteVanInschrijving": {"code": "0599", "omschrijving": "Rotterdam"},
    }
    monkeypatch.setitem(brp_standin.PERSONEN, "111222333", verhuisd)
    client.force_login(lpa)
    client.post(reverse("brp_bijwerken", args=[noor.dossier.pk]))
    signaal = Signaal.objects.get()
    assert (signaal.voorstel, signaal.doorsturen, signaal.jongere) == (
        Voorstel.OVERDRACHT_VERHUISD,
        True,
        noor,
    )
    noor.refresh_from_db()
    assert noor.woongemeente.code == "GM0637"  # not moved out of the organisation by itself


def test_without_brp_settings_the_button_says_so(client, lpa, noor, settings):
    settings.BRP_URL = ""
    client.force_login(lpa)
    response = client.post(reverse("brp_bijwerken", args=[noor.dossier.pk]), follow=True)
    assert "De BRP-koppeling is niet ingesteld; vraag de beheerder." in response.content.decode()
