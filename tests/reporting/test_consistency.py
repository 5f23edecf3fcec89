"""Numbers that agree everywhere: the controle, n.b. for a comparison year without data, % signs,
footnotes where two tables count different things, whole-number chart axes."""

import re
from datetime import date

import pytest

from cases.constants import Codelijst
from cases.models import Gemeente
from cases.rules import Schooljaar
from leerplicht.models import Melding
from reporting.renderers.formatting import format_value
from reporting.renderers.pdf import render_html
from reporting.renderers.svg import axis_ticks, table_chart
from reporting.tables import build_report
from reporting.tables.base import Column, Row, Table
from tests.reporting.test_tables_build import add_meldingen, organisation

pytestmark = pytest.mark.django_db


def test_a_report_from_contradictory_records_names_each_violation():
    organisatie = organisation("strijdig", [("GM0637", "Zoetermeer"), ("GM0503", "Delft")])
    resultaat = organisatie.codes.get(lijst=Codelijst.RESULTAAT_RELATIEF, label="Naar school")
    add_meldingen(organisatie, 6, resultaat=resultaat)
    pks = list(Melding.objects.filter(organisatie=organisatie).order_by("pk").values_list("pk", flat=True))
    # Contradiction 1: two meldingen closed, but without a result.
    Melding.objects.filter(pk__in=pks[:2]).update(resultaat=None, fase="afgesloten")
    # Contradiction 2: a melding in a gemeente the organisation does not serve.
    leiden = Gemeente.objects.create(code="GM0546", naam="Leiden")
    Melding.objects.filter(pk=pks[2]).update(gemeente=leiden)

    report = build_report(organisatie, Schooljaar(2024))

    text = "\n".join(report.controle)
    assert "2 afgesloten melding(en) relatief verzuim (wettelijk) hebben geen resultaat" in text
    assert "1 melding(en) staan op een gemeente die niet bij de organisatie hoort" in text
    # The per-gemeente figures no longer add up to the organisation's: named with both numbers.
    assert "‘Meldingen verzuim en zorg’: de gemeenten tellen op tot 5, maar de organisatie heeft er 6" in text


def test_consistent_records_give_an_empty_controle():
    organisatie = organisation("netjes", [("GM0637", "Zoetermeer"), ("GM0503", "Delft")])
    resultaat = organisatie.codes.get(lijst=Codelijst.RESULTAAT_RELATIEF, label="Naar school")
    add_meldingen(organisatie, 6, resultaat=resultaat)
    add_meldingen(organisatie, 3)
    assert build_report(organisatie, Schooljaar(2024)).controle == []


def test_the_controle_finds_rows_that_do_not_add_up():
    from reporting.controle import run
    from tests.reporting.reports import fake_report

    report = fake_report()
    report.table("meldingen_per_soort").total["aantal"] += 1
    assert any(
        "Meldingen per soort" in p and "tellen op tot 7.753, maar het totaal is 7.754" in p
        for p in run(report)
    )


def test_a_comparison_year_without_data_is_nb_not_zero():
    organisatie = organisation("nieuw", [("GM0637", "Zoetermeer")])
    add_meldingen(organisatie, 4)  # only 2024-2025; nothing in 2023-2024
    report = build_report(organisatie, Schooljaar(2024), Schooljaar(2023))
    kern = {r.label: r.values for r in report.table("kerncijfers").rows}
    assert kern["Meldingen verzuim en zorg"]["vorig_jaar"] is None
    assert kern["Meldingen verzuim en zorg"]["verschil"] is None
    soort = report.table("meldingen_per_soort")
    assert {r.values["vorig_jaar"] for r in soort.rows} == {None} and soort.total["vorig_jaar"] is None
    vsv = {r.label: r.values for r in report.table("vsv_kerncijfers").rows}
    assert vsv["Jongeren tijdelijk gestopt (uitvallers)"]["vorig_jaar"] is None
    html = render_html(report)
    assert "n.b." in html


def test_a_comparison_year_with_data_keeps_its_zeros():
    organisatie = organisation("oud", [("GM0637", "Zoetermeer")])
    add_meldingen(organisatie, 4)
    add_meldingen(organisatie, 2, start=date(2023, 9, 1))
    soort = {
        r.label: r.values
        for r in build_report(organisatie, Schooljaar(2024), Schooljaar(2023))
        .table("meldingen_per_soort")
        .rows
    }
    assert soort["Relatief verzuim (wettelijk)"]["vorig_jaar"] == 2
    assert soort["Luxe verzuim"]["vorig_jaar"] == 0


