"""Accepting a death or a startkwalificatie does the work: open meldingen, aanvragen and
trajecten are closed through the team apps' services, each visible on the dossier."""

import json
from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from doorstroom.constants import Doelgroep, Stap
from doorstroom.models import Traject
from koppelingen import services as inbox
from koppelingen.constants import Bron, SignaalStatus, Voorstel
from koppelingen.duo import levering
from koppelingen.models import AutomatischToepassen, Signaal
from koppelingen.services import Record
from leerplicht import services as leerplicht_services
from leerplicht import vrijstellingen
from leerplicht.constants import Besluit, Fase, Grondslag
from leerplicht.models import Melding, Vrijstelling
from leerplicht.services import MeldingGegevens
from tests.doorstroom.factories import TrajectFactory
from tests.factories import JongereFactory

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def _geboren(jaren: int) -> date:
    return date(TODAY.year - jaren, TODAY.month, 1) - timedelta(days=40)


@pytest.fixture
def jongere_met_open_werk(org, lpa):
    """A 17-year-old (past the volledige leerplicht, still kwalificatieplichtig) with an open
    melding, an aanvraag vrijstelling in behandeling and an open traject."""
    jongere = JongereFactory(organisatie=org, bsn="111222333", geboortedatum=_geboren(17))
    melding = leerplicht_services.melding_register(
        actor=lpa,
        dossier=jongere.dossier,
        data=MeldingGegevens(
            soort="relatief_wettelijk", ontvangen_op=TODAY - timedelta(days=20), uren_verzuim=20
        ),
        confirmed=True,
    )
    leerplicht_services.melding_transition(
        actor=lpa, melding_id=melding.pk, versie=None, naar=Fase.ANALYSEREN
    )
    vrijstellingen.vrijstelling_request(
        actor=lpa,
        dossier=jongere.dossier,
        grondslag=Grondslag.ART5A,
        aangevraagd_op=TODAY - timedelta(days=10),
        onderwijs="vo",
    )
    TrajectFactory(dossier=jongere.dossier, doelgroep=Doelgroep.VERZUIM_18PLUS, stap=Stap.INTAKE_PLANNEN)
    return jongere


def _wekelijks(org, soort: str, jongere, datum: date, mutatie_id="P-1"):
    document = {
        "formaat": "duo-levering-wekelijks/1",
        "mutaties": [
            {
                "mutatie_id": mutatie_id,
                "soort": soort,
                "datum": datum.isoformat(),
                "leerling": {
                    "bsn": jongere.bsn,
                    "voornamen": jongere.voornamen,
                    "achternaam": jongere.achternaam,
                    "geboortedatum": jongere.geboortedatum.isoformat(),
                    "gemeentecode": jongere.woongemeente.code,
                },
            }
        ],
    }
    levering.document_verwerken(
        organisatie=org, inhoud=json.dumps(document).encode(), soort="wekelijks", via="upload"
    )
    return Signaal.objects.get(extern_id=mutatie_id)


def test_accepting_a_death_closes_all_open_work_and_the_dossier_says_so(
    client, org, lpa, jongere_met_open_werk
):
    jongere = jongere_met_open_werk
    overleden_op = TODAY - timedelta(days=2)
    signaal = _wekelijks(org, "overleden", jongere, overleden_op)
    assert signaal.voorstel == Voorstel.AFSLUITEN_OVERLEDEN
    client.force_login(lpa)
    response = client.post(reverse("signaal_accepteren", args=[signaal.pk]), {})
    assert response["Location"] == reverse("dossier", args=[jongere.dossier.pk])

    melding = Melding.objects.get(dossier=jongere.dossier)
    assert (melding.fase, melding.resultaat.label, melding.afgesloten_op) == (
        Fase.AFGESLOTEN,
        "Overleden",
        overleden_op,
    )
    aanvraag = Vrijstelling.objects.get(dossier=jongere.dossier)
    assert (aanvraag.besluit, aanvraag.besluit_op) == (Besluit.INGETROKKEN, overleden_op)
    traject = Traject.objects.get(dossier=jongere.dossier)
    assert (traject.afgesloten_op, traject.stap, traject.nazorg_op) == (overleden_op, Stap.AFSLUITEN, None)

    page = client.get(response["Location"]).content.decode()
    datum = f"{overleden_op.day} "
    assert "DUO leveringen meldt dat de jongere op " + datum in page
    assert "1 melding(en) afgesloten, 1 aanvraag/aanvragen ingetrokken, 1 traject(en) afgesloten." in page
    assert "De jongere is op " + datum in page  # the melding's closing reason on the timeline
    assert "Traject afgesloten: de jongere is op " + datum in page
    signaal.refresh_from_db()
    assert signaal.status == SignaalStatus.TOEGEPAST


