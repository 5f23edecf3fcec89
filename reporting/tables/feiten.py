"""Figures the controle and the OCW leerplichttelling need that no table of the jaarverslag
shows. A fixed number of grouped queries, whatever the amount of data."""

from leerplicht.constants import Fase

from .cijfers import melding_cijfers, melding_groepen
from .common import grouped
from .leerplicht import vrijstellingen_of


def feiten(organisatie, schooljaar) -> dict:
    """Figures for the controle (reporting/controle.py) that no table shows: closed meldingen
    without a result per soort, and meldingen in a gemeente outside the organisation."""
    groepen = melding_groepen(organisatie, schooljaar)
    zonder = groepen.tel("soort", fase=Fase.AFGESLOTEN, resultaat_id=None)
    eigen = set(organisatie.gemeenten.values_list("pk", flat=True))
    buiten = sum(n for gid, n in groepen.tel("gemeente_id").items() if gid not in eigen)
    # Per gemeente and soort, for the OCW leerplichttelling (reporting/leerplichttelling.py):
    # meldingen, distinct leerlingen, processen-verbaal and Halt-verwijzingen.
    # (shared with the kerncijfers: reporting/tables/cijfers.py, one statement per year)
    per_gemeente = {
        (gid, soort): {
            "gemeente_id": gid,
            "soort": soort,
            "meldingen": t.meldingen,
            "leerlingen": t.leerlingen,
            "pv": t.pv,
            "halt": t.halt,
        }
        for (gid, soort), t in melding_cijfers(organisatie, schooljaar).per_gemeente_soort.items()
    }
    vrijstellingen = grouped(
        vrijstellingen_of(organisatie, schooljaar), "gemeente_id", "grondslag", "besluit"
    )
    return {
        "afgesloten_zonder_resultaat": zonder,
        "meldingen_buiten_gemeenten": buiten,
        "per_gemeente_soort": per_gemeente,
        "vrijstellingen_per_gemeente": vrijstellingen,
    }
