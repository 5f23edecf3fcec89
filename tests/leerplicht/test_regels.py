"""The Leerplichtwet's rules as pure functions, tested at their boundaries (docs/regels.md).

Each test names the boundary: Halt 11/12 years, 8/9 lesuren, 11/12 times late, 60/61; verlof
10/11 days and the first two lesweken; the renewal of a kennisgeving on 1 July; 4 lesweken
with and without a holiday; the end of leerplicht after 12 full schooljaren.
"""

from dataclasses import replace
from datetime import date, timedelta

import pytest

from cases.constants import LeerplichtStatus
from cases.rules import Schooljaar, leerplicht_end, leerplicht_status, twaalf_schooljaren_einde
from cases.termijnen.werkdagen import Kalender
from leerplicht import rules
from leerplicht.constants import Beslisser, Grondslag, MeldingSoort

HALT_OK = rules.HaltFeiten(
    leeftijd=13,
    status=LeerplichtStatus.LEERPLICHTIG,
    soort=MeldingSoort.RELATIEF_WETTELIJK,
    uren_verzuim=20,
    keer_te_laat=None,
    eerder_naar_halt=False,
    jongere_instemming=True,
    ouders_instemming=True,
)


class TestHalt:
    def test_all_criteria_met_is_allowed(self):
        assert rules.halt_errors(HALT_OK) == []

    @pytest.mark.parametrize(("leeftijd", "allowed"), [(11, False), (12, True)])
    def test_from_12_years(self, leeftijd, allowed):
        errors = rules.halt_errors(replace(HALT_OK, leeftijd=leeftijd))
        assert (errors == []) is allowed
        if not allowed:
            assert "vanaf 12 jaar; deze jongere is 11 jaar" in errors[0]

    @pytest.mark.parametrize(("uren", "allowed"), [(8, False), (9, True), (60, True), (61, False)])
    def test_more_than_8_lesuren_and_at_most_60(self, uren, allowed):
        errors = rules.halt_errors(replace(HALT_OK, uren_verzuim=uren))
        assert (errors == []) is allowed
        if uren == 61:
            assert "schakelt de leerplichtambtenaar het OM in" in errors[0]
        if uren == 8:
            assert "meer dan 8 lesuren" in errors[0]

    @pytest.mark.parametrize(("keer", "allowed"), [(11, False), (12, True), (60, True), (61, False)])
    def test_more_than_11_times_late_and_at_most_60(self, keer, allowed):
        errors = rules.halt_errors(replace(HALT_OK, uren_verzuim=None, keer_te_laat=keer))
        assert (errors == []) is allowed

    def test_never_for_luxe_verzuim(self):
        errors = rules.halt_errors(replace(HALT_OK, soort=MeldingSoort.LUXE))
        assert len(errors) == 1 and "luxe verzuim is een beslissing van de ouders" in errors[0]

    def test_never_twice(self):
        errors = rules.halt_errors(replace(HALT_OK, eerder_naar_halt=True))
        assert errors == [
            "Deze jongere is al eerder voor spijbelen naar Halt verwezen; dat kan maar één keer."
        ]

    @pytest.mark.parametrize(("jongere", "ouders"), [(True, False), (False, True), (False, False)])
    def test_needs_consent_of_jongere_and_ouders(self, jongere, ouders):
        errors = rules.halt_errors(replace(HALT_OK, jongere_instemming=jongere, ouders_instemming=ouders))
        assert len(errors) == 1 and "jongere en de ouders instemmen" in errors[0]

    @pytest.mark.parametrize(
        ("status", "allowed"),
        [
            (LeerplichtStatus.LEERPLICHTIG, True),
            (LeerplichtStatus.KWALIFICATIEPLICHTIG, True),
            (LeerplichtStatus.NIET_MEER, False),
            (LeerplichtStatus.STARTKWALIFICATIE, False),
        ],
    )
    def test_only_under_the_obligation(self, status, allowed):
        assert (rules.halt_errors(replace(HALT_OK, leeftijd=17, status=status)) == []) is allowed


@pytest.mark.parametrize(("leeftijd", "refused"), [(17, False), (18, True), (21, True)])
@pytest.mark.parametrize("soort", ["halt_verwijzing", "proces_verbaal_leerling", "jeugdbeschermingstafel"])
def test_minor_only_actions_stop_at_18(soort, leeftijd, refused):
    assert (rules.actie_leeftijd_error(soort, leeftijd) is not None) is refused


