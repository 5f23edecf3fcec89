"""Koppelingen in Chromium: an LPA handles a DUO verzuimmelding from the inbox, pages checked
with axe-core."""

import json

import pytest

from cases.codelists import seed_codelists
from cases.constants import Role
from koppelingen.duo import service
from leerplicht.models import Melding
from tests.e2e.conftest import pass_second_factor
from tests.factories import SchoolFactory, UserFactory
from tests.koppelingen.documenten import NOOR, duo_document, duo_melding

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
PASSWORD = "geheim-wachtwoord-123"


def test_an_lpa_accepts_a_duo_melding_and_finds_it_on_the_werkvoorraad(
    page, organisatie_a, assert_accessible
):
    seed_codelists(organisatie_a)
    SchoolFactory(brin="12AB", vestiging="00", naam="Het Testcollege")
    UserFactory(
        username="lpa",
        first_name="Lotte",
        last_name="Pauwels",
        organisatie=organisatie_a,
        role=Role.LEERPLICHTAMBTENAAR,
    )
    document = duo_document(duo_melding("VM-E2E-0001", NOOR, "16_uur", uren=17))
    service.document_verwerken(organisatie=organisatie_a, inhoud=json.dumps(document).encode(), via="upload")

    page.goto("/inloggen/")
    page.get_by_label("Gebruikersnaam").fill("lpa")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    pass_second_factor(page, "lpa")

    page.get_by_role("link", name="Binnengekomen").click()
    page.get_by_role("heading", name="Binnengekomen", exact=True).wait_for()
    assert page.get_by_role("link", name="Te beoordelen (1)").is_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Nieuwe melding").click()
    page.get_by_role("heading", name="Nieuwe melding").wait_for()
    assert page.get_by_label("Soort melding").input_value() == "relatief_wettelijk"
    assert_accessible(page)
    page.get_by_label("Leerplichtambtenaar").select_option(label="Lotte Pauwels")
    page.get_by_role("button", name="Voorstel accepteren").click()
    page.get_by_role("status").filter(has_text="Het signaal is toegepast.").wait_for()
    assert page.get_by_text("VM-E2E-0001").is_visible()  # on the melding page

    page.get_by_role("link", name="Werkvoorraad").click()
    page.get_by_role("heading", name="Werkvoorraad", exact=True).wait_for()
    row = page.get_by_role("row").filter(has_text="Noor Bakker")
    assert "DUO VM-E2E-0001" in row.inner_text()
    assert_accessible(page)
    assert Melding.objects.get().duo_meldingnummer == "VM-E2E-0001"

    # A second 16-hour melding for Noor: proposed as an addition to the open melding.
    tweede = duo_document(duo_melding("VM-E2E-0002", NOOR, "16_uur", uren=21))
    service.document_verwerken(organisatie=organisatie_a, inhoud=json.dumps(tweede).encode(), via="upload")
    page.get_by_role("link", name="Binnengekomen").click()
    page.get_by_role("link", name="Toevoegen aan open melding").click()
    page.get_by_role("heading", name="Toevoegen aan open melding").wait_for()
    assert page.get_by_role("radio", name="Toevoegen aan de open melding").is_checked()
    assert page.get_by_role("radio", name="Nieuwe melding maken").is_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Voorstel accepteren").click()
    page.get_by_role("status").filter(has_text="Het signaal is toegepast.").wait_for()
    assert page.get_by_text("Nieuwe verzuimmelding van DUO (nummer VM-E2E-0002").is_visible()
    assert Melding.objects.count() == 1
