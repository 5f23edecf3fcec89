"""Load test: the main pages and API endpoints under concurrent users, against gunicorn with
PostgreSQL on loopback.

    make bench BENCH=load                     (default 100,000 meldingen, 20 users)
    BENCH=load scripts/bench.sh --meldingen 1000000

Generates data (bench/generate.py), starts gunicorn (bench.settings: the test settings plus a
baseline view doing one primary-key query), logs in one leerplichtambtenaar (a session with the
second factor passed, and an API token), then lets N threads each request every endpoint in turn.
Prints p50 / p95 / p99 and requests per second per endpoint and the ratio of each p95 to the
baseline's p95. Traffic goes to 127.0.0.1 only; the loops are bounded.
"""

import argparse
import http.client
import os
import random
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")

import django  # noqa: E402

django.setup()

from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY  # noqa: E402
from django.contrib.sessions.backends.db import SessionStore  # noqa: E402
from django.db import connection  # noqa: E402
from django_otp import DEVICE_ID_SESSION_KEY  # noqa: E402
from django_otp.plugins.otp_totp.models import TOTPDevice  # noqa: E402
from knox.models import AuthToken  # noqa: E402

from bench.generate import generate  # noqa: E402
from cases.constants import Role  # noqa: E402
from cases.demo import random_bsn  # noqa: E402
from cases.models import Jongere, Organisatie, User  # noqa: E402
from leerplicht.models import Melding  # noqa: E402


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def prepare(meldingen: int):
    generate(meldingen, 100 if meldingen >= 1_000_000 else 20, seed=1, prefix="load")
    organisatie = Organisatie.objects.get(slug="load-000")
    rng = random.Random(3)
    jongeren = list(Jongere.objects.filter(organisatie=organisatie).order_by("pk")[:2000])
    for jongere in jongeren:
        jongere.bsn = random_bsn(rng)
    Jongere.objects.bulk_update(jongeren, ["bsn"])
    user = User.objects.create_user("load-lpa", password="x" * 16, organisatie=organisatie, first_name="Load")
    from django.contrib.auth.models import Group

    user.groups.add(Group.objects.get(name=str(Role.LEERPLICHTAMBTENAAR.label)))
    device = TOTPDevice.objects.create(user=user, name="load", confirmed=True)
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.create()
    _instance, token = AuthToken.objects.create(user=user)
    open_ids = list(
        Melding.objects.filter(organisatie=organisatie, fase="waarnemen").values_list("pk", flat=True)[:5000]
    )
    melding_ids = list(Melding.objects.filter(organisatie=organisatie).values_list("pk", flat=True)[:5000])
    dossier_ids = [j.dossier.pk for j in jongeren[:500]]
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return {
        "session": session.session_key,
        "token": token,
        "bsns": [j.bsn for j in jongeren],
        "dossiers": dossier_ids,
        "meldingen": melding_ids,
        "open": open_ids,
        "organisatie": organisatie.pk,
    }


class Client:
    def __init__(self, port, data):
        self.port, self.data = port, data
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        self.cookies = f"sessionid={data['session']}; csrftoken=loadtestcsrftokenloadtestcsrftok"
        self.csrf = "loadtestcsrftokenloadtestcsrftok"

    def request(self, method, path, body=None, api=False):
        headers = {"Host": "127.0.0.1"}
        if api:
            headers["Authorization"] = f"Token {self.data['token']}"
            headers["Content-Type"] = "application/json"
        else:
            headers["Cookie"] = self.cookies
            if method == "POST":
                headers["Content-Type"] = "application/x-www-form-urlencoded"
                headers["X-CSRFToken"] = self.csrf
                headers["Referer"] = f"http://127.0.0.1:{self.port}/"
        start = time.perf_counter()
        self.conn.request(method, path, body=body, headers=headers)
        response = self.conn.getresponse()
        response.read()
        elapsed = time.perf_counter() - start
        if response.status >= 400:
            raise RuntimeError(f"{method} {path}: {response.status}")
        return elapsed


def endpoints(data, rng, open_pool):
    """(name, method, path, body, api) for one round of a simulated user."""
    return [
        ("baseline (1 PK-query)", "GET", f"/bench/pk/?id={data['organisatie']}", None, False),
        ("werkvoorraad", "GET", "/werkvoorraad/?behandelaar=", None, False),
        ("zoeken op BSN", "POST", "/jongeren/", urlencode({"q": rng.choice(data["bsns"])}), False),
        (
            "zoeken op naam",
            "POST",
            "/jongeren/",
            urlencode({"q": rng.choice(["Jansen", "Visser", "Bakker"])}),
            False,
        ),
        ("dossier", "GET", f"/dossiers/{rng.choice(data['dossiers'])}/", None, False),
        ("API meldingen lijst", "GET", "/api/v1/meldingen/", None, True),
        ("API melding detail", "GET", f"/api/v1/meldingen/{rng.choice(data['meldingen'])}/", None, True),
        (
            "API transitie",
            "POST",
            f"/api/v1/meldingen/{open_pool.pop()}/transitie/",
            '{"naar": "analyseren"}',
            True,
        ),
    ]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--meldingen", type=int, default=100_000)
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=15)
    args = parser.parse_args()
    print(f"Genereren: {args.meldingen:,} meldingen ...")
    data = prepare(args.meldingen)
    port = free_port()
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "bench.settings"}
    server = subprocess.Popen(
        [
            str(ROOT / ".venv/bin/gunicorn"),
            "--workers",
            "4",
            "--bind",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
            "django.core.wsgi:get_wsgi_application()",
        ],
        cwd=ROOT,
        env=env,
    )
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.2)
        timings: dict[str, list[float]] = {}
        errors: list[str] = []
        lock = threading.Lock()
        open_pool = list(data["open"])

        def user(index):
            rng = random.Random(index)
            client = Client(port, data)
            for _round in range(args.rounds):
                with lock:
                    if not open_pool:
                        return
                    round_endpoints = endpoints(data, rng, open_pool)
                for name, method, path, body, api in round_endpoints:
                    try:
                        elapsed = client.request(method, path, body, api)
                    except Exception as exc:  # noqa: BLE001 - reported, not fatal for the run
                        with lock:
                            errors.append(str(exc))
                        client = Client(port, data)
                        continue
                    with lock:
                        timings.setdefault(name, []).append(elapsed)

        start = time.perf_counter()
        threads = [threading.Thread(target=user, args=(i,)) for i in range(args.users)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        wall = time.perf_counter() - start
    finally:
        server.terminate()
        server.wait(timeout=30)

    def pct(values, q):
        return statistics.quantiles(values, n=100)[q - 1] * 1000

    if errors and not timings.get("baseline (1 PK-query)"):
        sys.exit(f"Geen geslaagde verzoeken; eerste fout: {errors[0]}")
    baseline = pct(timings["baseline (1 PK-query)"], 95)
    print(f"{args.users} gelijktijdige gebruikers, {args.rounds} rondes, {wall:.1f} s, fouten: {len(errors)}")
    print(f"{'endpoint':28} {'n':>5} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'req/s':>7} {'p95/basis':>9}")
    for name, values in timings.items():
        print(
            f"{name:28} {len(values):5d} {pct(values, 50):8.0f} {pct(values, 95):8.0f} {pct(values, 99):8.0f} "
            f"{len(values) / wall:7.1f} {pct(values, 95) / baseline:8.1f}x"
        )
    for error in errors[:5]:
        print("  fout:", error)


if __name__ == "__main__":
    main()
