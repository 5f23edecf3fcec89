"""The legal boundaries, with expected values worked out by hand from the Leerplichtwet."""

from datetime import date

import pytest

from cases.constants import LeerplichtStatus as S
from cases.rules import Schooljaar, age_on, is_valid_bsn, leerplicht_status


@pytest.mark.parametrize("bsn", ["111222333", "123456782", "010000008"])
def test_valid_bsns_pass_the_elfproef(bsn):
    assert is_valid_bsn(bsn)


@pytest.mark.parametrize(
    "bsn",
    [
        "123456789",  # weighted sum 147, not divisible by 11
        "111222334",  # one digit off
        "12345678",  # 8 digits
        "1234567820",  # 10 digits
        "12345678a",
        "000000000",  # passes the arithmetic but is not a BSN
        "",
    ],
)
def test_invalid_bsns_fail_the_elfproef(bsn):
    assert not is_valid_bsn(bsn)


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2025, 7, 31), "2024-2025"),
        (date(2025, 8, 1), "2025-2026"),
        (date(2026, 1, 1), "2025-2026"),
    ],
)
def test_schooljaar_runs_from_1_august_to_31_july(day, expected):
    assert str(Schooljaar.of(day)) == expected


def test_schooljaar_parse_refuses_non_consecutive_years():
    assert Schooljaar.parse("2024-2025").first_day == date(2024, 8, 1)
    with pytest.raises(ValueError, match="direct op het eerste volgen"):
        Schooljaar.parse("2024-2026")
    with pytest.raises(ValueError, match="2024-2025"):
        Schooljaar.parse("24/25")


def test_age_on_counts_the_birthday_itself():
    assert age_on(date(2010, 6, 15), date(2026, 6, 14)) == 15
    assert age_on(date(2010, 6, 15), date(2026, 6, 15)) == 16


@pytest.mark.parametrize(
    ("birth", "day", "expected"),
    [
        # Leerplicht starts on the first day of the month after the 5th birthday.
        (date(2019, 3, 15), date(2024, 3, 15), S.NOG_NIET),
        (date(2019, 3, 15), date(2024, 3, 31), S.NOG_NIET),
        (date(2019, 3, 15), date(2024, 4, 1), S.LEERPLICHTIG),
        (date(2019, 12, 10), date(2024, 12, 31), S.NOG_NIET),
        (date(2019, 12, 10), date(2025, 1, 1), S.LEERPLICHTIG),
        # ... and ends with the schooljaar in which the jongere turns 16.
        (date(2009, 3, 15), date(2025, 7, 31), S.LEERPLICHTIG),
        (date(2009, 3, 15), date(2025, 8, 1), S.KWALIFICATIEPLICHTIG),
        (date(2009, 7, 31), date(2025, 8, 1), S.KWALIFICATIEPLICHTIG),
        # Turning 16 on 1 August: that is the next schooljaar, so one more year.
        (date(2009, 8, 1), date(2025, 8, 1), S.LEERPLICHTIG),
        (date(2009, 8, 1), date(2026, 7, 31), S.LEERPLICHTIG),
        (date(2009, 8, 1), date(2026, 8, 1), S.KWALIFICATIEPLICHTIG),
        # Kwalificatieplicht ends on the 18th birthday.
        (date(2009, 3, 15), date(2027, 3, 14), S.KWALIFICATIEPLICHTIG),
        (date(2009, 3, 15), date(2027, 3, 15), S.NIET_MEER),
    ],
)
def test_leerplicht_status_around_the_boundaries(birth, day, expected):
    assert leerplicht_status(birth, day) == expected


def test_startkwalificatie_ends_the_kwalificatieplicht_from_its_date():
    birth, diploma = date(2009, 3, 15), date(2026, 6, 20)
    assert leerplicht_status(birth, date(2026, 6, 19), diploma) == S.KWALIFICATIEPLICHTIG
    assert leerplicht_status(birth, date(2026, 6, 20), diploma) == S.STARTKWALIFICATIE


def test_startkwalificatie_does_not_end_the_full_leerplicht():
    # A havo diploma at 15 does not end leerplicht before the end of the schooljaar of 16.
    assert leerplicht_status(date(2009, 3, 15), date(2025, 7, 1), date(2025, 6, 30)) == S.LEERPLICHTIG