def test_the_vsv_percentage_is_written_with_a_percent_sign():
    assert format_value(7.5, Column("aantal", "Aantal"), percentage=True) == "7,5%"
    assert format_value(None, Column("aantal", "Aantal"), percentage=True) == "n.b."
    organisatie = organisation("procent", [("GM0637", "Zoetermeer")])
    from reporting.models import Populatie

    Populatie.objects.create(
        gemeente=organisatie.gemeenten.get(), schooljaar=2024, leerplichtigen=100, startpopulatie_vsv=1000
    )
    report = build_report(organisatie, Schooljaar(2024))
    row = next(r for r in report.table("vsv_kerncijfers").rows if r.label == "Vsv-percentage")
    assert row.percentage and row.values["aantal"] == 0.0
    html = render_html(report)
    assert re.search(r"Vsv-percentage</th><td>0,0%</td>", html)


def test_pv_and_halt_tables_say_they_count_actions_and_the_results_tables_say_they_count_results():
    organisatie = organisation("voetnoot", [("GM0637", "Zoetermeer")])
    report = build_report(organisatie, Schooljaar(2024))
    assert "actie proces-verbaal is vastgelegd" in report.table("processen_verbaal").voetnoten[0]
    assert "actie Halt-verwijzing is vastgelegd" in report.table("halt_verwijzingen").voetnoten[0]
    assert any("resultaat bij afsluiting" in n for n in report.table("relatief_resultaten").voetnoten)
    assert any("resultaat bij afsluiting" in n for n in report.table("luxe_resultaten").voetnoten)
    html = render_html(report)
    assert html.count('class="footnote"') >= 4


def test_count_charts_have_whole_number_axes():
    assert axis_ticks(1) == [0, 1]
    assert axis_ticks(3) == [0, 1, 2, 3]
    assert axis_ticks(37) == [0, 10, 20, 30, 40]
    assert all(t == int(t) for t in axis_ticks(7))
    table = Table(
        id="thuiszitters_leeftijd",
        titel="Thuiszitters",
        deel="leerplicht",
        columns=[Column("aantal", "Aantal")],
        rows=[Row("12", {"aantal": 1}), Row("13", {"aantal": 0})],
        total={"aantal": 1},
        chart="bar",
        chart_column="aantal",
    )
    svg = table_chart(table)
    axis = re.findall(r'text-anchor="end"[^>]*>([^<]*)<', svg)
    assert axis == ["0", "1"]


def test_roermond_style_three_year_comparison_is_an_option():
    organisatie = organisation("drie", [("GM0957", "Roermond")])
    add_meldingen(organisatie, 4)  # 2024-2025
    add_meldingen(organisatie, 2, start=date(2023, 9, 1))  # 2023-2024; nothing in 2022-2023
    assert "kerncijfers_drie_jaren" not in [t.id for t in build_report(organisatie, Schooljaar(2024)).tables]
    report = build_report(organisatie, Schooljaar(2024), drie_jaren=True)
    table = report.table("kerncijfers_drie_jaren")
    assert [c.key for c in table.columns] == ["2022-2023", "2023-2024", "2024-2025"]
    meldingen = next(r for r in table.rows if r.label == "Meldingen verzuim en zorg").values
    assert meldingen == {"2022-2023": None, "2023-2024": 2, "2024-2025": 4}
    html = render_html(report)
    kern = html.index('id="kerncijfers-pagina"')
    assert kern < html.index('id="t-kerncijfers_drie_jaren"') < html.index('id="deel-leerplicht"')


def test_the_controle_is_listed_with_the_run_before_download(client, teamleider_a):
    from reporting.models import ReportRun

    ReportRun.objects.create(
        organisatie=teamleider_a.organisatie,
        schooljaar=2024,
        status="klaar",
        controle=["2 afgesloten melding(en) luxe verzuim hebben geen resultaat."],
    )
    client.force_login(teamleider_a)
    body = client.get("/rapportages/").content.decode()
    assert "Controle: 1 getal spreekt een ander tegen" in body
    assert "2 afgesloten melding(en) luxe verzuim hebben geen resultaat." in body


def test_a_contactgemeente_report_has_a_section_per_gemeente_with_its_own_figures():
    organisatie = organisation("contact", [("GM0957", "Roermond"), ("GM1669", "Roerdalen")])
    add_meldingen(organisatie, 5)  # 3 in GM0957, 2 in GM1669 (alternating by code order)
    html = render_html(build_report(organisatie, Schooljaar(2024)))
    assert 'href="#per-gemeente"' in html
    for code, naam, n in (("GM0957", "Roermond", 3), ("GM1669", "Roerdalen", 2)):
        start = html.index(f'id="gemeente-{code}"')
        section = html[start : html.index("</section>", start)]
        assert f"<h2>{naam}</h2>" in section
        assert f'<th scope="row">Meldingen verzuim en zorg</th><td>{n}</td>' in section
