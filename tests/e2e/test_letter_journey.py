"""A leerplichtambtenaar sends a waarschuwingsbrief from a melding and downloads it from the
dossier. A real Celery worker (subprocess) lays out the PDF, against the live server's database."""

import pytest

from cases.codelists import seed_codelists
from cases.constants import ActieSoort, Role
from cases.models import Document
from leerplicht.models import MeldingActie
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


def test_lpa_sends_a_waarschuwingsbrief_and_downloads_it_from_the_dossier(
    page, organisatie_a, celery_worker, assert_accessible
):
    seed_codelists(organisatie_a)
    lpa = UserFactory(
        username="lpa",
        first_name="Lotte",
        last_name="Pauwels",
        organisatie=organisatie_a,
        role=Role.LEERPLICHTAMBTENAAR,
    )
    jongere = JongereFactory(organisatie=organisatie_a, voornamen="Yara", achternaam="de Vries")
    melding = MeldingFactory(
        dossier=jongere.dossier, behandelaar=lpa, school=SchoolFactory(naam="Erasmus College")
    )

    page.goto(f"/meldingen/{melding.pk}/")
    page.get_by_label("Gebruikersnaam").fill("lpa")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    pass_second_factor(page, "lpa")

    page.get_by_role("link", name="Brief maken").click()
    page.get_by_role("heading", name="Brief maken").wait_for()
    page.get_by_label("Brief").select_option(label="Formele waarschuwing")
    page.get_by_role("button", name="Voorbeeld tonen").click()
    page.get_by_role("heading", name="Voorbeeld").wait_for()
    assert page.get_by_text("Waarschuwing schoolverzuim Yara de Vries").is_visible()
    assert_accessible(page)

    page.get_by_role("button", name="Brief maken").click()
    page.get_by_text("De brief wordt gemaakt. Daarna staat hij in het dossier.").wait_for()
    # htmx follows the worker until the letter is in the dossier.
    page.get_by_role("link", name="Brief downloaden").wait_for(timeout=60_000)
    assert_accessible(page)

    page.get_by_role("link", name="Dossier van Yara de Vries").click()
    page.get_by_role("heading", name="Yara de Vries").wait_for()
    timeline = page.locator(".app-timeline")
    assert timeline.get_by_text("Formele waarschuwing / waarschuwingsbrief").is_visible()
    assert_accessible(page)
    documenten = page.get_by_role("list", name="Documenten en brieven")
    with page.expect_download() as download_info:
        documenten.get_by_role("link", name="waarschuwing-").click()
    download = download_info.value
    assert download.suggested_filename.startswith("waarschuwing-")
    with open(download.path(), "rb") as pdf:
        assert "Yara de Vries" in pdf_text(pdf.read())

    link = MeldingActie.objects.get(melding=melding)
    assert link.actie.soort == ActieSoort.FORMELE_WAARSCHUWING and link.actie.gebruiker == lpa


def test_beheerder_edits_a_template_sees_the_preview_and_an_unknown_placeholder_is_refused(
    page, organisatie_a, assert_accessible
):
    UserFactory(username="beheerder", organisatie=organisatie_a, role=Role.FUNCTIONEEL_BEHEERDER)
    page.goto("/")
    page.get_by_label("Gebruikersnaam").fill("beheerder")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    pass_second_factor(page, "beheerder")

    page.get_by_role("navigation").get_by_role("link", name="Briefsjablonen").click()
    page.get_by_role("heading", name="Briefsjablonen").wait_for()
    assert_accessible(page)
    page.get_by_role("link", name="Uitnodiging verzuimgesprek").click()
    inhoud = page.get_by_label("Inhoud")
    inhoud.fill("Geachte {{ ouders.aanhef }},\n\nU bent welkom op {{ organisatie.naam }}.")
    page.get_by_role("button", name="Voorbeeld tonen").click()
    page.get_by_text("Geachte mevrouw de Voorbeeld,").wait_for()
    assert_accessible(page)

    page.get_by_label("Inhoud").fill("Beste {{ jongere.bsn }}")
    page.get_by_role("button", name="Opslaan").click()
    # In the error summary at the top (a link to the field) and next to the field.
    page.locator("#foutoverzicht").get_by_role("link", name="Inhoud: Onbekende plaatshouder").wait_for()
    assert (
        page.get_by_role("region", name="Sjabloon bewerken")
        .get_by_text("Onbekende plaatshouder: {{ jongere.bsn }}.")
        .is_visible()
    )
    assert_accessible(page)
    page.get_by_label("Inhoud").fill("Geachte {{ ouders.aanhef }},\n\nTot ziens.")
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_text("Het sjabloon is opgeslagen.").wait_for()
