"""DUO's weekly and monthly deliveries and the Inlichtingenbureau's list, into the inbox."""

import json
from datetime import date

import pytest
from django.urls import reverse

from cases.verhuizing.services import gemeente_voor
from doorstroom.models import Traject
from koppelingen import services as inbox
from koppelingen.constants import Bron, RunStatus, Voorstel
from koppelingen.duo import levering
from koppelingen.inlichtingenbureau import service as ib
from koppelingen.models import Signaal
from leerplicht.constants import MeldingSoort
from leerplicht.models import Melding
from tests.factories import JongereFactory, SchoolFactory

pytestmark = pytest.mark.django_db


def _leerling(bsn: str, geboren: date, gemeentecode="GM0637") -> dict:
    return {
        "bsn": bsn,
        "voornamen": "Test",
        "achternaam": "Persoon",
        "geboortedatum": geboren.isoformat(),
        "gemeentecode": gemeentecode,
    }


def _jaren_geleden(jaren: int, dagen: int = 30) -> date:
    today = date.today()
    return date(today.year - jaren, today.month, 1) - __import__("datetime").timedelta(days=dagen)


def test_a_weekly_move_out_proposes_an_overdracht_and_accepting_hands_the_dossier_over(client, org, lpa):
    jongere = JongereFactory(organisatie=org, bsn="111222333")
    gemeente_voor(code="GM0599", naam="Rotterdam")
    document = {
        "formaat": "duo-levering-wekelijks/1",
        "mutaties": [
            {
                "mutatie_id": "P-2026-48-1",
                "soort": "verhuisd_buiten",
                "datum": date.today().isoformat(),
                "leerling": _leerling("111222333", date(2012, 3, 14)),
                "nieuwe_gemeente": {"code": "GM0599", "naam": "Rotterdam"},
            }
        ],
    }
    run = levering.document_verwerken(
        organisatie=org, inhoud=json.dumps(document).encode(), soort="wekelijks", via="upload"
    )
    assert (run.status, run.nieuw) == (RunStatus.GESLAAGD, 1)
    signaal = Signaal.objects.get()
    assert (signaal.bron, signaal.voorstel, signaal.jongere, signaal.doorsturen) == (
        Bron.DUO_LEVERING,
        Voorstel.OVERDRACHT_VERHUISD,
        jongere,
        False,
    )
    client.force_login(lpa)
    client.post(reverse("signaal_accepteren", args=[signaal.pk]), {})
    jongere.dossier.refresh_from_db()
    assert jongere.dossier.overgedragen_op is not None
    assert jongere.dossier.overdrachten.get().gemeente.code == "GM0599"


def test_weekly_enrolment_changes_become_the_school_history_once(client, org, lpa):
    jongere = JongereFactory(organisatie=org, bsn="111222333")
    SchoolFactory(brin="31ZZ", vestiging="07", naam="Oranje Nassau College")

    def mutatie(mutatie_id, soort, tot=None):
        return {
            "mutatie_id": mutatie_id,
            "soort": soort,
            "datum": date.today().isoformat(),
            "leerling": _leerling("111222333", date(2012, 3, 14)),
            "school": {"brin": "31ZZ", "vestiging": "07"},
            "onderwijssoort": "havo",
            "inschrijving": {"van": "2025-08-25", **({"tot": tot} if tot else {})},
        }

    def accept_all(mutaties):
        document = {"formaat": "duo-levering-wekelijks/1", "mutaties": mutaties}
        levering.document_verwerken(
            organisatie=org, inhoud=json.dumps(document).encode(), soort="wekelijks", via="upload"
        )
        client.force_login(lpa)
        for signaal in Signaal.objects.filter(voorstel=Voorstel.SCHOOLGESCHIEDENIS, status="wachtend"):
            client.post(reverse("signaal_accepteren", args=[signaal.pk]), {})

    accept_all([mutatie("P-1", "inschrijving_nieuw")])
    (inschrijving,) = jongere.inschrijvingen.all()
    assert (inschrijving.school.naam, inschrijving.onderwijssoort, inschrijving.van, inschrijving.tot) == (
        "Oranje Nassau College",
        "havo",
        date(2025, 8, 25),
        None,
    )
    # The same file again adds nothing; the end of the enrolment fills its end date.
    accept_all([mutatie("P-1", "inschrijving_nieuw"), mutatie("P-2", "inschrijving_beeindigd", "2026-03-31")])
    (inschrijving,) = jongere.inschrijvingen.all()
    assert inschrijving.tot == date(2026, 3, 31)


