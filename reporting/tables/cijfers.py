"""The counts of an organisation-year's meldingen that the tables share, a few statements per year.

The kerncijfers (this year and the comparison year), the meldingen per soort, the
processen-verbaal and Halt-verwijzingen, the BBV indicators and the figures of the OCW
leerplichttelling all count the same rows (the organisation's meldingen received in the
schooljaar) by gemeente, by soort, by both and overall, some per melding and some per leerling
(COUNT DISTINCT dossier). They were thirteen queries per report, each reading the ~31,000
meldingen of the largest organisation-year again; GROUPING SETS computes every grouping in one
pass. Within `build_report` each year is read once (gedeeld.py).

The same holds for the tables by soort (redenen, resultaten, onderwijssoort, leeftijd, resultaten
per gemeente, the summary of results): seventeen queries that each read those rows again are one
GROUPING SETS statement of plain counts (melding_groepen, GROEPEN), and the four queries of the
luxe gezinnen one (luxe_gezinnen).

The definitions stay those of definities.py: a melding counts in the schooljaar of ontvangen_op,
a leerling once per group (distinct dossier).
"""

from dataclasses import dataclass

from django.db import connections, router

from leerplicht.constants import MeldingSoort
from leerplicht.models import Melding

from .gedeeld import eenmaal
from .groepen import Groepen, tel_groepen

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


#: The per-melding counts of the tables by soort (redenen, resultaten, onderwijssoort, leeftijd,
#: resultaten per gemeente, the summary of results): three groupings of the same rows, one pass.
#: Read with groepen.tel(..., soort=...).
GROEPEN = {
    "reden": ("soort", "reden_id"),
    "resultaat": ("soort", "resultaat_id", "fase", "gemeente_id"),
    "onderwijs": ("soort", "onderwijssoort", "leeftijd"),
}
#: Luxe verzuim per gezin: distinct households per reden, per resultaat and in all; a child
#: without a household key (gezin_id) is a gezin of its own. One sort instead of four queries.
GEZINNEN_SQL = """
SELECT reden_id, resultaat_id, GROUPING(reden_id, resultaat_id),
       count(DISTINCT CASE WHEN gezin_id = '' THEN 'dossier ' || dossier_id ELSE 'gezin ' || gezin_id END)
FROM leerplicht_melding
WHERE organisatie_id = %(organisatie)s AND ontvangen_op BETWEEN %(first)s AND %(last)s
  AND soort = %(luxe)s
GROUP BY GROUPING SETS ((reden_id), (resultaat_id), ())
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


def melding_cijfers(organisatie, schooljaar) -> MeldingCijfers:
    return eenmaal(tel_meldingen, organisatie, schooljaar)


def melding_groepen(organisatie, schooljaar) -> Groepen:
    return eenmaal(tel_melding_groepen, organisatie, schooljaar)


def _fetch(sql: str, organisatie_id: int, schooljaar) -> list[tuple]:
    params = {
        "organisatie": organisatie_id,
        "first": schooljaar.first_day,
        "last": schooljaar.last_day,
        "absoluut": MeldingSoort.ABSOLUUT.value,
        "relatief": list(BBV_RELATIEF),
        "luxe": MeldingSoort.LUXE.value,
    }
    # The read replica when the report reads from it (cases/platform/replica.py).
    alias = router.db_for_read(Melding) or "default"
    with connections[alias].cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def luxe_gezinnen(organisatie, schooljaar) -> dict:
    """{"reden_id": {id: gezinnen}, "resultaat_id": {id: gezinnen}, "totaal": gezinnen}."""
    result = {"reden_id": {}, "resultaat_id": {}, "totaal": 0}
    for reden_id, resultaat_id, bits, n in _fetch(GEZINNEN_SQL, organisatie.pk, schooljaar):
        if bits == 0b01:
            result["reden_id"][reden_id] = n
        elif bits == 0b10:
            result["resultaat_id"][resultaat_id] = n
        else:
            result["totaal"] = n
    return result


def tel_melding_groepen(organisatie_id: int, schooljaar) -> Groepen:
    return tel_groepen(
        router.db_for_read(Melding) or "default",
        GROEPEN,
        {},
        "FROM leerplicht_melding "
        "WHERE organisatie_id = %(organisatie)s AND ontvangen_op BETWEEN %(first)s AND %(last)s",
        {"organisatie": organisatie_id, "first": schooljaar.first_day, "last": schooljaar.last_day},
    )


def tel_meldingen(organisatie_id: int, schooljaar) -> MeldingCijfers:
    rows = _fetch(SQL, organisatie_id, schooljaar)
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