def test_a_death_switched_to_automatic_is_applied_on_arrival(org, lpa, jongere_met_open_werk):
    AutomatischToepassen.objects.create(organisatie=org, voorstel=Voorstel.AFSLUITEN_OVERLEDEN)
    signaal = _wekelijks(org, "overleden", jongere_met_open_werk, TODAY)
    assert signaal.status == SignaalStatus.AUTOMATISCH
    assert not Melding.objects.open().exists()
    assert not Traject.objects.open().exists()


def test_a_death_reported_by_the_brp_is_applied_the_same_way(org, lpa, jongere_met_open_werk):
    overleden_op = TODAY - timedelta(days=1)
    inbox.signalen_ontvangen(
        organisatie=org,
        bron=Bron.BRP,
        records=[
            Record(
                extern_id=f"overleden-{jongere_met_open_werk.pk}",
                soort="overlijden",
                inhoud={"overlijden": {"datum": {"type": "Datum", "datum": overleden_op.isoformat()}}},
                gegevens={"datum": overleden_op.isoformat()},
                voorstel=Voorstel.AFSLUITEN_OVERLEDEN,
                bsn=jongere_met_open_werk.bsn,
            )
        ],
        via="brp",
    )
    signaal = Signaal.objects.get()
    inbox.signaal_accepteren(actor=lpa, signaal_id=signaal.pk)
    assert Melding.objects.get().resultaat.label == "Overleden"
    assert Traject.objects.get().afgesloten_op == overleden_op


def test_a_death_of_an_unknown_jongere_is_refused_in_dutch(client, org, lpa):
    onbekend = JongereFactory.build(organisatie=org, bsn="111222345", geboortedatum=_geboren(12))
    onbekend.woongemeente = org.gemeenten.first()
    signaal = _wekelijks(org, "overleden", onbekend, TODAY)
    client.force_login(lpa)
    response = client.post(reverse("signaal_accepteren", args=[signaal.pk]), {}, follow=True)
    assert (
        "niet bekend bij uw organisatie: er is geen open werk om af te sluiten" in response.content.decode()
    )
    assert not org.jongeren.exists()


def test_a_startkwalificatie_ends_kwalificatieplicht_and_closes_open_work(
    client, org, lpa, jongere_met_open_werk
):
    jongere = jongere_met_open_werk
    behaald_op = TODAY - timedelta(days=3)
    signaal = _wekelijks(org, "startkwalificatie", jongere, behaald_op)
    assert signaal.voorstel == Voorstel.STARTKWALIFICATIE
    client.force_login(lpa)
    response = client.post(reverse("signaal_accepteren", args=[signaal.pk]), {})
    jongere.refresh_from_db()
    assert jongere.startkwalificatie_op == behaald_op
    melding = Melding.objects.get()
    assert (melding.fase, melding.resultaat.label) == (Fase.AFGESLOTEN, "Startkwalificatie behaald")
    traject = Traject.objects.get()
    assert traject.afgesloten_op == behaald_op and traject.verzuim_afloop == "voortgezet"
    # An aanvraag is no "open traject": it stays for the LPA to decide.
    assert Vrijstelling.objects.get().besluit == ""
    page = client.get(response["Location"]).content.decode()
    assert "meldt een startkwalificatie op" in page and "(art. 4a Leerplichtwet 1969)" in page
    assert "1 melding(en) afgesloten, 1 traject(en) afgesloten." in page
    assert "Startkwalificatie behaald" in page


def test_a_startkwalificatie_does_not_end_the_volledige_leerplicht(org, lpa):
    jongere = JongereFactory(organisatie=org, bsn="111222333", geboortedatum=_geboren(14))
    leerplicht_services.melding_register(
        actor=lpa,
        dossier=jongere.dossier,
        data=MeldingGegevens(
            soort="relatief_wettelijk", ontvangen_op=TODAY - timedelta(days=5), uren_verzuim=20
        ),
        confirmed=True,
    )
    signaal = _wekelijks(org, "startkwalificatie", jongere, TODAY)
    inbox.signaal_accepteren(actor=lpa, signaal_id=signaal.pk)
    jongere.refresh_from_db()
    assert jongere.startkwalificatie_op == TODAY
    assert Melding.objects.get().fase == Fase.WAARNEMEN
