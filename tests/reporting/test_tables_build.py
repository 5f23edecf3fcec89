"""Jaarverslag tables: constant query count, per-gemeente columns, code-list order, n.b."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cases.codelists import seed_codelists
from cases.constants import Codelijst
from cases.models import Dossier, Gemeente, Jongere, Organisatie
from cases.rules import Schooljaar
from leerplicht.models import Melding
from reporting.models import Populatie
from reporting.tables import build_report

pytestmark = pytest.mark.django_db

ROERMOND = [
    ("GM0957", "Roermond"),
    ("GM1669", "Roerdalen"),
    ("GM1711", "Echt-Susteren"),
    ("GM1641", "Maasgouw"),
]


def organisation(slug, gemeenten, variant="standaard"):
    organisatie = Organisatie.objects.create(slug=slug, naam=slug.title())
    for code, naam in gemeenten:
        organisatie.gemeenten.add(Gemeente.objects.get_or_create(code=code, defaults={"naam": naam})[0])
    seed_codelists(organisatie, variant)
    return organisatie


def add_meldingen(organisatie, n, start=date(2024, 9, 1), soort="relatief_wettelijk", resultaat=None):
    gemeenten = list(organisatie.gemeenten.order_by("code"))
    jongeren = Jongere.objects.bulk_create(
        Jongere(
            organisatie=organisatie,
            voornamen="J",
            achternaam=str(i),
            geboortedatum=date(2011, 1, 1),
            woongemeente=gemeenten[i % len(gemeenten)],
        )
        for i in range(n)
    )
    dossiers = Dossier.objects.bulk_create(Dossier(jongere=j) for j in jongeren)
    Melding.objects.bulk_create(
        (
            Melding(
                dossier=d,
                organisatie=organisatie,
                soort=soort,
                ontvangen_op=start + timedelta(days=i % 300),
                gemeente_id=d.jongere.woongemeente_id,
                leeftijd=13,
                onderwijssoort="vmbo",
                resultaat=resultaat,
                fase="afgesloten" if resultaat else "waarnemen",
                afgesloten_op=start + timedelta(days=i % 300 + 3) if resultaat else None,
            )
            for i, d in enumerate(dossiers)
        ),
        batch_size=2000,
    )


def queries_of_build(organisatie) -> int:
    with CaptureQueriesContext(connection) as captured:
        build_report(organisatie, Schooljaar(2024), Schooljaar(2023))
    return len(captured.captured_queries)


def test_the_number_of_queries_does_not_grow_with_the_data():
    organisatie = organisation("groei", [("GM0637", "Zoetermeer")])
    add_meldingen(organisatie, 100)
    small = queries_of_build(organisatie)
    add_meldingen(organisatie, 9_900)
    assert Melding.objects.count() == 10_000
    assert queries_of_build(organisatie) == small


def test_roermond_style_organisation_gets_a_column_per_gemeente_and_the_comparison_year():
    organisatie = organisation("roermond", ROERMOND, variant="roermond")
    halt = organisatie.codes.get(lijst=Codelijst.RESULTAAT_RELATIEF, label="Afgedaan met Halt-straf")
    add_meldingen(organisatie, 8, resultaat=halt)  # 2 per gemeente in 2024-2025
    add_meldingen(organisatie, 3, start=date(2023, 9, 1))  # 2023-2024
    report = build_report(organisatie, Schooljaar(2024), Schooljaar(2023))

    per_gemeente = report.table("relatief_per_gemeente")
    assert [c.key for c in per_gemeente.columns] == [
        "GM1711",
        "GM1641",
        "GM1669",
        "GM0957",
        "totaal",
        "percentage",
    ]
    row = next(r for r in per_gemeente.rows if r.label == "Afgedaan met Halt-straf")
    assert (row.values["GM0957"], row.values["GM1641"], row.values["totaal"]) == (2, 2, 8)
    assert per_gemeente.rows[0].label == "Afgedaan met Halt-straf"  # Roermond's own list and order

    kerncijfers = {r.label: r.values for r in report.table("kerncijfers").rows}
    meldingen = kerncijfers["Meldingen verzuim en zorg"]
    assert (meldingen["totaal"], meldingen["vorig_jaar"], meldingen["verschil"]) == (8, 3, 5)
    assert meldingen["GM1669"] == 2
    assert kerncijfers["Leerplichtigen (5-16 jaar)"]["totaal"] is None  # no population: n.b.
    assert "vrijstellingen_per_gemeente" in [t.id for t in report.tables]


def test_population_figures_fill_the_key_figures():
    organisatie = organisation("delft", [("GM0503", "Delft")])
    Populatie.objects.create(gemeente=organisatie.gemeenten.get(), schooljaar=2024, leerplichtigen=14_000)
    report = build_report(organisatie, Schooljaar(2024))
    kerncijfers = {r.label: r.values for r in report.table("kerncijfers").rows}
    assert kerncijfers["Leerplichtigen (5-16 jaar)"]["aantal"] == 14_000


def test_rows_follow_the_code_list_order_and_retired_codes_without_data_disappear():
    organisatie = organisation("leiden", [("GM0546", "Leiden")])
    vakantie = organisatie.codes.get(lijst=Codelijst.REDEN_LUXE, label="Vakantie")
    familie = organisatie.codes.get(lijst=Codelijst.REDEN_LUXE, label="Familieomstandigheden")
    vakantie.volgorde, familie.volgorde = 1, 2
    vakantie.save()
    familie.save()
    labels = [r.label for r in build_report(organisatie, Schooljaar(2024)).table("luxe_redenen").rows]
    assert labels == ["Vakantie", "Familieomstandigheden"]
    familie.actief = False
    familie.save()
    labels = [r.label for r in build_report(organisatie, Schooljaar(2024)).table("luxe_redenen").rows]
    assert labels == ["Vakantie"]


def test_every_table_id_of_the_spec_is_built():
    from reporting.tables import TABLE_IDS

    organisatie = organisation("gouda", [("GM0513", "Gouda")])
    built = {t.id for t in build_report(organisatie, Schooljaar(2024)).tables}
    assert set(TABLE_IDS) <= built


def test_the_age_at_uitval_counts_whole_years_up_to_the_day_before_the_birthday():
    """A jongere who drops out the day before the 19th birthday is 18 in the age table; on the
    birthday, 19; born on 29 February, 19 on 1 March of a year without it."""
    from cases.models import CodeItem
    from doorstroom.models import Traject

    organisatie = organisation("leeftijd", [("GM0637", "Zoetermeer")])
    achtergrond = CodeItem.objects.filter(
        organisatie=organisatie, lijst=Codelijst.DSP_ONDERWIJSACHTERGROND
    ).first()
    cases = [
        (date(2005, 10, 2), date(2024, 10, 1)),  # 18: the birthday is tomorrow
        (date(2005, 10, 1), date(2024, 10, 1)),  # 19: the birthday is today
        (date(2005, 2, 28), date(2025, 2, 27)),  # 19 (not yet 20)
        (date(2004, 2, 29), date(2023, 3, 1)),  # 19: 29 February 2023 does not exist
    ]
    for i, (geboren, uitval) in enumerate(cases):
        jongere = Jongere.objects.create(
            organisatie=organisatie,
            voornamen="J",
            achternaam=f"L{i}",
            geboortedatum=geboren,
            woongemeente=organisatie.gemeenten.get(),
        )
        Traject.objects.create(
            dossier=Dossier.objects.create(jongere=jongere),
            organisatie=organisatie,
            doelgroep="nieuw_vsv",
            gemeld_op=date(2024, 10, 15),
            uitval_op=uitval,
            onderwijsachtergrond=achtergrond,
        )
    report = build_report(organisatie, Schooljaar(2024))
    table = next(t for t in report.tables if t.id == "vsv_onderwijsachtergrond_leeftijd")
    row = next(r for r in table.rows if r.label == achtergrond.label)
    assert {age: row.values[age] for age in ("17", "18", "19", "20")} == {"17": 0, "18": 1, "19": 3, "20": 0}