def test_a_proces_verbaal_against_a_parent_has_no_age_limit():
    assert rules.actie_leeftijd_error("proces_verbaal_ouder", 25) is None


# The summer holiday of the region ends on Sunday 31 August 2025: lessons start Monday 1 September.
ZOMER = Kalender([(date(2025, 7, 12), date(2025, 8, 31))])
EERSTE_LESDAG = date(2025, 9, 1)


def verlof(**kwargs) -> rules.AanvraagFeiten:
    values = {
        "grondslag": Grondslag.ART11F,
        "geboortedatum": date(2015, 3, 1),
        "aangevraagd_op": date(2025, 6, 1),
        "verlof_van": date(2025, 10, 6),
        "verlof_tot": date(2025, 10, 10),
        "verlof_dagen": 5,
        "status_bij_verlof": LeerplichtStatus.LEERPLICHTIG,
        "eerste_lesdag": EERSTE_LESDAG,
    }
    return rules.AanvraagFeiten(**(values | kwargs))


class TestVerlof:
    def test_the_first_lesdag_follows_the_summer_holiday(self):
        assert rules.eerste_lesdag(Schooljaar(2025), ZOMER.in_schoolvakantie) == EERSTE_LESDAG
        # without a configured holiday: the first weekday from 1 August
        assert rules.eerste_lesdag(Schooljaar(2025), Kalender().in_schoolvakantie) == date(2025, 8, 1)

    @pytest.mark.parametrize(
        ("van", "refused"),
        [
            (date(2025, 9, 12), True),  # Friday of the second lesweek
            (date(2025, 9, 14), True),  # Sunday: still within the first 14 days from the first lesdag
            (date(2025, 9, 15), False),  # Monday of the third lesweek
        ],
    )
    def test_11f_not_in_the_first_two_lesweken(self, van, refused):
        errors = rules.aanvraag_errors(verlof(verlof_van=van, verlof_tot=van + timedelta(days=3)))
        assert ("verlof_van" in errors) is refused
        if refused:
            assert "eerste twee lesweken" in errors["verlof_van"] and "01-09-2025" in errors["verlof_van"]

    @pytest.mark.parametrize(("dagen", "refused"), [(10, False), (11, True)])
    def test_11f_at_most_10_days(self, dagen, refused):
        errors = rules.aanvraag_errors(verlof(verlof_dagen=dagen))
        assert ("verlof_dagen" in errors) is refused

    def test_11f_once_per_schooljaar(self):
        errors = rules.aanvraag_errors(verlof(eerder_11f_dit_schooljaar=True))
        assert "maar één keer per schooljaar" in errors["grondslag"]

    @pytest.mark.parametrize(("dagen", "refused"), [(4, False), (5, True)])
    def test_11f_pro_rata_for_a_kwalificatieplichtige(self, dagen, refused):
        # 2 lesdagen a week: at most 10 x 2/5 = 4 days (art. 13a lid 2)
        feiten = verlof(
            status_bij_verlof=LeerplichtStatus.KWALIFICATIEPLICHTIG, verlof_dagen=dagen, lesdagen_per_week=2
        )
        assert ("verlof_dagen" in rules.aanvraag_errors(feiten)) is refused

    def test_11f_for_a_kwalificatieplichtige_asks_the_lesdagen(self):
        feiten = verlof(status_bij_verlof=LeerplichtStatus.KWALIFICATIEPLICHTIG, lesdagen_per_week=None)
        assert "lesdagen per week" in rules.aanvraag_errors(feiten)["lesdagen_per_week"]

    @pytest.mark.parametrize(
        ("grondslag", "dagen", "beslisser"),
        [
            (Grondslag.ART11F, 3, Beslisser.SCHOOLHOOFD),
            (Grondslag.ART11G, 10, Beslisser.SCHOOLHOOFD),
            (Grondslag.ART11G, 11, Beslisser.LEERPLICHTAMBTENAAR),
            (Grondslag.ART5A, None, Beslisser.LEERPLICHTAMBTENAAR),
        ],
    )
    def test_who_decides(self, grondslag, dagen, beslisser):
        assert rules.verlof_beslisser(grondslag, dagen) == beslisser

    def test_the_lpa_cannot_grant_11f(self):
        errors = rules.vrijstelling_besluit_errors(
            grondslag=Grondslag.ART11F,
            besluit="verleend",
            verlof_dagen=5,
            age_on_start=10,
            heeft_document=False,
            eerder_verleend_11f_dit_schooljaar=False,
            beslist_door=Beslisser.LEERPLICHTAMBTENAAR,
        )
        assert len(errors) == 1 and "beslist alleen het hoofd van de school" in errors[0]

    def test_an_aanvraag_for_someone_past_the_obligation_is_refused(self):
        errors = rules.aanvraag_errors(
            verlof(grondslag=Grondslag.ART11G, status_bij_verlof=LeerplichtStatus.NIET_MEER)
        )
        assert "niet meer leerplichtig of kwalificatieplichtig" in errors["grondslag"]

    @pytest.mark.parametrize(("geboren", "refused"), [(date(2011, 8, 1), True), (date(2011, 7, 31), False)])
    def test_3a_from_14_by_the_end_of_the_schooljaar(self, geboren, refused):
        # aanvraag in schooljaar 2024-2025: 14 on 31 July 2025 or never in this request
        feiten = verlof(
            grondslag=Grondslag.ART3A, geboortedatum=geboren, aangevraagd_op=date(2024, 9, 1), verlof_van=None
        )
        assert ("grondslag" in rules.aanvraag_errors(feiten)) is refused


