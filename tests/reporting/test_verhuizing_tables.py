"""Jaarverslag: processen-verbaal counted by their named verdachte, and verhuizingen between
gemeenten counted from the overdracht records."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from cases.constants import ActieSoort
from cases.ouders.services import ouder_toevoegen
from cases.rules import Schooljaar
from cases.verhuizing.services import gemeente_voor, overdracht_in, overdracht_uit
from leerplicht import services
from reporting.tables import build_report
from tests.factories import JongereFactory, MeldingFactory

pytestmark = pytest.mark.django_db


def test_pv_by_verdachte_and_overdrachten_per_gemeente(organisatie_a, lpa_a):
    today = timezone.localdate()
    schooljaar = Schooljaar.of(today)
    ontvangen = max(schooljaar.first_day, today - timedelta(days=20))
    jongere = JongereFactory(organisatie=organisatie_a, geboortedatum=date(today.year - 14, 1, 1))
    ouder_toevoegen(actor=lpa_a, jongere=jongere, voornamen="Anna", achternaam="Bos")
    melding = MeldingFactory(dossier=jongere.dossier, soort="luxe", ontvangen_op=ontvangen)
    for soort in (ActieSoort.PROCES_VERBAAL_OUDER, ActieSoort.PROCES_VERBAAL_LEERLING):
        services.melding_actie_register(actor=lpa_a, melding_id=melding.pk, soort=soort, datum=ontvangen)
    # Handed over with two open meldingen; another jongere moved in.
    MeldingFactory(dossier=jongere.dossier, soort="zorg", ontvangen_op=ontvangen)
    delft = gemeente_voor(code="GM0503", naam="Delft")
    overdracht_uit(actor=lpa_a, dossier=jongere.dossier, gemeente=delft, datum=today)
    nieuw = JongereFactory(organisatie=organisatie_a)
    overdracht_in(actor=lpa_a, dossier=nieuw.dossier, gemeente=delft, datum=today)

    report = build_report(organisatie_a, schooljaar)

    pv = report.table("processen_verbaal_verdachte")
    assert [(r.label, r.values) for r in pv.rows] == [
        ("Zoetermeer", {"ouder": 1, "leerling": 1, "totaal": 2})
    ]
    verhuizingen = report.table("overdrachten")
    assert [(r.label, r.values) for r in verhuizingen.rows] == [
        ("Zoetermeer", {"overgedragen": 1, "meldingen": 2, "overgenomen": 1})
    ]
    # The closed meldingen count under their result in the summary.
    samenvatting = {r.label: r.values for r in report.table("resultaten_samenvatting").rows}
    assert 2 in samenvatting["Verhuisd"].values()
