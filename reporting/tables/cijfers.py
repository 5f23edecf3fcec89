"""The counts of an organisation-year's meldingen that several tables share, in one statement.

The kerncijfers (this year and the comparison year), the meldingen per soort, the
processen-verbaal and Halt-verwijzingen, the BBV indicators and the figures of the OCW
leerplichttelling all count the same rows (the organisation's meldingen received in the
schooljaar) by gemeente, by soort, by both and overall, some per melding and some per leerling
(COUNT DISTINCT dossier). They were thirteen queries per report, each reading the ~31,000
meldingen of the largest organisation-year again; GROUPING SETS computes every grouping in one
pass. Within `build_report` (`gedeeld()`) each year is read once, whichever table asks first.

The definitions stay those of definities.py: a melding counts in the schooljaar of ontvangen_op,
a leerling once per group (distinct dossier).
"""

from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from django.db import connections, router

from leerplicht.constants import MeldingSoort
from leerplicht.models import Melding

#: The soorten of the BBV indicator relatief verzuim (definition bbv_relatief).
BBV_RELATIEF = (MeldingSoort.RELATIEF_WETTELIJK.value, MeldingSoort.THUISZITTER.value)

SQL = """
SELECT gemeente_id, soort, GROUPING(gemeente_id), GROUPING(soort),
       count(*),
       count(DISTINCT dossier_id),
       count(*) FILTER (WHERE proces_verbaal),
       count(*) FILTER (WHERE halt_verwijzing),
       count(DISTINCT dossier_id) FILTER (WHERE soort = %(absoluut)s),
       count(DISTINCT dossier_id) FILTER (WHERE soort = ANY(%(relatief)s))
FROM leerplicht_melding
WHERE organisatie_id = %(organisatie)s AND ontvangen_op BETWEEN %(first)s AND %(last)s
GROUP BY GROUPING SETS ((gemeente_id, soort), (gemeente_id), (soort), ())
"""


@dataclass
class Telling:
    meldingen: int = 0
    leerlingen: int = 0
    pv: int = 0
    halt: int = 0


@dataclass
class MeldingCijfers:
    """Only groups with meldingen are present (as a GROUP BY returns them)."""

    per_gemeente_soort: dict[tuple[int | None, str], Telling]
    per_gemeente: dict[int | None, Telling]
    per_soort: dict[str, Telling]
    totaal: Telling
    #: Distinct leerlingen with a melding absoluut verzuim, and relatief (BBV indicators).
    leerlingen_absoluut: int
    leerlingen_relatief: int


_shared: ContextVar[dict | None] = ContextVar("melding_cijfers", default=None)


@contextmanager
def gedeeld():
    """Within this block each organisation-year is counted once (one report build)."""
    token = _shared.set({})
    try:
        yield
    finally:
        _shared.reset(token)


def melding_cijfers(organisatie, schooljaar) -> MeldingCijfers:
    key = (organisatie.pk, schooljaar.first_day, schooljaar.last_day)
    shared = _shared.get()
    if shared is not None and key in shared:
        return shared[key]
    cijfers = _count(organisatie.pk, schooljaar)
    if shared is not None:
        shared[key] = cijfers
    return cijfers


def _count(organisatie_id: int, schooljaar) -> MeldingCijfers:
    params = {
        "organisatie": organisatie_id,
        "first": schooljaar.first_day,
        "last": schooljaar.last_day,
        "absoluut": MeldingSoort.ABSOLUUT.value,
        "relatief": list(BBV_RELATIEF),
    }
    # The read replica when the report reads from it (cases/platform/replica.py).
    alias = router.db_for_read(Melding) or "default"
    with connections[alias].cursor() as cursor:
        cursor.execute(SQL, params)
        rows = cursor.fetchall()
    cijfers = MeldingCijfers({}, {}, {}, Telling(), 0, 0)
    for (
        gemeente_id,
        soort,
        zonder_gemeente,
        zonder_soort,
        n,
        leerlingen,
        pv,
        halt,
        absoluut,
        relatief,
    ) in rows:
        telling = Telling(n, leerlingen, pv, halt)
        if not zonder_gemeente and not zonder_soort:
            cijfers.per_gemeente_soort[(gemeente_id, soort)] = telling
        elif not zonder_gemeente:
            cijfers.per_gemeente[gemeente_id] = telling
        elif not zonder_soort:
            cijfers.per_soort[soort] = telling
        else:
            cijfers.totaal = telling
            cijfers.leerlingen_absoluut, cijfers.leerlingen_relatief = absoluut, relatief
    return cijfers