class TestKennisgeving:
    def test_validity_is_at_most_the_schooljaar(self):
        base = {"grondslag": Grondslag.ART5B, "heeft_document": True, "verklaring_onafhankelijk": False}
        assert (
            rules.kennisgeving_errors(**base, geldig_van=date(2025, 9, 1), geldig_tot=date(2026, 7, 31)) == []
        )
        errors = rules.kennisgeving_errors(**base, geldig_van=date(2025, 9, 1), geldig_tot=date(2026, 8, 1))
        assert "ten hoogste tot het eind van het schooljaar (31-07-2026)" in errors[0]

    def test_5c_needs_the_statement_of_the_school_abroad(self):
        errors = rules.kennisgeving_errors(
            grondslag=Grondslag.ART5C,
            heeft_document=False,
            verklaring_onafhankelijk=False,
            geldig_van=date(2025, 9, 1),
            geldig_tot=date(2026, 7, 31),
        )
        assert "school in het buitenland" in errors[0]

    def test_renewal_is_due_before_1_july(self):
        assert rules.vernieuwen_voor(date(2026, 7, 31)) == date(2026, 7, 1)

    @pytest.mark.parametrize(
        ("today", "signaal"),
        [
            (date(2026, 5, 31), ""),
            (date(2026, 6, 1), "binnenkort"),  # 30 days before 1 July
            (date(2026, 6, 30), "binnenkort"),
            (date(2026, 7, 1), "verlopen"),
        ],
    )
    def test_signal_before_the_renewal_date(self, today, signaal):
        assert (
            rules.vernieuwing_signaal(geldig_tot=date(2026, 7, 31), vernieuwd=False, today=today) == signaal
        )

    def test_no_signal_once_renewed(self):
        assert (
            rules.vernieuwing_signaal(geldig_tot=date(2026, 7, 31), vernieuwd=True, today=date(2026, 7, 1))
            == ""
        )


class TestThuiszitter:
    TODAY = date(2025, 11, 28)

    def signal(self, dagen, kalender=None, **kwargs):
        kalender = kalender or Kalender()
        return rules.is_mogelijk_thuiszitter(
            soort=MeldingSoort.RELATIEF_WETTELIJK,
            open=True,
            verzuim_van=self.TODAY - timedelta(days=dagen),
            heeft_vrijstelling=False,
            today=self.TODAY,
            in_schoolvakantie=kalender.in_schoolvakantie,
            **kwargs,
        )

    @pytest.mark.parametrize(("dagen", "expected"), [(27, False), (28, True)])
    def test_4_lesweken_without_a_holiday(self, dagen, expected):
        assert self.signal(dagen) is expected

    @pytest.mark.parametrize(("dagen", "expected"), [(28, False), (36, False), (37, True)])
    def test_a_holiday_does_not_count(self, dagen, expected):
        # a 9-day holiday within the period: 4 lesweken take 37 calendar days
        vakantie = Kalender([(self.TODAY - timedelta(days=20), self.TODAY - timedelta(days=12))])
        assert self.signal(dagen, vakantie) is expected

    def test_verzuim_that_ended_counts_up_to_its_last_day(self):
        van = self.TODAY - timedelta(days=60)
        assert self.signal(60, verzuim_tot=van + timedelta(days=26)) is False
        assert self.signal(60, verzuim_tot=van + timedelta(days=27)) is True


