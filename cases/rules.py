"""Leerplicht rules as pure functions (Leerplichtwet 1969, see docs/domein.md).

No database access here: these functions are the single source of the legal boundaries that
forms, services, reports and tests rely on.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext_lazy as _

from .constants import LeerplichtStatus

SCHOOLJAAR_START_MONTH = 8  # a schooljaar runs from 1 August to 31 July


@dataclass(frozen=True)
class Schooljaar:
    """A schooljaar such as 2024-2025 (1 August 2024 to 31 July 2025)."""

    start_year: int

    @classmethod
    def of(cls, day: date) -> "Schooljaar":
        return cls(day.year if day.month >= SCHOOLJAAR_START_MONTH else day.year - 1)

    @classmethod
    def parse(cls, text: str) -> "Schooljaar":
        """Parse '2024-2025'; raise ValueError with a Dutch message otherwise."""
        parts = text.strip().split("-")
        if len(parts) != 2 or not all(p.isdigit() and len(p) == 4 for p in parts):
            raise ValueError(_("Een schooljaar schrijft u als '2024-2025'."))
        start, end = int(parts[0]), int(parts[1])
        if end != start + 1:
            raise ValueError(_("Het tweede jaar moet direct op het eerste volgen, bijvoorbeeld 2024-2025."))
        return cls(start)

    @property
    def first_day(self) -> date:
        return date(self.start_year, SCHOOLJAAR_START_MONTH, 1)

    @property
    def last_day(self) -> date:
        return date(self.start_year + 1, SCHOOLJAAR_START_MONTH - 1, 31)

    def previous(self) -> "Schooljaar":
        return Schooljaar(self.start_year - 1)

    def __str__(self) -> str:
        return f"{self.start_year}-{self.start_year + 1}"


def birthday_in_year(birth_date: date, year: int) -> date:
    """The birthday in `year`; 29 February falls on 28 February in common years."""
    try:
        return birth_date.replace(year=year)
    except ValueError:
        return date(year, 2, 28)


def age_on(birth_date: date, day: date) -> int:
    """Age in whole years on `day` (the birthday itself counts)."""
    years = day.year - birth_date.year
    return years if day >= birthday_in_year(birth_date, day.year) else years - 1


def leerplicht_start(birth_date: date) -> date:
    """First day of the month after the 5th birthday (art. 3 Leerplichtwet).

    The law says 'the first school day'; we use the first calendar day of that month, which is
    the date leerplichtambtenaren and the BRP-based lists use.
    """
    fifth = birthday_in_year(birth_date, birth_date.year + 5)
    return date(fifth.year + fifth.month // 12, fifth.month % 12 + 1, 1)


#: Art. 4 lid 1 onder a Lpw: leerplicht ends after twelve full schooljaren of schoolbezoek.
VOLLEDIGE_SCHOOLJAREN = 12
# A schooljaar counts as fully attended when the enrolments cover it from 1 September (the
# latest end of any region's summer holiday) to 30 June (before the earliest start of one):
# the law counts schooljaren "bezocht", and lessons only run between those holidays.
VOLLEDIG_VAN = (9, 1)
VOLLEDIG_TOT = (6, 30)


def _covered(periods: list[tuple[date, date]], start: date, end: date) -> bool:
    """Whether the merged (van, tot) periods cover every day from start to end."""
    day = start
    for van, tot in periods:
        if van > day:
            return False
        if tot >= end:
            return True
        if tot >= day:
            day = date.fromordinal(tot.toordinal() + 1)
    return False


def twaalf_schooljaren_einde(inschrijvingen: Iterable[tuple[date, date | None]]) -> date | None:
    """End of the schooljaar after which twelve full schooljaren were attended (art. 4 lid 1
    onder a Lpw: "aan het einde van het schooljaar na afloop waarvan de jongere ten minste twaalf
    volledige schooljaren een of meer scholen heeft bezocht"), or None when not reached.

    `inschrijvingen` are (van, tot) pairs; tot None is an enrolment that still runs."""
    periods = sorted((van, tot or date.max) for van, tot in inschrijvingen if van)
    if not periods:
        return None
    full = 0
    first = Schooljaar.of(periods[0][0]).start_year
    last_end = max(tot for _van, tot in periods)
    # Twelve full years lie within the first 30 schooljaren of enrolment, or never.
    for start_year in range(first, first + 30):
        year = Schooljaar(start_year)
        if year.first_day > last_end:
            break
        if _covered(periods, date(start_year, *VOLLEDIG_VAN), date(start_year + 1, *VOLLEDIG_TOT)):
            full += 1
            if full == VOLLEDIGE_SCHOOLJAREN:
                return year.last_day
    return None


def leerplicht_end(birth_date: date, inschrijvingen: Iterable[tuple[date, date | None]] = ()) -> date:
    """When leerplicht ends (art. 4 lid 1 Lpw), whichever comes first:
    a. the end of the schooljaar after which twelve full schooljaren were attended;
    b. the end of the schooljaar in which the jongere turns 16."""
    sixteenth = birthday_in_year(birth_date, birth_date.year + 16)
    end = Schooljaar.of(sixteenth).last_day
    twaalf = twaalf_schooljaren_einde(inschrijvingen)
    return min(end, twaalf) if twaalf else end


def kwalificatieplicht_end(birth_date: date) -> date:
    """The day before the 18th birthday: kwalificatieplicht ends when the jongere turns 18."""
    eighteenth = birthday_in_year(birth_date, birth_date.year + 18)
    return date.fromordinal(eighteenth.toordinal() - 1)


def leerplicht_status(
    birth_date: date,
    day: date,
    startkwalificatie_on: date | None = None,
    inschrijvingen: Iterable[tuple[date, date | None]] = (),
) -> LeerplichtStatus:
    """Which obligation applies on `day`.

    Leerplichtig from the month after the 5th birthday (art. 3 Lpw) to the end of the schooljaar
    of the 16th birthday or, earlier, the end of the twelfth full schooljaar attended (art. 4);
    then kwalificatieplichtig (art. 4a) until the 18th birthday or a startkwalificatie (havo,
    vwo, mbo 2 or higher), whichever comes first.
    """
    if day < leerplicht_start(birth_date):
        return LeerplichtStatus.NOG_NIET
    if day <= leerplicht_end(birth_date, inschrijvingen):
        return LeerplichtStatus.LEERPLICHTIG
    if startkwalificatie_on is not None and startkwalificatie_on <= day:
        return LeerplichtStatus.STARTKWALIFICATIE
    if day <= kwalificatieplicht_end(birth_date):
        return LeerplichtStatus.KWALIFICATIEPLICHTIG
    return LeerplichtStatus.NIET_MEER


def is_valid_bsn(value: str) -> bool:
    """The BSN elfproef: 9 digits, sum(d_i * w_i) with weights 9..2 and -1 divisible by 11.

    A leading zero is part of the number (8-digit BSNs are stored with a leading 0), and
    000000000 is not a BSN although it passes the arithmetic.
    """
    if len(value) != 9 or not value.isdigit() or value == "000000000":
        return False
    weights = (9, 8, 7, 6, 5, 4, 3, 2, -1)
    return sum(int(d) * w for d, w in zip(value, weights, strict=True)) % 11 == 0


def bsn_check_digit(first_eight: str) -> int | None:
    """The ninth digit that makes `first_eight` a valid BSN, or None when none exists."""
    total = sum(int(d) * w for d, w in zip(first_eight, (9, 8, 7, 6, 5, 4, 3, 2), strict=True))
    digit = total % 11
    return None if digit == 10 else digit
