"""Server work per page of the load test, measured in the process: no network, no other users.

    .venv/bin/python bench/pages.py                    (against DATABASE_URL with the load data)
    .venv/bin/python bench/pages.py --profile dossier  (plus a cProfile of that page)

Opens every page of bench/load.py with Django's test client as the first simulated
leerplichtambtenaar (after `bench/load.py --reuse` prepared the data), and prints per page the
median time of --repeat requests, the number of SQL queries, the time they took (as the
application waits for them), the rest (Python: middleware, views, templates), and the CPU time of
this process (Python's own work, which other load on the machine does not inflate much). On a
shared machine wall-clock load runs are noisy; these figures show where a page's time goes.
Reads only (and writes the processing log, as the pages do).
"""

import argparse
import cProfile
import os
import pstats
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django_otp import DEVICE_ID_SESSION_KEY  # noqa: E402
from django_otp.plugins.otp_totp.models import TOTPDevice  # noqa: E402

from cases.models import Dossier, Jongere, Ouder, User  # noqa: E402


def pages(user, rng) -> dict:
    """name -> (method, path, data): the load test's pages, with the same samples."""
    jongeren = list(
        Jongere.objects.filter(organisatie_id=user.organisatie_id).exclude(bsn="").order_by("pk")[:500]
    )
    met_ouders = list(
        Dossier.objects.filter(
            jongere__in=Ouder.objects.filter(organisatie_id=user.organisatie_id).values("jongere")
        ).values_list("pk", flat=True)[:200]
    )
    dossiers = list(Dossier.objects.filter(jongere__in=jongeren).values_list("pk", flat=True))
    return {
        "werkvoorraad (eigen)": lambda: ("get", "/werkvoorraad/", None),
        "werkvoorraad (team)": lambda: ("get", "/werkvoorraad/?behandelaar=", None),
        "meldingen (lijst)": lambda: ("get", "/meldingen/", None),
        "binnengekomen": lambda: ("get", "/binnengekomen/", None),
        "zoeken op BSN": lambda: ("post", "/jongeren/", {"q": rng.choice(jongeren).bsn}),
        "zoeken op naam": lambda: ("post", "/jongeren/", {"q": rng.choice(jongeren).achternaam}),
        "dossier": lambda: ("get", f"/dossiers/{rng.choice(dossiers)}/", None),
        "dossier met ouders": lambda: ("get", f"/dossiers/{rng.choice(met_ouders)}/", None),
    }


def fetch(client, method, path, data):
    response = getattr(client, method)(path, data or {})
    if response.status_code == 302:  # a search is stored and redirected to its results
        response = client.get(response["Location"])
    assert response.status_code == 200, (path, response.status_code)
    return response


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--user", default="load-lpa-00")
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--profile", help="naam van een pagina: ook een cProfile daarvan")
    parser.add_argument("--queries", action="store_true", help="de queries per pagina met hun tijd")
    args = parser.parse_args()
    user = User.objects.get(username=args.user)
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    rng = random.Random(1)
    print(f"{'pagina':24} {'ms (mediaan)':>12} {'queries':>8} {'SQL ms':>7} {'rest ms':>8} {'CPU ms':>7}")
    for name, sample in pages(user, rng).items():
        for _ in range(3):
            fetch(client, *sample())  # warm: prepared statements, caches
        totals, sql, counts, cpu = [], [], [], []
        for _ in range(args.repeat):
            request = sample()
            with CaptureQueriesContext(connection) as captured:
                start, start_cpu = time.perf_counter(), time.process_time()
                fetch(client, *request)
                totals.append(time.perf_counter() - start)
                cpu.append(time.process_time() - start_cpu)
            sql.append(sum(float(q["time"]) for q in captured.captured_queries))
            counts.append(len(captured.captured_queries))
        total, spent = statistics.median(totals) * 1000, statistics.median(sql) * 1000
        print(
            f"{name:24} {total:12.1f} {max(counts):8d} {spent:7.1f} {total - spent:8.1f} "
            f"{statistics.median(cpu) * 1000:7.1f}"
        )
        if args.queries:
            for q in sorted(captured.captured_queries, key=lambda q: -float(q["time"])):
                print(f"    {float(q['time']) * 1000:6.1f}  {q['sql'][:300]}")
        if args.profile == name:
            profiler = cProfile.Profile()
            profiler.enable()
            for _ in range(args.repeat):
                fetch(client, *sample())
            profiler.disable()
            pstats.Stats(profiler).sort_stats(os.environ.get("PROFILE_SORT", "cumulative")).print_stats(45)


if __name__ == "__main__":
    main()
