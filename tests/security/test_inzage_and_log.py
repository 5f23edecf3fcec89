"""The inzageverzoek (AVG art. 15) and the processing log in functioneel beheer."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cases.constants import Role
from cases.models import AuditEntry
from leerplicht.models import MeldingActie
from tests.factories import ActieFactory, MeldingFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def beheerder(organisatie_a):
    return UserFactory(
        username="beheerder", organisatie=organisatie_a, role=Role.FUNCTIONEEL_BEHEERDER, is_staff=True
    )


def pdf_text(content: bytes) -> str:
    import subprocess

    return subprocess.run(
        ["pdftotext", "-", "-"], input=content, capture_output=True, check=True
    ).stdout.decode()


def test_the_beheerder_makes_an_inzage_pdf_with_the_data_and_who_saw_it(client, beheerder, lpa_a, jongere_a):
    MeldingFactory(dossier=jongere_a.dossier, toelichting="School belde over verzuim.", behandelaar=lpa_a)
    ActieFactory(dossier=jongere_a.dossier, gebruiker=lpa_a, omschrijving="Gesprek met moeder.")
    client.force_login(lpa_a)
    client.get(reverse("dossier", args=[jongere_a.dossier.pk]))  # lpa-a viewed it

    client.force_login(beheerder)
    page = client.get(reverse("inzageverzoek"))
    assert page.status_code == 200
    response = client.post(reverse("inzageverzoek"), {"bsn": jongere_a.bsn})
    assert response["Content-Type"] == "application/pdf"
    assert (
        jongere_a.bsn not in response["Content-Disposition"]
        and "Visser" not in response["Content-Disposition"]
    )
    text = pdf_text(response.content)
    for expected in ["Noor", "Visser", jongere_a.bsn, "School belde over verzuim.", "Gesprek met moeder.",
                     "Meldingen", "lpa-a", "Inzien"]:  # fmt: skip
        assert expected in text, expected
    entry = AuditEntry.objects.get(gebruikersnaam="beheerder")
    assert (entry.actie, entry.doel, entry.jongere_id) == ("exporteren", "inzageverzoek", jongere_a.pk)


def test_the_inzage_pdf_of_a_long_dossier_costs_no_more_queries(client, beheerder, lpa_a, jongere_a):
    def add(n, start):
        for i in range(start, start + n):
            melding = MeldingFactory(
                dossier=jongere_a.dossier, toelichting=f"Melding {i:02d}", behandelaar=lpa_a
            )
            actie = ActieFactory(dossier=jongere_a.dossier, gebruiker=lpa_a, omschrijving=f"Gesprek {i:02d}")
            MeldingActie.objects.create(melding=melding, actie=actie)

    def make_pdf():
        with CaptureQueriesContext(connection) as captured:
            response = client.post(reverse("inzageverzoek"), {"bsn": jongere_a.bsn})
        return len(captured.captured_queries), pdf_text(response.content)

    client.force_login(beheerder)
    add(2, 0)
    make_pdf()
    small, _text = make_pdf()
    add(15, 2)
    large, text = make_pdf()
    assert all(f"Melding {i:02d}" in text and f"Gesprek {i:02d}" in text for i in range(17))
    assert large == small


def test_inzage_finds_no_jongere_of_another_organisation_and_needs_the_permission(
    client, beheerder, lpa_a, jongere_b
):
    client.force_login(beheerder)
    response = client.post(reverse("inzageverzoek"), {"bsn": jongere_b.bsn})
    assert "Er is geen jongere met dit BSN in uw organisatie." in response.content.decode()
    assert not AuditEntry.objects.exists()
    client.force_login(lpa_a)  # case workers read dossiers, but do not answer AVG requests
    assert client.post(reverse("inzageverzoek"), {"bsn": jongere_b.bsn}).status_code == 403


def test_the_beheerder_searches_the_log_of_the_own_organisation_only(
    client, beheerder, lpa_a, lpa_b, jongere_a, jongere_b
):
    for user, jongere in ((lpa_a, jongere_a), (lpa_b, jongere_b)):
        client.force_login(user)
        client.get(reverse("dossier", args=[jongere.dossier.pk]))
    client.force_login(beheerder)
    url = reverse("admin:cases_auditentry_changelist")
    listing = client.get(url).content.decode()
    assert "lpa-a" in listing and "lpa-b" not in listing
    by_jongere = client.get(url, {"q": str(jongere_a.pk)}).content.decode()
    assert "lpa-a" in by_jongere
    by_user = client.get(url, {"q": "lpa-a"})
    assert by_user.status_code == 200 and "lpa-a" in by_user.content.decode()
    assert client.get(url, {"actie__exact": "inzien"}).status_code == 200
    entry = AuditEntry.objects.get(gebruikersnaam="lpa-a")
    change = client.get(reverse("admin:cases_auditentry_change", args=[entry.pk]))
    assert change.status_code == 200
    other = AuditEntry.objects.get(gebruikersnaam="lpa-b")
    assert (
        client.get(reverse("admin:cases_auditentry_change", args=[other.pk])).status_code == 302
    )  # not found
    assert client.post(reverse("admin:cases_auditentry_delete", args=[entry.pk])).status_code == 403


def test_the_inzage_pdf_names_the_ouders_but_hides_a_secret_address(client, beheerder, lpa_a, jongere_a):
    from cases.ouders.services import ouder_toevoegen

    ouder_toevoegen(
        actor=lpa_a, jongere=jongere_a, voornamen="Maria", achternaam="Visser", relatie="moeder",
        straat="Dorpsstraat", huisnummer="1", postcode="2711AB", woonplaats="Zoetermeer",
    )  # fmt: skip
    ouder_toevoegen(
        actor=lpa_a, jongere=jongere_a, voornamen="Kees", achternaam="de Boer", relatie="vader",
        straat="Geheimweg", huisnummer="9", postcode="2611AB", woonplaats="Delft", geheim_adres=True,
    )  # fmt: skip
    client.force_login(beheerder)

    text = pdf_text(client.post(reverse("inzageverzoek"), {"bsn": jongere_a.bsn}).content)

    assert "Ouders/verzorgers" in text
    assert "Maria" in text and "Dorpsstraat" in text and "2711 AB" in text
    assert "Kees" in text and "de Boer" in text
    assert "Geheimweg" not in text and "2611 AB" not in text
    assert "afgeschermd (geheimhouding BRP)" in text
