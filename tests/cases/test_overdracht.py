"""Verhuizing between gemeenten: handing a dossier over (read-only afterwards) and taking over."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from cases.constants import ActieSoort, OverdrachtRichting
from cases.models import Actie, CodeItem, Overdracht
from cases.ouder_services import ouder_toevoegen
from cases.overdracht import DossierAlleenLezen, gemeente_voor, overdracht_in, overdracht_uit
from leerplicht.constants import Fase
from tests.factories import MeldingFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def delft(db):
    return gemeente_voor(code="GM0503", naam="Delft")


def _overdragen(client, dossier, **extra):
    data = {
        "overdracht-gemeente_code": "GM0503",
        "overdracht-gemeente_naam": "Delft",
        "overdracht-datum": (date.today() - timedelta(days=3)).isoformat(),
        "overdracht-toelichting": "Nieuwe school volgt.",
        **extra,
    }
    return client.post(reverse("dossier_overdragen", args=[dossier.pk]), data, follow=True)


def test_overdracht_closes_open_meldingen_stores_a_summary_and_locks_the_dossier(client, lpa_a, jongere_a):
    dossier = jongere_a.dossier
    open_melding = MeldingFactory(dossier=dossier, ontvangen_op=date.today() - timedelta(days=20))
    closed = MeldingFactory(dossier=dossier, afgesloten=True, ontvangen_op=date(2025, 1, 6))
    ouder_toevoegen(actor=lpa_a, jongere=jongere_a, voornamen="Maria", achternaam="Visser", postcode="2711AB")
    client.force_login(lpa_a)

    page = _overdragen(client, dossier).content.decode()

    assert "Het dossier is overgedragen aan de gemeente Delft" in page
    assert "Dit dossier is alleen te lezen." in page
    open_melding.refresh_from_db()
    assert open_melding.fase == Fase.AFGESLOTEN
    assert open_melding.resultaat.label == "Overdracht andere gemeente"
    assert open_melding.afgesloten_op == date.today() - timedelta(days=3)
    closed_before = closed.afgesloten_op
    closed.refresh_from_db()
    assert closed.afgesloten_op == closed_before
    overdracht = Overdracht.objects.get()
    assert (overdracht.richting, overdracht.gemeente.naam, overdracht.gesloten_meldingen) == (
        OverdrachtRichting.UIT,
        "Delft",
        1,
    )
    summary = overdracht.document
    assert summary.content_type == "application/pdf"
    assert summary.bestand.open("rb").read(5) == b"%PDF-"
    assert "Samenvatting voor de gemeente Delft" in page
    assert Actie.objects.filter(dossier=dossier, soort=ActieSoort.OVERDRACHT).exists()


def test_the_handed_over_dossier_refuses_every_write_with_a_reason(client, lpa_a, jongere_a):
    dossier = jongere_a.dossier
    ouder = ouder_toevoegen(actor=lpa_a, jongere=jongere_a, voornamen="Maria", achternaam="Visser")
    client.force_login(lpa_a)
    _overdragen(client, dossier)
    acties_before = Actie.objects.count()

    page = client.post(
        reverse("actie_toevoegen", args=[dossier.pk]),
        {"soort": ActieSoort.HUISBEZOEK, "datum": date.today().isoformat()},
        follow=True,
        HTTP_REFERER=reverse("dossier", args=[dossier.pk]),
    ).content.decode()
    assert "overgedragen aan een andere gemeente en kan niet meer worden gewijzigd" in page
    assert Actie.objects.count() == acties_before

    response = client.post(reverse("ouder_verwijderen", args=[ouder.pk]), {"versie": 1}, follow=True)
    assert "kan niet meer worden gewijzigd" in response.content.decode()
    ouder.refresh_from_db()
    assert ouder.actief

    with pytest.raises(DossierAlleenLezen):
        MeldingFactory(dossier=dossier)
    # The forms to change it are gone from the page.
    page = client.get(reverse("dossier", args=[dossier.pk])).content.decode()
    assert "Ouder of verzorger toevoegen" not in page
    assert "Actie vastleggen" not in page


def test_a_gemeente_of_the_own_organisation_is_not_an_overdracht(lpa_a, jongere_a):
    with pytest.raises(ValidationError) as error:
        overdracht_uit(
            actor=lpa_a, dossier=jongere_a.dossier, gemeente=jongere_a.woongemeente, datum=date.today()
        )
    assert "eigen organisatie" in error.value.message_dict["gemeente"][0]
    assert jongere_a.dossier.overgedragen_op is None


def test_the_result_is_added_to_a_code_list_that_lacks_it(lpa_a, jongere_a, delft):
    CodeItem.objects.filter(organisatie=jongere_a.organisatie, label="Overdracht andere gemeente").delete()
    melding = MeldingFactory(dossier=jongere_a.dossier, ontvangen_op=date.today() - timedelta(days=5))

    overdracht_uit(actor=lpa_a, dossier=jongere_a.dossier, gemeente=delft, datum=date.today())

    melding.refresh_from_db()
    assert melding.resultaat.label == "Overdracht andere gemeente"
    assert melding.resultaat.samenvatting == "Verhuisd"


def test_moving_in_attaches_the_previous_summary_and_a_return_unlocks(lpa_a, jongere_a, delft):
    dossier = jongere_a.dossier
    overdracht_uit(actor=lpa_a, dossier=dossier, gemeente=delft, datum=date.today() - timedelta(days=30))
    upload = SimpleUploadedFile("samenvatting-delft.pdf", b"%PDF-1.4 test", content_type="application/pdf")

    terug = overdracht_in(
        actor=lpa_a, dossier=dossier, gemeente=delft, datum=date.today(), samenvatting=upload
    )

    dossier.refresh_from_db()
    assert dossier.overgedragen_op is None
    assert terug.document.naam == "samenvatting-delft.pdf"
    assert terug.document.omschrijving == "Samenvatting van de gemeente Delft"
    MeldingFactory(dossier=dossier)  # writable again


def test_a_summary_of_a_forbidden_type_is_refused(lpa_a, jongere_a, delft):
    upload = SimpleUploadedFile("x.exe", b"MZ", content_type="application/x-msdownload")
    with pytest.raises(ValidationError) as error:
        overdracht_in(
            actor=lpa_a, dossier=jongere_a.dossier, gemeente=delft, datum=date.today(), samenvatting=upload
        )
    assert "bestandstype is niet toegestaan" in error.value.message_dict["samenvatting"][0]
    assert not Overdracht.objects.exists()
