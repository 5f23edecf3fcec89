"""Reports constructed in memory, so renderers are tested without the table builders."""

from datetime import datetime
from zoneinfo import ZoneInfo

from reporting.tables.base import DOORSTROOM, LEERPLICHT, Column, Report, Row, Table, count_table

GENERATED_AT = datetime(2025, 9, 15, 10, 30, tzinfo=ZoneInfo("Europe/Amsterdam"))


def meldingen_per_soort() -> Table:
    table = count_table(
        table_id="meldingen_per_soort",
        titel="Meldingen per soort",
        deel=LEERPLICHT,
        labels=[
            "Relatief verzuim (wettelijk)",
            "Relatief verzuim (licht)",
            "Absoluut verzuim",
            "Luxe verzuim",
        ],
        # 2.318 wettelijk of 7.753 in all: 29,9%
        counts={
            "Relatief verzuim (wettelijk)": 2318,
            "Relatief verzuim (licht)": 4500,
            "Absoluut verzuim": 900,
            "Luxe verzuim": 35,
        },
        chart="pie",
    )
    return table


def kerncijfers() -> Table:
    columns = [Column("aantal", "Aantal"), Column("vorig_jaar", "2023-2024")]
    rows = [
        Row("Leerplichtigen", {"aantal": 23456, "vorig_jaar": 23001}),
        Row("Meldingen", {"aantal": 7753, "vorig_jaar": 7012}),
        Row("Verzuimpercentage", {"aantal": None, "vorig_jaar": None}),
    ]
    return Table(
        id="kerncijfers",
        titel="Kerncijfers leerplicht",
        deel=LEERPLICHT,
        columns=columns,
        rows=rows,
        total={},
        has_total=False,
    )


def vsv_uitstroom() -> Table:
    columns = [Column("aantal", "Aantal"), Column("percentage", "%", percentage=True)]
    rows = [
        Row("Onderwijs", {"aantal": 40, "percentage": 66.7}),
        Row("Mbo niveau 2", {"aantal": 30, "percentage": 50.0}, level=1),
        Row("Mbo niveau 1 (Entree)", {"aantal": 10, "percentage": 16.7}, level=1),
        Row("Werk", {"aantal": 20, "percentage": 33.3}),
    ]
    return Table(
        id="vsv_onderwijsachtergrond_leeftijd",  # 33 characters: longer than a sheet name may be
        titel="Uitstroom van begeleide vsv'ers",
        deel=DOORSTROOM,
        columns=columns,
        rows=rows,
        total={"aantal": 60, "percentage": 100.0},
        chart="donut",
        chart_column="aantal",
    )


def thuiszitters_leeftijd() -> Table:
    columns = [Column("aantal", "Aantal"), Column("percentage", "%", percentage=True)]
    counts = {age: (age * 3) % 11 for age in range(5, 19)}
    total = sum(counts.values())
    rows = [
        Row(str(age), {"aantal": n, "percentage": round(100 * n / total, 1)}) for age, n in counts.items()
    ]
    return Table(
        id="thuiszitters_leeftijd",
        titel="Thuiszitters per leeftijd",
        deel=LEERPLICHT,
        columns=columns,
        rows=rows,
        total={"aantal": total, "percentage": 100.0},
        chart="bar",
        chart_column="aantal",
    )


def fake_report(tables: list[Table] | None = None, **kwargs) -> Report:
    defaults = {
        "organisatie_naam": "Leerplicht Zoetermeer",
        "organisatie_slug": "zoetermeer",
        "gemeenten": [("GM0637", "Zoetermeer")],
        "schooljaar": "2024-2025",
        "vergelijkingsjaar": "2023-2024",
        "generated_at": GENERATED_AT,
    }
    report = Report(**(defaults | kwargs))
    report.tables = tables if tables is not None else [kerncijfers(), meldingen_per_soort(), vsv_uitstroom()]
    return report


def large_report(count: int = 30) -> Report:
    """A report the size of the real jaarverslag: `count` tables with 5-15 rows, charts included."""
    tables = []
    makers = [meldingen_per_soort, thuiszitters_leeftijd, vsv_uitstroom, kerncijfers]
    for index in range(count):
        table = makers[index % len(makers)]()
        table.id = f"{table.id}_{index}"
        table.titel = f"{table.titel} ({index + 1})"
        table.deel = LEERPLICHT if index < count * 2 // 3 else DOORSTROOM
        tables.append(table)
    return fake_report(tables)
