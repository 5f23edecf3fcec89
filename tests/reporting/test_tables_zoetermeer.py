"""The Zoetermeer jaarverslag 2024-2025, regenerated from individual records.

Expected figures are typed over from the published report (../shared/seeds), not computed by
our code. Where the report misprints a percentage, the test says so and expects the correct one.
"""

import pytest

from cases.rules import Schooljaar
from reporting.renderers.json import render_json
from reporting.tables import build_report
from tests.reporting.zoetermeer import build_doorstroom, build_verzuim_18plus, build_zoetermeer

# The marker makes pytest-django create the test database; the data is built once per module.
pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def built(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        from django.db import transaction

        with transaction.atomic():
            organisatie = build_zoetermeer()
            build_doorstroom(organisatie)
            build_verzuim_18plus(organisatie)
            built = build_report(organisatie, Schooljaar(2024))
            transaction.set_rollback(True)
    return built


@pytest.fixture(scope="module")
def report(built):
    """The tables as the JSON export gives them."""
    return render_json(built)["tabellen"]


def rows(table) -> dict:
    return {row["label"]: row["waarden"] for row in table["rijen"]}


def test_grafiek_1_meldingen_per_soort(report):
    table = rows(report["meldingen_per_soort"])
    published = {
        "Relatief verzuim (licht)": (499, 19.8),
        "Absoluut verzuim": (184, 7.3),
        "Luxe verzuim": (40, 1.6),
        "Relatief verzuim (wettelijk)": (792, 31.5),
        "Zorg- en preventiemelding": (651, 25.9),
        "Langdurig relatief verzuim (thuiszitter)": (152, 6.0),
        "Aanvragen vrijstelling": (199, 7.9),
    }
    for label, (aantal, pct) in published.items():
        assert (table[label]["aantal"], table[label]["percentage"]) == (aantal, pct), label
    assert report["meldingen_per_soort"]["totaal"]["aantal"] == 2517
    # "792 meldingen ... 536 leerlingen", "499 meldingen ... 455 leerlingen", 1.635 in all
    assert table["Relatief verzuim (wettelijk)"]["jongeren"] == 536
    assert table["Relatief verzuim (licht)"]["jongeren"] == 455
    assert report["meldingen_per_soort"]["totaal"]["jongeren"] == 1635


def test_kerncijfers(report):
    table = rows(report["kerncijfers"])
    assert table["Leerplichtigen (5-16 jaar)"]["aantal"] == 19163
    assert table["Meldingen verzuim en zorg"]["aantal"] == 2318
    assert table["Leerlingen gemeld"]["aantal"] == 1635
    assert table["Aanvragen vrijstelling en verlof"]["aantal"] == 199


@pytest.mark.parametrize(
    ("table_id", "published", "total"),
    [
        (
            "absoluut_resultaten",
            {
                "(Terug) naar school": (90, 48.9),
                "Verhuisd": (30, 16.3),
                "Niet opgelost einde schooljaar": (25, 13.6),
                "Overdracht Doorstroompunt i.v.m. einde leerplicht": (20, 10.9),
                "Vrijstelling": (14, 7.6),
                "Schoolvervangend traject": (5, 2.7),
            },
            184,
        ),
        ("luxe_redenen", {"Familieomstandigheden": (23, 57.5), "Vakantie": (17, 42.5)}, 40),
        (
            "luxe_resultaten",
            {
                "Formele waarschuwing": (27, 67.5),
                "Proces-verbaal": (6, 15.0),
                "Ter kennisname dossier": (5, 12.5),
                "Niet verwijtbaar": (2, 5.0),
            },
            40,
        ),
        (
            "thuiszitters_redenen",
            {
                "Psychische klachten internaliserend": (61, 40.1),
                # the report prints 18,5%: 28 of 152 is 18,42%
                "Ongemotiveerd": (28, 18.4),
                "Psychische klachten externaliserend": (18, 11.8),
                "Gezinsproblematiek": (13, 8.6),
                "Gedragsproblematiek": (13, 8.6),
                # the report prints 4,7% for the first of these two equal rows
                "Wachtlijst passend onderwijs": (7, 4.6),
                "Wachtlijst jeugdhulp": (7, 4.6),
                "Hoge begaafdheid": (2, 1.3),
                "Hoogst haalbare bereikt": (2, 1.3),
                "Lichamelijke klachten/medisch": (1, 0.7),
            },
            152,
        ),
    ],
)
def test_one_count_tables(report, table_id, published, total):
    table = rows(report[table_id])
    for label, (aantal, pct) in published.items():
        assert (table[label]["aantal"], table[label]["percentage"]) == (aantal, pct), label
    assert report[table_id]["totaal"]["aantal"] == total
    assert "Onbekend / niet geregistreerd" not in table


def test_absoluut_without_reason_is_counted_as_onbekend(report):
    table = rows(report["absoluut_redenen"])
    assert table["Niet aangemeld op een school"]["aantal"] == 55
    assert table["Onbekend / niet geregistreerd"]["aantal"] == 184 - 163
    assert sum(r["aantal"] for r in table.values()) == report["absoluut_redenen"]["totaal"]["aantal"] == 184


def test_luxe_verzuim_counts_gezinnen(report):
    assert report["luxe_redenen"]["totaal"]["gezinnen"] == 28


def test_absoluut_per_sector(report):
    table = rows(report["absoluut_onderwijssector"])
    assert (table["PO"]["aantal"], table["VO"]["aantal"], table["MBO"]["aantal"]) == (100, 58, 26)


@pytest.mark.parametrize(
    ("table_id", "published"),
    [
        (
            "relatief_onderwijssoort",  # Tabel 5
            {
                "BO/SBO": (26, 23, 3.8),
                "SO": (0, 5, 0.4),
                "VSO": (13, 16, 2.2),
                "PRO": (12, 17, 2.2),
                "Onderbouw VO": (61, 93, 11.9),
                "VMBO": (102, 234, 26.0),
                "HAVO": (13, 49, 4.8),
                "VWO": (2, 7, 0.7),
                "VAVO": (3, 0, 0.2),
                "MBO niveau 1 (entree)": (87, 12, 7.7),
                "MBO niveau 2": (196, 20, 16.7),
                "MBO niveau 3": (46, 7, 4.1),
                "MBO niveau 4": (231, 16, 19.1),
            },
        ),
        (
            "relatief_redenen",  # Tabel 6
            {
                "Herhaald verzuim": (255, 139, 30.5),
                "Ongemotiveerd": (271, 120, 30.3),
                # the report prints 11,2%: 143 of 1.291 is 11,08%
                "Psychosociale problematiek": (88, 55, 11.1),
                "Vaak te laat": (41, 99, 10.8),
                "Twijfelachtig/zorgelijk ziekteverzuim": (51, 38, 6.9),
                "Verkeerde school/opleiding": (63, 20, 6.4),
                "Stage/leerbaanproblematiek": (12, 5, 1.3),
                "Gezinsproblematiek": (0, 17, 1.3),
                "Hoogst haalbare bereikt": (5, 4, 0.7),
                "Werkt/wil werken": (6, 2, 0.6),
            },
        ),
        (
            "relatief_resultaten",  # Tabel 7
            {
                "Formele waarschuwing": (212, 203, 32.1),
                "Naar school": (353, 56, 31.7),
                "Ter kennisname dossier": (123, 177, 23.2),
                "Hulpverlening": (25, 26, 4.0),
                "Niet verwijtbaar": (26, 21, 3.6),
                "Schoolvervangend traject": (15, 8, 1.8),
                "Verhuisd": (8, 4, 0.9),
                "Halt": (8, 3, 0.9),
                "Proces-verbaal": (11, 0, 0.9),
                "Overdracht Doorstroompunt 18+": (8, 0, 0.6),
                "Thuiszitter": (3, 1, 0.3),
            },
        ),
    ],
)
def test_relatief_tables_wettelijk_licht(report, table_id, published):
    table = rows(report[table_id])
    for label, (wettelijk, licht, pct) in published.items():
        assert (table[label]["wettelijk"], table[label]["licht"], table[label]["percentage"]) == (
            wettelijk,
            licht,
            pct,
        ), label
    totaal = report[table_id]["totaal"]
    assert (totaal["wettelijk"], totaal["licht"], totaal["totaal"]) == (792, 499, 1291)


def test_every_table_adds_up(built):
    for table in built.tables:
        if not table.has_total:
            continue
        top_rows = [row for row in table.rows if row.level == 0]  # detail rows are part of a category
        for column, total in table.total.items():
            if column in ("percentage", "jongeren", "gezinnen") or total is None:
                continue
            assert sum(r.values[column] or 0 for r in top_rows) == total, (table.id, column)


def half_up(value: float) -> int:
    return int(value + 0.5)


def test_grafiek_5_begeleiding_nieuwe_vsvers(report):
    table = rows(report["vsv_begeleiding"])
    published = {  # whole percentages in the report
        "Begeleid": (176, 54),
        "Niet begeleid": (151, 46),
        "Is gaan werken en/of studeren": (88, 27),
        "Niet getraceerd na huisbezoek": (35, 11),
        "Volgt traject inburgering": (13, 4),
        "Heeft aanbod geweigerd": (8, 2),
        "Volgt traject Wajong": (5, 2),
        "Geen aanbod i.v.m. beperking": (2, 1),
    }
    for label, (aantal, pct) in published.items():
        assert (table[label]["aantal"], half_up(table[label]["percentage"])) == (aantal, pct), label
    assert report["vsv_begeleiding"]["totaal"]["aantal"] == 327


def test_verzuim_18plus_counts_imported_records_as_meldingen(report):
    # "Er zijn 1.210 meldingen verzuim 18+ ... De meldingen hadden betrekking op 603 jongeren";
    # 296 of the trajecten came in through the CSV import without separate meldingen.
    table = rows(report["verzuim_18plus"])
    assert table["Meldingen verzuim 18+"]["aantal"] == 1210
    assert table["Jongeren gemeld"]["aantal"] == 603


def test_the_controle_finds_nothing_in_the_published_figures(built):
    assert built.controle == []


def test_vsv_kerncijfers(report):
    table = rows(report["vsv_kerncijfers"])
    # "327 jongeren tijdelijk gestopt", "80 schoolverlaters terug naar onderwijs", "247 nieuwe vsv'ers"
    assert table["Jongeren tijdelijk gestopt (uitvallers)"]["aantal"] == 327
    assert table["Teruggekeerd naar onderwijs"]["aantal"] == 80
    assert table["Nieuwe voortijdig schoolverlaters"]["aantal"] == 247
    assert table["Vsv-percentage"]["aantal"] is None  # no startpopulatie entered: n.b.


def test_tabel_13_onderwijsachtergrond_naar_leeftijd(report, built):
    table = rows(report["vsv_onderwijsachtergrond_leeftijd"])
    published = {
        "VMBO": (2, 6, 3, 0, 0, 0, 11),
        "HAVO": (0, 3, 1, 1, 0, 0, 5),
        "VWO": (0, 1, 1, 0, 1, 0, 3),
        "VAVO": (0, 5, 8, 1, 2, 0, 16),
        "MBO": (3, 114, 34, 45, 22, 8, 226),
        "School buitenland": (1, 11, 14, 12, 16, 5, 59),
        "Inburgering": (0, 1, 0, 1, 0, 0, 2),
        "Particulier onderwijs": (0, 1, 1, 1, 1, 1, 5),
    }
    for label, counts in published.items():
        values = table[label]
        assert tuple(values[k] for k in ("17", "18", "19", "20", "21", "22", "totaal")) == counts, label
    totaal = report["vsv_onderwijsachtergrond_leeftijd"]["totaal"]
    assert tuple(totaal[k] for k in ("17", "18", "19", "20", "21", "22", "totaal")) == (
        6,
        142,
        62,
        61,
        42,
        14,
        327,
    )
    # The report prints 43,3% for age 18; 142 of 327 is 43,43%.
    toelichting = built.table("vsv_onderwijsachtergrond_leeftijd").toelichting
    for share in ("17: 1,8%", "18: 43,4%", "19: 19,0%", "20: 18,7%", "21: 12,8%", "22: 4,3%"):
        assert share in toelichting


def test_tabel_15_oude_vsvers(report):
    table = rows(report["oud_vsv"])
    published = {
        "Begeleid": (96, 49.7),
        "Is gaan werken en/of studeren": (55, 28.5),
        "Volgt traject inburgering": (13, 6.7),
        "Niet getraceerd na huisbezoek": (12, 6.2),
        "Volgt traject Wajong": (10, 5.2),
        "Heeft aanbod geweigerd": (7, 3.6),
        "Geen aanbod i.v.m. beperking": (0, 0.0),
    }
    for label, (aantal, pct) in published.items():
        assert (table[label]["aantal"], table[label]["percentage"]) == (aantal, pct), label
    assert report["oud_vsv"]["totaal"]["aantal"] == 193


def test_tabel_16_kwetsbare_jongeren_naar_leeftijd(report):
    table = rows(report["kwetsbare_jongeren_leeftijd"])
    published = {
        "Praktijkonderwijs": (16, 2, 1, 3, 0, 22),
        "VSO": (11, 3, 0, 0, 0, 14),
        "Entree": (8, 3, 0, 2, 2, 15),
    }
    keys = ("18", "19", "20", "21", "22", "totaal")
    for label, counts in published.items():
        assert tuple(table[label][k] for k in keys) == counts, label
    totaal = report["kwetsbare_jongeren_leeftijd"]["totaal"]
    assert tuple(totaal[k] for k in keys) == (35, 8, 1, 5, 2, 51)


def test_tabel_17_uitstroom_kwetsbare_jongeren(report):
    table = rows(report["kwetsbare_jongeren_uitstroom"])
    # Whole percentages in the report; it prints 6% for Onderwijs, but 6 of 51 is 11,8%.
    published = {
        "Onderwijs": (6, 11.8),
        "Werk regulier": (20, 39.2),
        "UWV/GSD/Binnenbaan": (20, 39.2),
        "Onbekend": (3, 5.9),
        "Niet plaatsbaar": (2, 3.9),
    }
    for label, (aantal, pct) in published.items():
        assert (table[label]["aantal"], table[label]["percentage"]) == (aantal, pct), label
    assert report["kwetsbare_jongeren_uitstroom"]["totaal"]["aantal"] == 51


def test_the_pdf_text_contains_the_published_figures(built, tmp_path):
    import subprocess

    from reporting.renderers.pdf import render_pdf

    pdf = tmp_path / "zoetermeer.pdf"
    pdf.write_bytes(render_pdf(built).content)
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    lines = [" ".join(line.split()) for line in text.splitlines()]

    def has_row(*cells):
        return any(all(cell in line for cell in cells) and line.startswith(cells[0]) for line in lines)

    # Grafiek 1, Tabel 2, 3, 4, 5, 7, 15 and 17 as typed over from the report (Dutch notation)
    assert has_row("Relatief verzuim (wettelijk)", "792", "31,5%")
    assert has_row("Aanvragen vrijstelling", "199", "7,9%")
    assert has_row("(Terug) naar school", "90", "48,9%")
    assert has_row("Familieomstandigheden", "23", "57,5%")
    assert has_row("Formele waarschuwing", "27", "67,5%")
    assert has_row("VMBO", "102", "234", "336", "26,0%")
    assert has_row("Naar school", "353", "56", "409", "31,7%")
    assert has_row("Begeleid", "96", "49,7%")
    assert has_row("UWV/GSD/Binnenbaan", "20", "39,2%")
    assert "2.517" in text and "1.635" in text and "19.163" in text
