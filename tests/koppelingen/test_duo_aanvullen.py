"""A DUO verzuimmelding for a jongere who already has an open melding of the same soort is
proposed as an addition to that melding; the LPA may still make a new melding."""

import pytest
from django.urls import reverse

from cases.constants import Codelijst
from cases.models import CodeItem
from koppelingen import services as inbox
from koppelingen.constants import DuoStatus, SignaalStatus, Voorstel
from koppelingen.duo import service
from koppelingen.models import Signaal, Uitbericht
from leerplicht import services as leerplicht_services
from leerplicht.constants import Fase
from leerplicht.models import Melding
from tests.koppelingen.documenten import NOOR, duo_bytes, duo_melding

pytestmark = pytest.mark.django_db


def _ontvang_en_accepteer(org, lpa, *meldingen):
    service.document_verwerken(organisatie=org, inhoud=duo_bytes(*meldingen), via="upload")
    for signaal in Signaal.objects.filter(status=SignaalStatus.WACHTEND).order_by("pk"):
        inbox.signaal_accepteren(actor=lpa, signaal_id=signaal.pk)


@pytest.fixture
def open_melding(org, lpa):
    """Noor's first 16-hour melding from DUO, accepted: an open melding with DUO's number."""
    _ontvang_en_accepteer(org, lpa, duo_melding("VM-1", NOOR, "16_uur", uren=18))
    return Melding.objects.get()


def _naar_school(org):
    return CodeItem.objects.get(organisatie=org, lijst=Codelijst.RESULTAAT_RELATIEF, label="Naar school")


def _tweede(**extra):
    return duo_melding(
        "VM-2", NOOR, "16_uur", uren=20, periode={"van": "2026-11-02", "tot": "2026-11-27"}, **extra
    )


def test_a_second_melding_of_the_same_soort_is_proposed_as_an_addition(client, org, lpa, open_melding):
    service.document_verwerken(organisatie=org, inhoud=duo_bytes(_tweede()), via="upload")
    signaal = Signaal.objects.get(extern_id="VM-2")
    assert signaal.voorstel == Voorstel.MELDING_AANVULLEN
    client.force_login(lpa)
    page = client.get(reverse("signaal", args=[signaal.pk])).content.decode()
    assert "Toevoegen aan open melding" in page
    assert "Er loopt al een melding relatief verzuim" in page
    assert reverse("melding", args=[open_melding.pk]) in page
    assert "Nieuwe melding maken" in page  # the LPA may choose otherwise

    response = client.post(reverse("signaal_accepteren", args=[signaal.pk]), {"uitvoeren": "aanvullen"})
    assert response.status_code == 302
    assert response["Location"] == reverse("melding", args=[open_melding.pk])
    assert Melding.objects.count() == 1
    melding_page = client.get(response["Location"]).content.decode()
    assert "Nieuwe verzuimmelding van DUO (nummer VM-2" in melding_page
    assert "Verzuimperiode 2 november 2026 t/m 27 november 2026. 20 uur ongeoorloofd verzuim." in melding_page
    dossier_page = client.get(reverse("dossier", args=[open_melding.dossier.pk])).content.decode()
    assert "VM-2" in dossier_page

    # Reading the same file again changes nothing; a new melding with that number is refused.
    service.document_verwerken(organisatie=org, inhoud=duo_bytes(_tweede()), via="upload")
    assert Signaal.objects.count() == 2 and Melding.objects.count() == 1
    assert open_melding.acties.filter(duo_meldingnummer="VM-2").count() == 1
    assert leerplicht_services.duo_nummer_bekend(org.pk, "VM-2")


def test_the_lpa_may_make_a_new_melding_instead(client, org, lpa, open_melding):
    service.document_verwerken(organisatie=org, inhoud=duo_bytes(_tweede()), via="upload")
    signaal = Signaal.objects.get(extern_id="VM-2")
    client.force_login(lpa)
    response = client.post(
        reverse("signaal_accepteren", args=[signaal.pk]),
        {"uitvoeren": "nieuwe_melding", "soort": "relatief_wettelijk"},
    )
    nieuw = Melding.objects.get(duo_meldingnummer="VM-2")
    assert response["Location"] == reverse("melding", args=[nieuw.pk])
    assert Melding.objects.count() == 2
    assert not open_melding.acties.exclude(duo_meldingnummer="").exists()


def test_luxe_verzuim_and_another_soort_stay_a_new_melding(org, lpa, open_melding):
    service.document_verwerken(
        organisatie=org,
        inhoud=duo_bytes(
            duo_melding("VM-3", NOOR, "luxe", dagen=2), duo_melding("VM-4", NOOR, "langdurig_relatief")
        ),
        via="upload",
    )
    assert set(Signaal.objects.filter(extern_id__in=["VM-3", "VM-4"]).values_list("voorstel", flat=True)) == {
        Voorstel.NIEUWE_MELDING
    }


def test_a_closed_melding_is_not_added_to(client, org, lpa, open_melding):
    service.document_verwerken(organisatie=org, inhoud=duo_bytes(_tweede()), via="upload")
    signaal = Signaal.objects.get(extern_id="VM-2")
    resultaat = _naar_school(org)
    leerplicht_services.melding_transition(
        actor=lpa,
        melding_id=open_melding.pk,
        versie=None,
        naar=Fase.AFGESLOTEN,
        reden="Klaar",
        resultaat=resultaat,
    )
    client.force_login(lpa)
    response = client.post(
        reverse("signaal_accepteren", args=[signaal.pk]), {"uitvoeren": "aanvullen"}, follow=True
    )
    assert (
        "De open melding is inmiddels afgesloten; kies &#x27;Nieuwe melding&#x27;"
        in response.content.decode()
    )
    signaal.refresh_from_db()
    assert signaal.status == SignaalStatus.WACHTEND
    assert open_melding.acties.count() == 0


def test_duo_hears_about_the_added_number_with_the_melding(org, lpa, open_melding):
    leerplicht_services.melding_transition(
        actor=lpa, melding_id=open_melding.pk, versie=None, naar=Fase.ANALYSEREN
    )
    _ontvang_en_accepteer(org, lpa, _tweede())
    assert list(Uitbericht.objects.order_by("pk").values_list("duo_meldingnummer", "duo_status")) == [
        ("VM-1", DuoStatus.IN_BEHANDELING),
        ("VM-2", DuoStatus.IN_BEHANDELING),
    ]
    resultaat = _naar_school(org)
    leerplicht_services.melding_transition(
        actor=lpa,
        melding_id=open_melding.pk,
        versie=None,
        naar=Fase.AFGESLOTEN,
        reden="Klaar",
        resultaat=resultaat,
    )
    afgesloten = Uitbericht.objects.filter(duo_status=DuoStatus.AFGESLOTEN).order_by("pk")
    assert list(afgesloten.values_list("duo_meldingnummer", "reden")) == [
        ("VM-1", "terug_naar_school"),
        ("VM-2", "terug_naar_school"),
    ]
