"""A leerplichtambtenaar records two ouders who live apart and makes a waarschuwingsbrief: two
letters, one per address, each naming its addressee (art. 2 Lpw). A real Celery worker makes
the PDFs; every page on the way passes axe."""

import pytest

from cases.codelists import seed_codelists
from cases.constants import Role
from cases.letters.models import Brief
from cases.models import Document
from tests.e2e.conftest import pass_second_factor
from tests.factories import JongereFactory, MeldingFactory, SchoolFactory, UserFactory
from tests.letters.conftest import pdf_text
from tests.reporting.worker import Worker, purge_queue

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
PASSWORD = "geheim-wachtwoord-123"


@pytest.fixture
def celery_worker(tmp_path, transactional_db):
    purge_queue()
    worker = Worker(tmp_path / "worker.log").start()
    yield worker
    worker.stop()
    purge_queue()
    for document in Document.objects.all():  # files in private storage
        document.bestand.delete(save=False)


def add_ouder(page, dossier_pk, voornamen, achternaam, relatie, straat, huisnummer, postcode, woonplaats):
    page.goto(f"/dossiers/{dossier_pk}/")
    page.get_by_role("link", name="Ouder of verzorger toevoegen").click()
    page.get_by_role("heading", name="Ouder of verzorger toevoegen").wait_for()
    page.get_by_label("Voornamen").fill(voornamen)
    page.get_by_label("Achternaam").fill(achternaam)
    page.get_by_label("Relatie tot de jongere").select_option(relatie)
    page.get_by_label("Straat").fill(straat)
    page.get_by_label("Huisnummer").fill(huisnummer)
    page.get_by_label("Postcode").fill(postcode)
    page.get_by_label("Woonplaats").fill(woonplaats)
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_text("De ouder of verzorger is toegevoegd.").wait_for()


def test_two_ouders_living_apart_get_one_waarschuwingsbrief_each(
    page, organisatie_a, celery_worker, assert_accessible
):
    seed_codelists(organisatie_a)
    lpa = UserFactory(username="lpa", organisatie=organisatie_a, role=Role.LEERPLICHTAMBTENAAR)
    jongere = JongereFactory(organisatie=organisatie_a, voornamen="Yara", achternaam="de Vries")
    melding = MeldingFactory(dossier=jongere.dossier, behandelaar=lpa, school=SchoolFactory(naam="Erasmus"))

    page.goto(f"/dossiers/{jongere.dossier.pk}/")
    page.get_by_label("Gebruikersnaam").fill("lpa")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    pass_second_factor(page, "lpa")

    page.goto(f"/dossiers/{jongere.dossier.pk}/ouders/nieuw/")
    assert_accessible(page)
    add_ouder(
        page, jongere.dossier.pk, "Maria", "de Vries", "moeder", "Dorpsstraat", "1", "2711ab", "Zoetermeer"
    )
    add_ouder(page, jongere.dossier.pk, "Kees", "Bakker", "vader", "Stationsweg", "12a", "2611 AB", "Delft")
    ouders = page.get_by_role("list", name="Ouders en verzorgers")
    assert ouders.get_by_text("Dorpsstraat 1, 2711 AB  ZOETERMEER").is_visible()
    assert ouders.get_by_text("Stationsweg 12a, 2611 AB  DELFT").is_visible()
    assert (
        page.locator(".app-timeline")
        .get_by_text("Ouder/verzorger toegevoegd: Kees Bakker (vader)")
        .is_visible()
    )
    assert_accessible(page)

    page.goto(f"/meldingen/{melding.pk}/")
    page.get_by_role("link", name="Brief maken").click()
    page.get_by_label("Brief").select_option(label="Formele waarschuwing")
    page.get_by_role("button", name="Brief maken").click()
    page.get_by_text(
        "Er worden 2 brieven gemaakt, één per adres: aan Maria de Vries en aan Kees Bakker."
    ).wait_for()
    assert page.locator(".app-geadresseerde").get_by_text("Maria de Vries").is_visible()
    page.get_by_role("link", name="Brief downloaden").wait_for(timeout=60_000)
    assert_accessible(page)

    page.get_by_role("link", name="Brief aan Kees Bakker").click()
    assert page.locator(".app-geadresseerde").get_by_text("Kees Bakker").is_visible()
    page.get_by_role("link", name="Brief downloaden").wait_for(timeout=60_000)
    assert_accessible(page)

    brieven = {
        b.geadresseerde: pdf_text(b.document.bestand.read()) for b in Brief.objects.select_related("document")
    }
    assert set(brieven) == {"Maria de Vries", "Kees Bakker"}
    assert "Dorpsstraat 1" in brieven["Maria de Vries"] and "Kees Bakker" not in brieven["Maria de Vries"]
    assert "Stationsweg 12a" in brieven["Kees Bakker"] and "Maria de Vries" not in brieven["Kees Bakker"]
    assert "Geachte heer Bakker" in brieven["Kees Bakker"]
