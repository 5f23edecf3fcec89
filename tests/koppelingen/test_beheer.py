"""The beheer page Koppelingen: configured or not, last run, counts, errors, schedule."""

import pytest
from django.urls import reverse

from koppelingen.duo import service

pytestmark = pytest.mark.django_db


def test_the_page_says_what_is_not_set_up_and_shows_the_schedule(client, beheerder, settings):
    settings.DUO_VERZUIM_URL = settings.DUO_VERZUIM_MAP = settings.BRP_URL = ""
    client.force_login(beheerder)
    page = client.get(reverse("koppelingen")).content.decode()
    assert "Niet ingesteld: zet DUO_VERZUIM_URL of DUO_VERZUIM_MAP. Uploaden kan altijd." in page
    assert "Niet ingesteld: zet BRP_URL en BRP_API_KEY of BRP_CERT." in page
    assert "koppelingen.duo_ophalen" in page and "koppelingen.brp_nachtelijk_bijwerken" in page
    assert "Nu ophalen" not in page  # nothing to fetch from
    response = client.post(reverse("koppelingen_ophalen", args=["duo_verzuim"]), follow=True)
    assert "Deze koppeling is niet ingesteld; ophalen kan niet." in response.content.decode()


def test_the_last_error_is_shown_in_dutch(client, beheerder, org):
    service.document_verwerken(organisatie=org, inhoud=b"{", via="upload")
    client.force_login(beheerder)
    page = client.get(reverse("koppelingen")).content.decode()
    assert "Het bestand is geen geldige JSON (UTF-8)." in page
    assert "Mislukt, upload" in page


def test_a_case_worker_has_no_beheer_page(client, lpa):
    client.force_login(lpa)
    assert client.get(reverse("koppelingen")).status_code == 403
