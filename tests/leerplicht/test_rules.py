"""Proces-verbaal age, Halt, leave days, 5a documents and the thuiszitter signal."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from cases.constants import ActieSoort
from cases.ouder_services import ouder_toevoegen
from leerplicht import services, vrijstellingen
from leerplicht.constants import Besluit, Grondslag, MeldingSoort
from leerplicht.rules import is_mogelijk_thuiszitter
from tests.factories import JongereFactory, MeldingFactory

pytestmark = pytest.mark.django_db


def melding_for(org, birth, **kwargs):
    return MeldingFactory(dossier=JongereFactory(organisatie=org, geboortedatum=birth).dossier, **kwargs)


class TestProcesVerbaal:
    def test_against_a_pupil_of_11_is_refused(self, org, lpa):
        melding = melding_for(org, date(2014, 6, 1), soort=MeldingSoort.LUXE, ontvangen_op=date(2026, 5, 1))
        with pytest.raises(ValidationError, match="pas vanaf 12 jaar; deze leerling is 11"):
            services.melding_actie_register(
                actor=lpa,
                melding_id=melding.pk,
                soort=ActieSoort.PROCES_VERBAAL_LEERLING,
                datum=date(2026, 5, 31),
            )
        melding.refresh_from_db()
        assert not melding.proces_verbaal and not melding.acties.exists()

    def test_against_a_pupil_on_the_12th_birthday_is_allowed(self, org, lpa):
        melding = melding_for(org, date(2014, 6, 1), soort=MeldingSoort.LUXE, ontvangen_op=date(2026, 5, 1))
        services.melding_actie_register(
            actor=lpa, melding_id=melding.pk, soort=ActieSoort.PROCES_VERBAAL_LEERLING, datum=date(2026, 6, 1)
        )
        melding.refresh_from_db()
        assert melding.proces_verbaal
        assert list(melding.routes.values_list("route", flat=True)) == ["strafrechtelijk"]

    def test_against_a_parent_has_no_age_limit(self, org, lpa):
        melding = melding_for(org, date(2019, 6, 1), soort=MeldingSoort.LUXE, ontvangen_op=date(2025, 10, 1))
        # The verdachte is a named ouder (tests/leerplicht/test_proces_verbaal.py).
        ouder_toevoegen(actor=lpa, jongere=melding.dossier.jongere, voornamen="Anna", achternaam="Bos")
        services.melding_actie_register(
            actor=lpa, melding_id=melding.pk, soort=ActieSoort.PROCES_VERBAAL_OUDER, datum=date(2025, 10, 10)
        )
        melding.refresh_from_db()
        assert melding.proces_verbaal


class TestHalt:
    @pytest.mark.parametrize(
        ("uren", "instemming", "error"),
        [
            (60, True, None),
            (61, True, "tot en met 60 uur; deze melding heeft 61 uur"),
            (30, False, "instemming van de ouder"),
        ],
    )
    def test_halt_rule(self, org, lpa, uren, instemming, error):
        melding = melding_for(org, date(2011, 1, 1), uren_verzuim=uren)
        call = {
            "actor": lpa,
            "melding_id": melding.pk,
            "soort": ActieSoort.HALT_VERWIJZING,
            "datum": date(2025, 10, 5),
            "ouders_instemming": instemming,
        }
        if error:
            with pytest.raises(ValidationError, match=error):
                services.melding_actie_register(**call)
        else:
            services.melding_actie_register(**call)
        melding.refresh_from_db()
        assert melding.halt_verwijzing is (error is None)


def request_verlof(org, lpa, grondslag, dagen=None, birth=date(2012, 1, 1), **kwargs):
    return vrijstellingen.vrijstelling_request(
        actor=lpa,
        dossier=JongereFactory(organisatie=org, geboortedatum=birth).dossier,
        grondslag=grondslag,
        aangevraagd_op=date(2025, 9, 1),
        onderwijs="po",
        verlof_dagen=dagen,
        **kwargs,
    )


class TestLeaveDays:
    def test_up_to_10_days_is_the_schoolhoofds_decision(self, org, lpa):
        aanvraag = request_verlof(org, lpa, Grondslag.ART11G, dagen=10)
        with pytest.raises(ValidationError, match="beslist het schoolhoofd"):
            vrijstellingen.vrijstelling_decide(
                actor=lpa,
                vrijstelling_id=aanvraag.pk,
                versie=None,
                besluit=Besluit.VERLEEND,
                besluit_op=date(2025, 9, 5),
                geldig_van=date(2025, 9, 8),
            )
        decided = vrijstellingen.vrijstelling_decide(
            actor=lpa,
            vrijstelling_id=aanvraag.pk,
            versie=None,
            besluit=Besluit.NAAR_SCHOOLHOOFD,
            besluit_op=date(2025, 9, 5),
        )
        assert decided.besluit == Besluit.NAAR_SCHOOLHOOFD

    def test_more_than_10_days_is_the_lpas_decision(self, org, lpa):
        aanvraag = request_verlof(org, lpa, Grondslag.ART11G, dagen=11)
        with pytest.raises(ValidationError, match="beslist de leerplichtambtenaar"):
            vrijstellingen.vrijstelling_decide(
                actor=lpa,
                vrijstelling_id=aanvraag.pk,
                versie=None,
                besluit=Besluit.NAAR_SCHOOLHOOFD,
                besluit_op=date(2025, 9, 5),
            )
        decided = vrijstellingen.vrijstelling_decide(
            actor=lpa,
            vrijstelling_id=aanvraag.pk,
            versie=None,
            besluit=Besluit.VERLEEND,
            besluit_op=date(2025, 9, 5),
            geldig_van=date(2025, 9, 8),
        )
        assert decided.besluit == Besluit.VERLEEND

    def test_leave_for_a_parents_profession_is_at_most_10_days_once_a_schooljaar(self, org, lpa):
        te_lang = request_verlof(org, lpa, Grondslag.ART11F, dagen=11)
        with pytest.raises(ValidationError, match="ten hoogste 10 schooldagen"):
            vrijstellingen.vrijstelling_decide(
                actor=lpa,
                vrijstelling_id=te_lang.pk,
                versie=None,
                besluit=Besluit.VERLEEND,
                besluit_op=date(2025, 9, 5),
                geldig_van=date(2025, 9, 8),
            )
        eerste = request_verlof(org, lpa, Grondslag.ART11F, dagen=5)
        vrijstellingen.vrijstelling_decide(
            actor=lpa,
            vrijstelling_id=eerste.pk,
            versie=None,
            besluit=Besluit.VERLEEND,
            besluit_op=date(2025, 9, 5),
            geldig_van=date(2025, 10, 1),
        )
        tweede = vrijstellingen.vrijstelling_request(
            actor=lpa,
            dossier=eerste.dossier,
            grondslag=Grondslag.ART11F,
            aangevraagd_op=date(2025, 11, 1),
            onderwijs="po",
            verlof_dagen=3,
        )
        with pytest.raises(ValidationError, match="maar één keer per schooljaar"):
            vrijstellingen.vrijstelling_decide(
                actor=lpa,
                vrijstelling_id=tweede.pk,
                versie=None,
                besluit=Besluit.VERLEEND,
                besluit_op=date(2025, 11, 5),
                geldig_van=date(2026, 3, 1),
            )


def test_5a_needs_a_doctors_statement_before_it_is_granted(org, lpa):
    aanvraag = request_verlof(org, lpa, Grondslag.ART5A)
    decide = {
        "actor": lpa,
        "vrijstelling_id": aanvraag.pk,
        "versie": None,
        "besluit": Besluit.VERLEEND,
        "besluit_op": date(2025, 9, 20),
        "geldig_van": date(2025, 10, 1),
        "geldig_tot": date(2026, 7, 31),
    }
    with pytest.raises(ValidationError, match="verklaring van een onafhankelijk arts"):
        vrijstellingen.vrijstelling_decide(**decide)
    upload = SimpleUploadedFile("advies-arts.pdf", b"%PDF-1.4 advies", content_type="application/pdf")
    vrijstellingen.vrijstelling_add_document(actor=lpa, vrijstelling_id=aanvraag.pk, upload=upload)
    assert vrijstellingen.vrijstelling_decide(**decide).besluit == Besluit.VERLEEND


def test_art_3a_needs_14_years_on_the_start_date(org, lpa):
    aanvraag = request_verlof(org, lpa, Grondslag.ART3A, birth=date(2012, 1, 1))
    with pytest.raises(ValidationError, match="vanaf 14 jaar; de jongere is dan 13"):
        vrijstellingen.vrijstelling_decide(
            actor=lpa,
            vrijstelling_id=aanvraag.pk,
            versie=None,
            besluit=Besluit.VERLEEND,
            besluit_op=date(2025, 9, 5),
            geldig_van=date(2025, 12, 31),
        )


TODAY = date(2025, 11, 28)


@pytest.mark.parametrize(
    ("soort", "dagen", "open", "vrijstelling", "expected"),
    [
        (MeldingSoort.RELATIEF_WETTELIJK, 27, True, False, False),
        (MeldingSoort.RELATIEF_WETTELIJK, 28, True, False, True),
        (MeldingSoort.RELATIEF_LICHT, 40, True, False, True),
        (MeldingSoort.RELATIEF_WETTELIJK, 40, True, True, False),
        (MeldingSoort.RELATIEF_WETTELIJK, 40, False, False, False),
        (MeldingSoort.ZORG, 40, True, False, False),
    ],
)
def test_thuiszitter_signal_after_4_weeks_without_vrijstelling(soort, dagen, open, vrijstelling, expected):
    assert (
        is_mogelijk_thuiszitter(
            soort=soort,
            open=open,
            verzuim_van=TODAY - timedelta(days=dagen),
            heeft_vrijstelling=vrijstelling,
            today=TODAY,
        )
        is expected
    )
