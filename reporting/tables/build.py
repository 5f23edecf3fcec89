"""Build every table of the jaarverslag for one organisation and schooljaar."""

from django.db import DEFAULT_DB_ALIAS, router
from django.utils import timezone

from cases.models import Organisatie
from cases.platform.replica import reads_from_replica
from cases.rules import Schooljaar
from leerplicht.models import Melding

from . import cijfers, doorstroom, feiten, gedeeld, indicatoren, leerplicht, verhuizing
from .base import Report

# The builders in report order; each returns a list of Tables and runs a fixed number of
# queries, whatever the amount of data.
BUILDERS = [leerplicht.build, verhuizing.build, doorstroom.build]

TABLE_IDS = [
    "kerncijfers",
    "meldingen_per_soort",
    "absoluut_redenen",
    "absoluut_resultaten",
    "absoluut_onderwijssector",
    "luxe_redenen",
    "luxe_resultaten",
    "relatief_onderwijssoort",
    "relatief_redenen",
    "relatief_resultaten",
    "thuiszitters_leeftijd",
    "thuiszitters_redenen",
    "thuiszitters_resultaten",
    "zorg_redenen",
    "zorg_resultaten",
    "jgz_ziekteverzuim",
    "vrijstellingen",
    "processen_verbaal",
    "halt_verwijzingen",
    "processen_verbaal_verdachte",
    "overdrachten",
    "resultaten_samenvatting",
    "relatief_per_gemeente",
    "verzuim_18plus",
    "zorg_18plus",
    "vsv_kerncijfers",
    "vsv_onderwijsachtergrond_leeftijd",
    "vsv_geslacht",
    "vsv_begeleiding",
    "vsv_uitstroom",
    "oud_vsv",
    "vsv_uitstroom_vergelijking",
    "kwetsbare_jongeren_leeftijd",
    "kwetsbare_jongeren_uitstroom",
    "jongeren_in_beeld",
    "doorstroom_resultaten_per_gemeente",
    "bbv_indicatoren",
]


def build_report(
    organisatie: Organisatie,
    schooljaar: Schooljaar,
    vergelijkingsjaar: Schooljaar | None = None,
    *,
    drie_jaren: bool = False,
) -> Report:
    """All tables; `drie_jaren` adds the Roermond-style key figures of the last three
    schooljaren side by side (kerncijfers_drie_jaren) to the kerncijfers page."""
    report = Report(
        organisatie_naam=organisatie.naam,
        organisatie_slug=organisatie.slug,
        gemeenten=list(organisatie.gemeenten.order_by("naam").values_list("code", "naam")),
        schooljaar=str(schooljaar),
        vergelijkingsjaar=str(vergelijkingsjaar) if vergelijkingsjaar else None,
        generated_at=timezone.now(),
    )
    # Pure reads that may lag a moment behind: from the read replica when there is one.
    # gedeeld(): the counts several tables share are read once per year, the heaviest ahead.
    with reads_from_replica(), gedeeld.gedeeld():
        gedeeld.vooraf(
            router.db_for_read(Melding) or DEFAULT_DB_ALIAS,
            [
                (cijfers.tel_meldingen, organisatie, schooljaar),
                (doorstroom.tel_trajecten, organisatie, schooljaar),
            ],
            [
                (cijfers.tel_meldingen, organisatie, vergelijkingsjaar),
                (cijfers.tel_melding_groepen, organisatie, schooljaar),
                (leerplicht.tel_jgz, organisatie, schooljaar),
            ],
        )
        for builder in BUILDERS:
            report.tables.extend(builder(organisatie, schooljaar, vergelijkingsjaar, report.gemeenten))
        report.feiten = feiten.feiten(organisatie, schooljaar)
        if drie_jaren:
            gemeente_codes = dict(organisatie.gemeenten.values_list("pk", "code"))
            report.tables.insert(
                1, leerplicht.kerncijfers_drie_jaren(organisatie, schooljaar, gemeente_codes)
            )
        vsv = next((t for t in report.tables if t.id == "vsv_kerncijfers"), None)
        report.tables.append(indicatoren.bbv_indicatoren(organisatie, schooljaar, vergelijkingsjaar, vsv))
    # Imported here: the controle reads the tables' labels, which import the table modules.
    from reporting.controle import run as controle

    report.controle = controle(report)
    from reporting import selectors

    report.teksten = selectors.teksten(organisatie=organisatie, schooljaar=schooljaar.start_year)
    report.logo, report.logo_tekst = selectors.logo_data_uri(organisatie=organisatie)
    return report
