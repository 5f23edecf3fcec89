"""Proces-verbaal age, Halt, leave days, 5a documents and the thuiszitter signal."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from cases.constants import ActieSoort
from cases.ouders.services import ouder_toevoegen
from leerplicht import services, vrijstellingen
from leerplicht.constants import Beslisser, Besluit, Grondslag, MeldingSoort
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
            (61, True, "meer dan 60 uur verzuim"),
            (30, False, "jongere en de ouders instemmen"),
        ],
    )
    def test_halt_rule(self, org, lpa, uren, instemming, error):
        melding = melding_for(org, date(2011, 1, 1), uren_verzuim=uren)
        call = {
            "actor": lpa,
            "melding_id": melding.pk,
            "soort": ActieSoort.HALT_VERWIJZING,
            "datum": date(2025, 10, 5),
            "jongere_instemming": instemming,
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
        with pytest.raises(ValidationError, match="beslist het hoofd van de school"):
            vrijstellingen.vrijstelling_decide(
                actor=lpa,
                vrijstelling_id=aanvraag.pk,
                versie=None,
                besluit=Besluit.VERLEEND,
                besluit_op=date(2025, 9, 5),
                geldig_van=date(2025, 9, 8),
                beslist_door=Beslisser.LEERPLICHTAMBTENAAR,
            )
        decided = vrijstellingen.vrijstelling_decide(
            actor=lpa,
            vrijstelling_id=aanvraag.pk,
            versie=None,
            besluit=Besluit.NAAR_SCHOOLHOOFD,
            besluit_op=date(2025, 9, 5),
        )
        assert decided.besluit == Besluit.NAAR_SCHOOLHOOFD

    def test_more_than_10_days_is_the_lpas_decision_after_hearing_the_hoofd(self, org, lpa):
        aanvraag = request_verlof(org, lpa, Grondslag.ART11G, dagen=11)
        with pytest.raises(ValidationError, match="beslist de leerplichtambtenaar"):
            vrijstellingen.vrijstelling_decide(
                actor=lpa,
                vrijstelling_id=aanvraag.pk,
                versie=None,
                besluit=Besluit.NAAR_SCHOOLHOOFD,
                besluit_op=date(2025, 9, 5),
            )
        with pytest.raises(ValidationError, match="na het hoofd van de school te hebben gehoord"):
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
            besluit=Besluit.VERLEEND,
            besluit_op=date(2025, 9, 5),
            geldig_van=date(2025, 9, 8),
            hoofd_gehoord_op=date(2025, 9, 3),
        )
        assert decided.besluit == Besluit.VERLEEND
        assert decided.beslist_door == Beslisser.LEERPLICHTAMBTENAAR


def test_5a_needs_a_statement_of_an_appointed_expert_before_it_holds(org, lpa):
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
    with pytest.raises(ValidationError, match="verklaring van een arts, psycholoog of pedagoog"):
        vrijstellingen.vrijstelling_decide(**decide)
    upload = SimpleUploadedFile("advies-arts.pdf", b"%PDF-1.4 advies", content_type="application/pdf")
    vrijstellingen.vrijstelling_add_document(actor=lpa, vrijstelling_id=aanvraag.pk, upload=upload)
    # The child's own practitioner's statement is not enough (art. 7): the LPA confirms it is not.
    with pytest.raises(ValidationError, match="die de jongere niet behandelt"):
        vrijstellingen.vrijstelling_decide(**decide)
    assert (
        vrijstellingen.vrijstelling_decide(**decide, verklaring_onafhankelijk=True).besluit
        == Besluit.VERLEEND
    )


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
