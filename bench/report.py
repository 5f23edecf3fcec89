"""Benchmark: building the jaarverslag at national scale.

    make bench BENCH=report            (default: 1,000,000 meldingen across 100 organisations)
    BENCH=report scripts/bench.sh --meldingen 100000

Prints, for the largest organisation-year: the time to build all tables with the product's
table functions (some counts read ahead on two more connections), and the same on one connection;
as the baseline measured in the same run, the time for the same counts by one hand-written SQL
statement per table on one connection (the ratio of the tables to it); the number of queries (and how many
of them are read ahead on connections of their own, reporting/tables/gedeeld.py); and the PDF
render time and page count of the report with its texts and cover logo (the first render of the
process, which also loads WeasyPrint, and the median of two more). Figures, never assertions.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")

import django  # noqa: E402

django.setup()

from django.db import connection, transaction  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from bench.generate import generate  # noqa: E402
from cases.models import Organisatie  # noqa: E402
from cases.rules import Schooljaar  # noqa: E402
from reporting.demo import write_example_texts_and_logo  # noqa: E402
from reporting.tables import build_report  # noqa: E402

MELDINGEN = """FROM leerplicht_melding m
    WHERE m.organisatie_id = %(org)s AND m.ontvangen_op BETWEEN %(first)s AND %(last)s"""
TRAJECTEN = """FROM doorstroom_traject t JOIN cases_dossier d ON d.id = t.dossier_id
    JOIN cases_jongere j ON j.id = d.jongere_id
    WHERE t.organisatie_id = %(org)s AND t.gemeld_op BETWEEN %(first)s AND %(last)s"""
AGE = "date_part('year', age(t.uitval_op, j.geboortedatum))"

# One hand-written statement per table of the report (the baseline).
BASELINE = [
    f"SELECT count(*), count(DISTINCT m.dossier_id) {MELDINGEN}",
    f"SELECT m.soort, count(*), count(DISTINCT m.dossier_id) {MELDINGEN} GROUP BY m.soort",
    f"SELECT m.reden_id, count(*) {MELDINGEN} AND m.soort = 'absoluut' GROUP BY m.reden_id",
    f"SELECT m.resultaat_id, count(*) {MELDINGEN} AND m.soort = 'absoluut' GROUP BY m.resultaat_id",
    f"SELECT m.onderwijssoort, count(*) {MELDINGEN} AND m.soort = 'absoluut' GROUP BY m.onderwijssoort",
    f"SELECT m.reden_id, count(*), count(DISTINCT m.gezin_id) {MELDINGEN} AND m.soort = 'luxe' GROUP BY m.reden_id",
    f"SELECT m.resultaat_id, count(*), count(DISTINCT m.gezin_id) {MELDINGEN} AND m.soort = 'luxe' GROUP BY m.resultaat_id",
    f"SELECT m.onderwijssoort, m.soort, count(*) {MELDINGEN} AND m.soort LIKE 'relatief%%' GROUP BY 1, 2",
    f"SELECT m.reden_id, m.soort, count(*) {MELDINGEN} AND m.soort LIKE 'relatief%%' GROUP BY 1, 2",
    f"SELECT m.resultaat_id, m.soort, count(*) {MELDINGEN} AND m.soort LIKE 'relatief%%' GROUP BY 1, 2",
    f"SELECT m.leeftijd, count(*) {MELDINGEN} AND m.soort = 'thuiszitter' GROUP BY 1",
    f"SELECT m.reden_id, count(*) {MELDINGEN} AND m.soort = 'thuiszitter' GROUP BY 1",
    f"SELECT m.resultaat_id, count(*) {MELDINGEN} AND m.soort = 'thuiszitter' GROUP BY 1",
    f"SELECT m.onderwijssoort, count(*) {MELDINGEN} AND m.soort = 'thuiszitter' GROUP BY 1",
    f"SELECT m.reden_id, count(*) {MELDINGEN} AND m.soort = 'zorg' GROUP BY 1",
    f"SELECT m.resultaat_id, count(*) {MELDINGEN} AND m.soort = 'zorg' GROUP BY 1",
    """SELECT m.onderwijssoort, la.jgz_in_staat_id, count(*) FROM leerplicht_meldingactie la
       JOIN cases_actie a ON a.id = la.actie_id JOIN leerplicht_melding m ON m.id = la.melding_id
       WHERE m.organisatie_id = %(org)s AND a.soort = 'jgz_aanmelding' AND a.datum BETWEEN %(first)s AND %(last)s
       GROUP BY 1, 2""",
    """SELECT v.grondslag, v.besluit, v.onderwijs, count(*) FROM leerplicht_vrijstelling v
       WHERE v.organisatie_id = %(org)s AND v.aangevraagd_op BETWEEN %(first)s AND %(last)s GROUP BY 1, 2, 3""",
    f"SELECT m.gemeente_id, m.soort, count(*) {MELDINGEN} AND m.proces_verbaal GROUP BY 1, 2",
    f"SELECT m.soort, count(*) {MELDINGEN} AND m.halt_verwijzing GROUP BY 1",
    f"SELECT m.resultaat_id, m.fase, count(*) {MELDINGEN} GROUP BY 1, 2",
    f"SELECT m.resultaat_id, m.gemeente_id, count(*) {MELDINGEN} AND m.soort LIKE 'relatief%%' GROUP BY 1, 2",
    f"SELECT count(DISTINCT t.dossier_id), count(*) FILTER (WHERE t.verzuim_afloop = 'gestopt') {TRAJECTEN} AND t.doelgroep = 'verzuim_18plus'",
    f"SELECT t.reden_id, count(*) {TRAJECTEN} AND t.doelgroep = 'zorg_18plus' GROUP BY 1",
    f"SELECT count(*), count(*) FILTER (WHERE t.uitstroom_id IS NOT NULL) {TRAJECTEN} AND t.doelgroep = 'nieuw_vsv'",
    f"SELECT t.onderwijsachtergrond_id, {AGE}, count(*) {TRAJECTEN} AND t.doelgroep = 'nieuw_vsv' GROUP BY 1, 2",
    f"SELECT j.geslacht, count(*) {TRAJECTEN} AND t.doelgroep = 'nieuw_vsv' GROUP BY 1",
    f"SELECT t.begeleid, t.reden_niet_begeleid_id, count(*) {TRAJECTEN} AND t.doelgroep = 'nieuw_vsv' GROUP BY 1, 2",
    f"SELECT t.uitstroom_id, count(*) {TRAJECTEN} AND t.doelgroep = 'nieuw_vsv' AND t.begeleid GROUP BY 1",
    f"SELECT t.begeleid, t.reden_niet_begeleid_id, count(*) {TRAJECTEN} AND t.doelgroep = 'oud_vsv' GROUP BY 1, 2",
    f"SELECT t.uitstroom_id, count(*) {TRAJECTEN} AND t.doelgroep = 'nieuw_vsv' GROUP BY 1",
    f"SELECT t.uitstroom_id, count(*) {TRAJECTEN} AND t.doelgroep = 'oud_vsv' GROUP BY 1",
    f"SELECT t.herkomst_id, {AGE}, count(*) {TRAJECTEN} AND t.doelgroep = 'kwetsbare_jongere' GROUP BY 1, 2",
    f"SELECT t.uitstroom_id, count(*) {TRAJECTEN} AND t.doelgroep = 'kwetsbare_jongere' GROUP BY 1",
    f"SELECT t.resultaat_id, j.woongemeente_id, count(*) {TRAJECTEN} AND t.doelgroep = 'jongeren_in_beeld' GROUP BY 1, 2",
    f"SELECT t.resultaat_id, j.woongemeente_id, count(*) {TRAJECTEN} AND t.doelgroep = 'nieuw_vsv' GROUP BY 1, 2",
]


def timed(func, repeat=5) -> float:
    func()  # warm caches
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def baseline(params):
    with connection.cursor() as cursor:
        for sql in BASELINE:
            cursor.execute(sql, params)
            cursor.fetchall()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--meldingen", type=int, default=1_000_000)
    parser.add_argument("--organisaties", type=int, default=100)
    parser.add_argument("--reuse", metavar="SLUG", help="geen gegevens maken; deze organisatie meten")
    args = parser.parse_args()
    if args.reuse:
        organisatie = Organisatie.objects.get(slug=args.reuse)
    else:
        print(
            f"Genereren: {args.meldingen:,} meldingen over {args.organisaties} organisaties en 5 schooljaren ..."
        )
        counts = generate(args.meldingen, args.organisaties, seed=1, prefix="rapport")
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        print(f"  {counts}")
        organisatie = Organisatie.objects.get(slug="rapport-000")
    schooljaar = Schooljaar(2024)
    # The report as a team publishes it: voorwoord, part introductions, a toelichting under every
    # table and a logo on the cover (the same words the demo organisation gets).
    write_example_texts_and_logo(organisatie=organisatie, schooljaar=schooljaar)
    params = {"org": organisatie.pk, "first": schooljaar.first_day, "last": schooljaar.last_day}
    with CaptureQueriesContext(connection) as captured:
        report = build_report(organisatie, schooljaar, schooljaar.previous())
    # Inside a transaction every count is read on this connection (reporting/tables/gedeeld.py):
    # the total number of queries; outside, some of them run ahead on two connections of their own.
    with transaction.atomic(), CaptureQueriesContext(connection) as all_queries:
        build_report(organisatie, schooljaar, schooljaar.previous())
    tables = timed(lambda: build_report(organisatie, schooljaar, schooljaar.previous()))
    sql = timed(lambda: baseline(params))

    def on_one_connection():
        with transaction.atomic():
            build_report(organisatie, schooljaar, schooljaar.previous())

    sequential = timed(on_one_connection)
    print(f"Grootste organisatie-jaar: {organisatie.slug}, schooljaar {schooljaar}")
    ahead = len(all_queries.captured_queries) - len(captured.captured_queries)
    print(
        f"  tabellen: {len(report.tables)}, SQL-queries: {len(all_queries.captured_queries)}, "
        f"waarvan {ahead} vooraf op twee eigen verbindingen"
    )
    print(f"  tabellen bouwen (mediaan van 5): {tables * 1000:.0f} ms")
    print(f"  dezelfde tabellen op één verbinding (mediaan van 5): {sequential * 1000:.0f} ms")
    print(f"  basislijn, {len(BASELINE)} handgeschreven SQL-statements (mediaan van 5): {sql * 1000:.0f} ms")
    print(f"  verhouding tabellen / basislijn: {tables / sql:.2f}x")
    try:
        from reporting.renderers.pdf import render_pdf
    except ImportError:
        print("  PDF: renderer niet beschikbaar")
        return
    # The first render of a process also imports WeasyPrint and loads its fonts; a worker pays
    # that once, so the figure is the median of the renders after it (both are printed).
    renders = []
    for _ in range(3):
        start = time.perf_counter()
        pdf = render_pdf(report)
        renders.append(time.perf_counter() - start)
    print(f"  PDF renderen, eerste keer in dit proces (met het laden van WeasyPrint): {renders[0]:.1f} s")
    print(
        f"  PDF renderen (mediaan van de 2 volgende): {statistics.median(renders[1:]):.1f} s, "
        f"{pdf.pages} pagina's, {len(pdf.content) // 1024} KB"
    )


if __name__ == "__main__":
    main()
