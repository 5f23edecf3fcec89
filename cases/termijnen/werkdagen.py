"""A pure working-day calendar: weekends, Dutch public holidays and an organisation's school
holidays. No database access; callers pass the school holidays in (cases.selectors.kalender_voor).

Which public holidays count as non-working days (for a gemeente's team):
- Nieuwjaarsdag, Eerste en Tweede Paasdag, Koningsdag (26 April when the 27th is a Sunday),
  Hemelvaartsdag, Eerste en Tweede Pinksterdag, Eerste en Tweede Kerstdag;
- Bevrijdingsdag (5 May) every year, not only in lustrum years: municipal staff are free that
  day every year;
- not Goede Vrijdag: it is no general day off in the Netherlands.
The dates come from the `holidays` package (Dutch "public" plus "optional" categories, which adds
the yearly Bevrijdingsdag), minus Goede Vrijdag.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

import holidays
from dateutil.easter import easter

from cases.constants import Signaal, TermijnEenheid

#: An item is "binnenkort" when its deadline is at most this many working days away.
BINNENKORT_WERKDAGEN = 2


@lru_cache(maxsize=64)
def feestdagen(year: int) -> frozenset[date]:
    """The public holidays of `year` that are no working day (see the module docstring)."""
    days = holidays.country_holidays("NL", years=year, categories=(holidays.PUBLIC, holidays.OPTIONAL))
    goede_vrijdag = easter(year) - timedelta(days=2)
    return frozenset(day for day in days if day != goede_vrijdag)


@dataclass(frozen=True)
class Termijnregel:
    """A configured term: `aantal` days in `eenheid`; with working days, school holidays are
    skipped too when `schoolvakanties_overslaan`."""

    aantal: int
    eenheid: str = TermijnEenheid.WERKDAGEN
    schoolvakanties_overslaan: bool = False


class Kalender:
    """Working days of one organisation: its school holidays are (van, tot) pairs, inclusive."""

    def __init__(self, schoolvakanties: Iterable[tuple[date, date]] = ()):
        self.schoolvakanties = tuple(schoolvakanties)

    def in_schoolvakantie(self, day: date) -> bool:
        return any(van <= day <= tot for van, tot in self.schoolvakanties)

    def is_werkdag(self, day: date, *, schoolvakanties_overslaan: bool = False) -> bool:
        if day.weekday() >= 5 or day in feestdagen(day.year):
            return False
        return not (schoolvakanties_overslaan and self.in_schoolvakantie(day))

    def plus_werkdagen(self, start: date, aantal: int, *, schoolvakanties_overslaan: bool = False) -> date:
        """The day on which `aantal` working days after `start` have passed (start not counted)."""
        day = start
        remaining = aantal
        while remaining > 0:
            day += timedelta(days=1)
            if self.is_werkdag(day, schoolvakanties_overslaan=schoolvakanties_overslaan):
                remaining -= 1
        return day

    def deadline(self, start: date, regel: Termijnregel) -> date:
        if regel.eenheid == TermijnEenheid.KALENDERDAGEN:
            return start + timedelta(days=regel.aantal)
        return self.plus_werkdagen(
            start, regel.aantal, schoolvakanties_overslaan=regel.schoolvakanties_overslaan
        )

    def signaal(self, deadline: date | None, today: date) -> str:
        """Verlopen when the deadline has passed; binnenkort when it is at most
        BINNENKORT_WERKDAGEN working days away; otherwise nothing."""
        if deadline is None:
            return Signaal.GEEN
        if deadline < today:
            return Signaal.VERLOPEN
        if deadline <= self.plus_werkdagen(today, BINNENKORT_WERKDAGEN):
            return Signaal.BINNENKORT
        return Signaal.GEEN
