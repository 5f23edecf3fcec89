"""The working-day calendar. Expected dates are worked out by hand from a 2026 calendar
(Easter Sunday 5 April 2026; Hemelvaartsdag 39 days later on Thursday 14 May; Pinksteren 24-25 May;
Koningsdag Monday 27 April), not from the code under test."""

from datetime import date

import pytest

from cases.constants import Signaal, TermijnEenheid
from cases.termijnen.werkdagen import Kalender, Termijnregel, feestdagen

plain = Kalender()


@pytest.mark.parametrize(
    ("start", "expected", "why"),
    [
        (date(2026, 11, 20), date(2026, 11, 23), "Friday + 1 skips the weekend"),
        (date(2026, 4, 24), date(2026, 4, 28), "Friday + 1 skips the weekend and Koningsdag (Mon 27 April)"),
        (date(2026, 5, 13), date(2026, 5, 15), "Wednesday + 1 skips Hemelvaartsdag (Thu 14 May)"),
        (
            date(2026, 5, 22),
            date(2026, 5, 26),
            "Friday + 1 skips the weekend and Tweede Pinksterdag (Mon 25 May)",
        ),
        (date(2026, 4, 2), date(2026, 4, 3), "Goede Vrijdag is a working day"),
        (
            date(2026, 4, 3),
            date(2026, 4, 7),
            "Friday + 1 skips Easter Sunday and Tweede Paasdag (Mon 6 April)",
        ),
        (
            date(2026, 5, 4),
            date(2026, 5, 6),
            "Bevrijdingsdag (Tue 5 May) counts every year, not only in 2025/2030",
        ),
        (date(2026, 12, 24), date(2026, 12, 28), "Kerst: Fri 25 and Sat 26 December, then Sunday"),
        (date(2026, 12, 31), date(2027, 1, 4), "Nieuwjaarsdag (Fri 1 January 2027) and the weekend"),
    ],
)
def test_one_working_day_later(start, expected, why):
    assert plain.plus_werkdagen(start, 1) == expected, why


def test_five_working_days_around_bevrijdingsdag():
    # Thu 30 April 2026: Fri 1 May (1), Mon 4 (2), Tue 5 Bevrijdingsdag, Wed 6 (3), Thu 7 (4), Fri 8 (5).
    assert plain.plus_werkdagen(date(2026, 4, 30), 5) == date(2026, 5, 8)


def test_koningsdag_moves_to_saturday_26_april_when_the_27th_is_a_sunday():
    assert date(2025, 4, 26) in feestdagen(2025) and date(2025, 4, 27) not in feestdagen(2025)
    assert date(2026, 4, 27) in feestdagen(2026)
    assert date(2026, 4, 3) not in feestdagen(2026)  # Goede Vrijdag


def test_configured_school_holidays_are_skipped_only_when_the_term_says_so():
    herfst = Kalender([(date(2026, 10, 17), date(2026, 10, 25))])
    assert herfst.plus_werkdagen(date(2026, 10, 16), 1, schoolvakanties_overslaan=True) == date(2026, 10, 26)
    assert herfst.plus_werkdagen(date(2026, 10, 16), 1) == date(2026, 10, 19)
    # Ten working days from Thu 15 October 2026 with the autumn holiday (19-23 Oct) skipped:
    # Fri 16 (1), Mon 26 .. Fri 30 (2-6), Mon 2 .. Thu 5 November (7-10).
    regel = Termijnregel(10, TermijnEenheid.WERKDAGEN, schoolvakanties_overslaan=True)
    assert herfst.deadline(date(2026, 10, 15), regel) == date(2026, 11, 5)


def test_calendar_days_are_plain_days():
    regel = Termijnregel(10, TermijnEenheid.KALENDERDAGEN)
    assert plain.deadline(date(2026, 4, 24), regel) == date(2026, 5, 4)


def test_signal_is_due_within_two_working_days_and_overdue_after_the_deadline():
    friday = date(2026, 11, 20)
    assert plain.signaal(date(2026, 11, 19), friday) == Signaal.VERLOPEN
    assert plain.signaal(friday, friday) == Signaal.BINNENKORT
    assert plain.signaal(date(2026, 11, 24), friday) == Signaal.BINNENKORT  # Mon 23, Tue 24
    assert plain.signaal(date(2026, 11, 25), friday) == Signaal.GEEN
    assert plain.signaal(None, friday) == Signaal.GEEN