class TestEindeLeerplicht:
    BORN = date(2010, 9, 15)  # turns 16 on 15 September 2026: schooljaar 2026-2027

    def test_end_of_the_schooljaar_of_the_16th_birthday(self):
        assert leerplicht_end(self.BORN) == date(2027, 7, 31)

    def test_twelve_full_schooljaren_end_it_earlier(self):
        # at school from 25 August 2014 (aged 3, before the summer holiday ended): 2014-2015 to
        # 2025-2026 are twelve full schooljaren
        enrolled = [(date(2014, 8, 25), date(2022, 7, 15)), (date(2022, 7, 16), None)]
        assert twaalf_schooljaren_einde(enrolled) == date(2026, 7, 31)
        assert leerplicht_end(self.BORN, enrolled) == date(2026, 7, 31)
        assert (
            leerplicht_status(self.BORN, date(2026, 8, 1), None, enrolled)
            == LeerplichtStatus.KWALIFICATIEPLICHTIG
        )
        assert leerplicht_status(self.BORN, date(2026, 8, 1)) == LeerplichtStatus.LEERPLICHTIG

    def test_a_schooljaar_started_after_1_september_is_not_full(self):
        enrolled = [(date(2014, 9, 2), None)]
        assert twaalf_schooljaren_einde(enrolled) == date(2027, 7, 31)
        assert leerplicht_end(self.BORN, enrolled) == date(2027, 7, 31)

    def test_a_gap_breaks_a_schooljaar(self):
        enrolled = [(date(2014, 8, 25), date(2020, 1, 31)), (date(2020, 3, 1), None)]
        # 2019-2020 is not full: the twelfth full year is 2026-2027, the same as the 16 rule
        assert twaalf_schooljaren_einde(enrolled) == date(2027, 7, 31)


class TestMeldingLeeftijd:
    def check(self, soort, born, peildatum):
        return rules.melding_leeftijd(soort=soort, geboortedatum=born, peildatum=peildatum)

    @pytest.mark.parametrize(
        ("born", "error_part"),
        [
            (date(1989, 5, 1), "36 jaar. Meldingen van de leerplicht gaan over jongeren van 5 tot 18 jaar"),
            (date(2024, 5, 1), "nog niet leerplichtig"),
            (date(2020, 11, 10), "de leerplicht begint op 01-12-2025"),  # 5 since 10 November
        ],
    )
    def test_relatief_verzuim_outside_the_ages_is_refused(self, born, error_part):
        error, warning = self.check(MeldingSoort.RELATIEF_WETTELIJK, born, date(2025, 11, 20))
        assert error_part in error and warning is None

    @pytest.mark.parametrize(
        ("born", "allowed"),
        [(date(2020, 10, 31), True), (date(2007, 11, 21), True), (date(2007, 11, 20), False)],
    )
    def test_boundaries_5_and_18(self, born, allowed):
        # 5 in October: leerplichtig from 1 November; 18 on 20 November: no longer
        error, _warning = self.check(MeldingSoort.ABSOLUUT, born, date(2025, 11, 20))
        assert (error is None) is allowed

    def test_a_zorgmelding_for_a_4_year_old_asks_for_confirmation(self):
        error, warning = self.check(MeldingSoort.ZORG, date(2021, 6, 1), date(2025, 11, 20))
        assert error is None and "nog niet leerplichtig" in warning

    def test_a_startkwalificatie_asks_for_confirmation(self):
        error, warning = rules.melding_leeftijd(
            soort=MeldingSoort.ABSOLUUT,
            geboortedatum=date(2008, 6, 1),
            peildatum=date(2025, 11, 20),
            startkwalificatie_op=date(2025, 7, 1),
        )
        assert error is None and "startkwalificatie" in warning