def test_a_monthly_uitschrijving_of_a_15_year_old_without_enrolment_proposes_absoluut_verzuim(
    client, org, lpa
):
    geboren = _jaren_geleden(15)
    document = {
        "formaat": "duo-uitschrijvingen-maand/1",
        "uitschrijvingen": [
            {
                "id": "U-2026-11-7",
                "uitgeschreven_op": date.today().isoformat(),
                "leerling": _leerling("111222345", geboren),
                "nieuwe_inschrijving": False,
                "vrijstelling": False,
            },
            {
                "id": "U-2026-11-8",
                "uitgeschreven_op": date.today().isoformat(),
                "leerling": _leerling("111222357", geboren),
                "nieuwe_inschrijving": True,
                "vrijstelling": False,
            },
        ],
    }
    levering.document_verwerken(
        organisatie=org, inhoud=json.dumps(document).encode(), soort="maandelijks", via="upload"
    )
    signalen = dict(Signaal.objects.values_list("extern_id", "voorstel"))
    assert signalen == {"U-2026-11-7": Voorstel.NIEUWE_MELDING, "U-2026-11-8": Voorstel.GEEN}
    signaal = Signaal.objects.get(extern_id="U-2026-11-7")
    assert signaal.gegevens["soort"] == MeldingSoort.ABSOLUUT
    assert "Uitgeschreven op 15 jaar" in signaal.toelichting
    client.force_login(lpa)
    client.post(reverse("signaal_accepteren", args=[signaal.pk]), {"soort": MeldingSoort.ABSOLUUT})
    melding = Melding.objects.get()
    assert (melding.soort, melding.dossier.jongere.bsn) == (MeldingSoort.ABSOLUUT, "111222345")


def test_the_inlichtingenbureau_list_becomes_jongeren_in_beeld_signals(org, lpa):
    document = {
        "formaat": "ib-jongeren-in-beeld/1",
        "jongeren": [
            {
                "id": "IB-2026-11-1",
                "peildatum": date.today().isoformat(),
                "leerling": _leerling("111222369", _jaren_geleden(24)),
            },
        ],
    }
    inhoud = json.dumps(document).encode()
    assert ib.document_verwerken(organisatie=org, inhoud=inhoud, via="upload").nieuw == 1
    assert ib.document_verwerken(organisatie=org, inhoud=inhoud, via="upload").nieuw == 0
    signaal = Signaal.objects.get()
    assert (signaal.bron, signaal.voorstel) == (Bron.INLICHTINGENBUREAU, Voorstel.NIEUW_TRAJECT)
    inbox.signaal_accepteren(actor=lpa, signaal_id=signaal.pk)
    traject = Traject.objects.get()
    assert (traject.doelgroep, traject.extern_id) == ("jongeren_in_beeld", "IB-2026-11-1")


def test_an_unknown_kind_of_change_refuses_the_file_in_dutch(org):
    document = {
        "formaat": "duo-levering-wekelijks/1",
        "mutaties": [
            {
                "mutatie_id": "X",
                "soort": "geboren",
                "datum": "2026-11-01",
                "leerling": _leerling("111222333", date(2012, 1, 1)),
            }
        ],
    }
    run = levering.document_verwerken(
        organisatie=org, inhoud=json.dumps(document).encode(), soort="wekelijks", via="upload"
    )
    assert run.status == RunStatus.MISLUKT
    assert "Rij 1: onbekende mutatie 'geboren'" in run.fout
    assert Signaal.objects.count() == 0
