from datetime import date

import pytest

from doorstroom.constants import Doelgroep, VerzuimAfloop
from doorstroom.rules import (
    afsluiting_fouten,
    leeftijd_fout,
    leeftijdsbereik,
    leeftijdsgrens,
    nazorg_datum,
    overdracht_mogelijk,
)


@pytest.mark.parametrize(
    ("day", "grens"),
    [
        (date(2024, 6, 1), 23),
        (date(2025, 12, 31), 23),
        (date(2026, 1, 1), 27),
        (date(2026, 1, 2), 27),
    ],
)
def test_age_limit_moves_from_23_to_27_on_1_january_2026(day, grens):
    assert leeftijdsgrens(day) == grens


def test_a_24_year_old_falls_outside_vsv_in_2025_but_inside_from_2026():
    born = date(2001, 6, 15)  # 24 on both days
    assert "24 jaar" in leeftijd_fout(Doelgroep.NIEUW_VSV, born, date(2025, 12, 31))
    assert "tot 23 jaar" in leeftijd_fout(Doelgroep.NIEUW_VSV, born, date(2025, 12, 31))
    assert leeftijd_fout(Doelgroep.NIEUW_VSV, born, date(2026, 1, 1)) is None


def test_the_23rd_birthday_is_the_first_day_outside_the_group_before_2026():
    born = date(2002, 3, 10)
    assert leeftijd_fout(Doelgroep.OUD_VSV, born, date(2025, 3, 9)) is None
    assert leeftijd_fout(Doelgroep.OUD_VSV, born, date(2025, 3, 10)) is not None


def test_jongeren_in_beeld_is_23_to_27_regardless_of_the_date():
    assert leeftijdsbereik(Doelgroep.JONGEREN_IN_BEELD, date(2025, 6, 1)) == (23, 27)
    assert leeftijdsbereik(Doelgroep.JONGEREN_IN_BEELD, date(2026, 6, 1)) == (23, 27)
    assert leeftijd_fout(Doelgroep.JONGEREN_IN_BEELD, date(2003, 1, 1), date(2025, 6, 1)) is not None  # 22
    assert leeftijd_fout(Doelgroep.JONGEREN_IN_BEELD, date(2000, 1, 1), date(2025, 6, 1)) is None  # 25


def test_verzuim_18plus_starts_at_18():
    born = date(2007, 9, 1)
    assert "17 jaar" in leeftijd_fout(Doelgroep.VERZUIM_18PLUS, born, date(2025, 8, 31))
    assert leeftijd_fout(Doelgroep.VERZUIM_18PLUS, born, date(2025, 9, 1)) is None


@pytest.mark.parametrize(
    ("born", "sk", "expected"),
    [
        (date(2008, 2, 20), None, True),  # turns 18 within three months
        (date(2007, 5, 1), None, True),  # already 18
        (date(2008, 6, 1), None, False),  # 17 and more than three months to go
        (date(2007, 5, 1), date(2025, 7, 1), False),  # has a startkwalificatie
        (date(2002, 1, 1), None, False),  # 23 in 2025: outside the group
    ],
)
def test_overdracht_is_possible_from_three_months_before_18_without_startkwalificatie(born, sk, expected):
    assert overdracht_mogelijk(born, sk, date(2025, 12, 1)) is expected


def test_the_age_limit_change_reopens_overdracht_for_a_24_year_old():
    assert overdracht_mogelijk(date(2001, 6, 1), None, date(2025, 12, 31)) is False
    assert overdracht_mogelijk(date(2001, 6, 1), None, date(2026, 1, 1)) is True


def test_nazorg_is_one_year_after_closing_and_29_february_moves_to_28():
    assert nazorg_datum(date(2025, 3, 4)) == date(2026, 3, 4)
    assert nazorg_datum(date(2024, 2, 29)) == date(2025, 2, 28)


def test_niet_getraceerd_na_huisbezoek_needs_a_recorded_home_visit():
    base = {
        "doelgroep": Doelgroep.NIEUW_VSV,
        "begeleid": False,
        "reden_niet_begeleid": "Niet getraceerd na huisbezoek",
        "uitstroom_gekozen": False,
        "verzuim_afloop": "",
    }
    errors = afsluiting_fouten(**base, huisbezoek_vastgelegd=False)
    assert "pas na een vastgelegd huisbezoek" in errors["reden_niet_begeleid"]
    assert afsluiting_fouten(**base, huisbezoek_vastgelegd=True) == {}


def test_closing_asks_for_the_outflow_of_a_guided_jongere_and_the_reason_of_an_unguided_one():
    common = {"doelgroep": Doelgroep.OUD_VSV, "verzuim_afloop": "", "huisbezoek_vastgelegd": False}
    assert set(
        afsluiting_fouten(**common, begeleid=True, reden_niet_begeleid=None, uitstroom_gekozen=False)
    ) == {"uitstroom"}
    assert set(
        afsluiting_fouten(**common, begeleid=False, reden_niet_begeleid=None, uitstroom_gekozen=False)
    ) == {"reden_niet_begeleid"}
    assert set(
        afsluiting_fouten(**common, begeleid=None, reden_niet_begeleid=None, uitstroom_gekozen=False)
    ) == {"begeleid"}


def test_verzuim_18plus_closes_with_continued_or_stopped():
    kwargs = {
        "doelgroep": Doelgroep.VERZUIM_18PLUS,
        "begeleid": True,
        "reden_niet_begeleid": None,
        "uitstroom_gekozen": False,
        "huisbezoek_vastgelegd": False,
    }
    assert "verzuim_afloop" in afsluiting_fouten(**kwargs, verzuim_afloop="")
    assert afsluiting_fouten(**kwargs, verzuim_afloop=VerzuimAfloop.GESTOPT) == {}
