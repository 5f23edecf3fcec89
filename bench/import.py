"""Benchmark: importing a 100,000-row meldingen file.

    make bench BENCH=import            (default 100,000 rows)

Prints rows per second for the product's import (reading, validating every cell, resolving
jongeren, writing in one transaction with history and processing log) and, as the baseline
measured in the same run, PostgreSQL COPY of the same rows into a plain table (the ratio).
"""

import argparse
import csv
import io
import os
import random
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402

from cases.imports.records import import_now  # noqa: E402
from cases.services import organisatie_create  # noqa: E402
from leerplicht.models import Melding  # noqa: E402

HEADER = [
    "extern_id",
    "gemeente",
    "jongere_id",
    "achternaam",
    "voornamen",
    "geboortedatum",
    "geslacht",
    "soort",
    "ontvangen_op",
    "onderwijssoort",
    "reden",
    "resultaat",
    "afgesloten_op",
    "halt",
    "proces_verbaal",
    "gezin_id",
]
REDENEN = ["Herhaald verzuim", "Ongemotiveerd", "Vaak te laat", "Psychosociale problematiek"]
RESULTATEN = ["Formele waarschuwing", "Naar school", "Ter kennisname dossier", "Halt"]


def make_file(rows: int, seed: int = 1) -> bytes:
    rng = random.Random(seed)
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(HEADER)
    persons = rows * 7 // 10  # 70% distinct jongeren, as in the seeds
    for i in range(rows):
        person = i % persons
        received = date(2024, 8, 1) + timedelta(days=rng.randint(0, 330))
        closed = rng.random() < 0.8
        writer.writerow(
            [
                f"M{i}",
                "GM0637",
                f"P{person}",
                "Jansen",
                "Kim",
                date(2009, 1, 1) + timedelta(days=(person * 7) % 3000),
                "mvx"[person % 3],
                rng.choice(["relatief_wettelijk", "relatief_licht"]),
                received.isoformat(),
                rng.choice(["vmbo", "havo", "mbo_2"]),
                rng.choice(REDENEN),
                rng.choice(RESULTATEN) if closed else "",
                (received + timedelta(days=20)).isoformat() if closed else "",
                "nee",
                "nee",
                "",
            ]
        )
    return buffer.getvalue().encode("utf-8")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    args = parser.parse_args()
    data = make_file(args.rows)
    organisatie = organisatie_create(
        slug="importbench", naam="Importbench", gemeenten=[("GM0637", "Zoetermeer")]
    )

    start = time.perf_counter()
    record = import_now(
        name="meldingen", organisatie=organisatie, actor=None, data=data, filename="bench.csv", via="bench"
    )
    seconds = time.perf_counter() - start
    assert Melding.objects.count() == args.rows == record.aangemaakt

    start = time.perf_counter()
    again = import_now(
        name="meldingen", organisatie=organisatie, actor=None, data=data, filename="bench.csv", via="bench"
    )
    again_seconds = time.perf_counter() - start
    assert again.ongewijzigd == args.rows

    with connection.cursor() as cursor:
        cursor.execute("CREATE TEMP TABLE copy_baseline (" + ", ".join(f"{c} text" for c in HEADER) + ")")
        start = time.perf_counter()
        with cursor.copy(
            "COPY copy_baseline FROM STDIN WITH (FORMAT csv, HEADER true, DELIMITER ';')"
        ) as copy:
            copy.write(data)
        copy_seconds = time.perf_counter() - start

    print(f"Import van {args.rows:,} meldingen ({len(data) // 1024} KB, {record.rijen:,} rijen):")
    print(f"  eerste import (alles nieuw): {seconds:.1f} s = {args.rows / seconds:,.0f} rijen/s")
    print(
        f"  zelfde bestand nogmaals (niets gewijzigd): {again_seconds:.1f} s = {args.rows / again_seconds:,.0f} rijen/s"
    )
    print(
        f"  basislijn PostgreSQL COPY in een kale tabel: {copy_seconds:.2f} s = {args.rows / copy_seconds:,.0f} rijen/s"
    )
    print(f"  verhouding COPY / import: {seconds / copy_seconds:.0f}x sneller")


if __name__ == "__main__":
    main()
