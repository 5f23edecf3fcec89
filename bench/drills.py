"""Failure drills against the topology of bench/topology.sh, under the load of bench/load.py.

    bench/topology.sh                       (starts everything, then runs this)

Each drill runs while 20 simulated leerplichtambtenaren work through HAProxy (the users, data
and rounds of bench/load.py, think time 1 s) and prints what it measured:

- app: SIGKILL of one app server (gunicorn master and workers); failed requests, seconds until
  the last failure and until HAProxy marks the server down, seconds until it is back up after a
  restart;
- worker: SIGKILL of the Celery worker while a jaarverslag and letters render; a restarted worker
  finishes them, each exactly once (one set of report files, one document and action per letter);
- replica: the replica stopped; the jaarverslag with and without it, and the load's errors;
- redis: Redis restarted (sessions live in its cache); 500s, other errors, users asked to log in
  again;
- backup: pg_dump -Fc of the primary and a copy of the S3 bucket, restored into a fresh cluster and
  a fresh bucket; the jaarverslag JSON and the checksum of every document download compared.

Run by topology.sh, which exports the ports, the start and stop commands and the environment.
Traffic goes to 127.0.0.1 only; every loop is bounded.
"""

import argparse
import hashlib
import http.client
import json
import os
import random
import shlex
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
E = os.environ
# This process prepares data and watches the rows directly on the primary (not through PgBouncer).
if "DATABASE_DIRECT_URL" in E:
    E["DATABASE_URL"] = E["DATABASE_DIRECT_URL"]

import contextlib  # noqa: E402

# isort: off
from bench import load  # noqa: E402  (django.setup() with bench.settings, before any model import)
from django.db import transaction  # noqa: E402
from django_otp.plugins.otp_totp.models import TOTPDevice  # noqa: E402
# isort: on

T = Path(E.get("CLUSTER_DIR") or tempfile.gettempdir())
LB_PORT = int(E.get("LB_PORT", "0"))
WARMUP = 8  # seconds of load before each drill
SETTLE = 10  # seconds of load after it


def sh(command: str, **extra_env) -> None:
    subprocess.run(command, shell=True, check=True, cwd=ROOT, env={**E, **extra_env})  # noqa: S602


def pid_of(name: str) -> int | None:
    try:
        return int((T / f"{name}.pid").read_text().strip())
    except (OSError, ValueError):
        return None


def kill_group(name: str, sig=signal.SIGKILL) -> None:
    pid = pid_of(name)
    if pid is None:
        return
    with contextlib.suppress(ProcessLookupError):
        # gunicorn --daemon and celery --detach fork twice: the master is not the leader of its
        # process group, but the group holds it and its workers only.
        group = os.getpgid(pid)
        if group == os.getpgid(0):
            os.kill(pid, sig)
        else:
            os.killpg(group, sig)

    def gone():
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        # A child of ours (the worker of a former drill) that exited is a zombie until reaped.
        with contextlib.suppress(ChildProcessError):
            os.waitpid(pid, os.WNOHANG)
        return False

    # Wait for the end, so it cannot remove the pid file of its successor on its way out.
    wait_until(gone, 60)
    (T / f"{name}.pid").unlink(missing_ok=True)


def haproxy_status() -> dict[str, str]:
    conn = http.client.HTTPConnection("127.0.0.1", int(E["STATS_PORT"]), timeout=5)
    conn.request("GET", "/;csv")
    rows = conn.getresponse().read().decode().splitlines()
    header = rows[0].lstrip("# ").split(",")
    status = {}
    for row in rows[1:]:
        fields = dict(zip(header, row.split(","), strict=False))
        if fields.get("pxname") == "app" and fields.get("svname") in ("app1", "app2"):
            status[fields["svname"]] = fields["status"]
    return status


def wait_until(check, timeout: float, step: float = 0.1) -> float | None:
    """Seconds until check() is true, or None after timeout."""
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        if check():
            return time.monotonic() - start
        time.sleep(step)
    return None


class Client(load.Client):
    """bench/load.py's client, without the fragment of a redirect (`#resultaten`) in the request
    line: a browser never sends it, and HAProxy answers such a request with 400."""

    def request(self, method, path, body=None, api=False, expect=(200,)):
        return super().request(method, path.split("#", 1)[0], body, api, expect)


class Load:
    """The users of bench/load.py against HAProxy, recording every request with its time."""

    def __init__(self, data: dict, users: int, think: float):
        self.data, self.users, self.think = data, users, think
        self.events: list[tuple[float, str, str]] = []  # (time, name, outcome)
        self.lock = threading.Lock()
        self.stop = threading.Event()
        self.open_pool = list(data["open"])
        self.threads: list[threading.Thread] = []

    def record(self, name: str, outcome: str) -> None:
        with self.lock:
            self.events.append((time.monotonic(), name, outcome))

    def log_in(self, client, username: str) -> None:
        # The user types the next code of the authenticator app (a code counts once).
        TOTPDevice.objects.filter(user__username=username).update(last_t=-1)
        for attempt in range(3):
            try:
                client.log_in()
                self.record("inloggen", "ok")
                return
            except Exception as exc:  # noqa: BLE001 - counted, the user tries again
                self.record("inloggen", f"fout: {exc}")
                client.conn = http.client.HTTPConnection("127.0.0.1", LB_PORT, timeout=60)
                time.sleep(1 + attempt)

    def user(self, index: int, ready: threading.Barrier) -> None:
        rng = random.Random(index)
        account = self.data["accounts"][index]
        client = Client(LB_PORT, account)
        try:
            self.log_in(client, account["username"])
        finally:
            ready.wait()
        while not self.stop.is_set():
            with self.lock:
                requests = load.round_of(self.data, rng, self.open_pool)
            for name, method, path, body, api in requests:
                if self.stop.wait(rng.uniform(0.5, 1.5) * self.think):
                    return
                try:
                    _elapsed, content = client.request(method, path, body, api)
                except Exception as exc:  # noqa: BLE001 - a failed request is what we count
                    self.record(name, f"fout: {str(exc)[:80]}")
                    client.conn = http.client.HTTPConnection("127.0.0.1", LB_PORT, timeout=60)
                    continue
                if not api and b'name="password"' in content:
                    # The session is gone: the login page, as a browser would show it.
                    self.record(name, "opnieuw inloggen")
                    client.cookies.clear()
                    self.log_in(client, account["username"])
                else:
                    self.record(name, "ok")

    def __enter__(self):
        ready = threading.Barrier(self.users + 1)
        self.threads = [threading.Thread(target=self.user, args=(i, ready)) for i in range(self.users)]
        for thread in self.threads:
            thread.start()
        ready.wait()
        return self

    def __exit__(self, *exc):
        self.stop.set()
        for thread in self.threads:
            thread.join(timeout=90)

    def summary(self, start: float, end: float) -> dict:
        window = [e for e in self.events if start <= e[0] <= end]
        failures = [e for e in window if e[2].startswith("fout")]
        return {
            "requests": len(window),
            "ok": sum(e[2] == "ok" for e in window),
            "failed": len(failures),
            "http500": sum(": 500" in e[2] for e in failures),
            "relogin": sum(e[2] == "opnieuw inloggen" for e in window),
            "last_failure": max((e[0] for e in failures), default=None),
            "examples": sorted({e[2] for e in failures})[:4],
        }


def report(title: str, lines: dict) -> None:
    print(f"\n--- {title}", flush=True)
    for key, value in lines.items():
        print(f"  {key}: {value}", flush=True)


# -- the drills -------------------------------------------------------------------------------------


def drill_app(run: Load) -> dict:
    wait_until(lambda: set(haproxy_status().values()) == {"UP"}, 180, 1)  # both serving first
    time.sleep(WARMUP)
    start = time.monotonic()
    kill_group("app1")
    down = wait_until(lambda: haproxy_status().get("app1", "").startswith("DOWN"), 30)
    time.sleep(SETTLE)
    summary = run.summary(start - 0.5, time.monotonic())
    restart = time.monotonic()
    sh(E["APP1_START_CMD"])
    up = wait_until(lambda: haproxy_status().get("app1") == "UP", 120, 0.5)
    time.sleep(3)
    after = run.summary(restart, time.monotonic())
    last = summary["last_failure"]
    result = {
        "verzoeken in 10 s na de kill": summary["requests"],
        "mislukte verzoeken": summary["failed"],
        "hersteltijd (kill tot laatste fout) s": round(last - start, 1) if last else 0.0,
        "HAProxy zet app1 op DOWN na s": round(down, 1) if down is not None else "niet",
        "app1 herstart en weer UP na s": round(up, 1) if up is not None else "niet",
        "fouten tijdens terugkeer": after["failed"],
        "voorbeelden": summary["examples"] + after["examples"],
    }
    report("app-server gekild (SIGKILL gunicorn master en workers)", result)
    return result


def _letters(organisatie, actor, count: int) -> list:
    from django.core.exceptions import ValidationError

    from cases import registry
    from cases.constants import BriefSoort
    from cases.letters.models import BriefSjabloon
    from cases.letters.services import brieven_start, seed_letter_templates
    from leerplicht.models import Melding

    seed_letter_templates(organisatie)
    source = registry.letter_sources["melding"]
    sjabloon = BriefSjabloon.objects.get(organisatie=organisatie, soort=BriefSoort.UITNODIGING_VERZUIMGESPREK)
    brieven = []
    for melding in Melding.objects.filter(organisatie=organisatie).order_by("-pk")[:200]:
        try:
            with transaction.atomic():
                brieven += brieven_start(actor=actor, source=source, obj=melding, sjabloon=sjabloon)
        except ValidationError:
            continue
        if len(brieven) >= count:
            break
    return brieven


def _storage_keys(prefix: str) -> list[str]:
    import boto3

    s3 = boto3.client("s3", endpoint_url=E["DOCUMENTS_S3_ENDPOINT_URL"], region_name=E["DOCUMENTS_S3_REGION"])
    keys = []
    for page in s3.get_paginator("list_objects_v2").paginate(Bucket=E["DOCUMENTS_S3_BUCKET"], Prefix=prefix):
        keys += [item["Key"] for item in page.get("Contents", [])]
    return keys


def drill_worker(run: Load, data: dict) -> dict:
    from cases.constants import BriefStatus
    from cases.letters.models import Brief
    from cases.models import Document, Organisatie, User
    from cases.rules import Schooljaar
    from reporting.models import ReportRun, ReportRunStatus
    from reporting.services import report_run_start

    organisatie = Organisatie.objects.get(pk=data["organisatie"])
    actor = User.objects.get(username=data["accounts"][0]["username"])
    # A worker that holds each jaarverslag 15 s before its PDF, so the kill finds it rendering.
    kill_group("worker", signal.SIGTERM)
    time.sleep(2)
    sh(E["WORKER_START_CMD"], REPORTING_RENDER_DELAY="15")
    time.sleep(WARMUP)
    earlier_files = set(_storage_keys(f"rapportages/{organisatie.pk}/"))
    start = time.monotonic()
    with transaction.atomic():
        rapport = report_run_start(actor=actor, organisatie=organisatie, schooljaar=Schooljaar(2024))
    brieven = _letters(organisatie, actor, 12)
    ids = [b.pk for b in brieven]

    def both_rendering():
        rapport.refresh_from_db()
        return (
            rapport.status == ReportRunStatus.BEZIG
            and Brief.objects.filter(pk__in=ids, status=BriefStatus.BEZIG).exists()
        )

    caught = wait_until(both_rendering, 120, 0.02)
    states = dict(Brief.objects.filter(pk__in=ids).values_list("pk", "status"))
    kill_group("worker")  # SIGKILL: no warm shutdown, nothing acknowledged
    killed = time.monotonic()
    klaar_bij_kill = sum(s == BriefStatus.KLAAR for s in states.values())
    time.sleep(2)
    sh(E["WORKER_START_CMD"])

    def all_done():
        rapport.refresh_from_db()
        done = Brief.objects.filter(pk__in=ids, status__in=[BriefStatus.KLAAR, BriefStatus.MISLUKT]).count()
        return rapport.status in (ReportRunStatus.KLAAR, ReportRunStatus.MISLUKT) and done == len(ids)

    finished = wait_until(all_done, 600, 1)
    brieven = list(Brief.objects.filter(pk__in=ids))
    documents = Document.objects.filter(pk__in=[b.document_id for b in brieven if b.document_id]).count()
    dossiers = {b.dossier_id for b in brieven}
    docs_in_dossiers = Document.objects.filter(
        dossier__in=dossiers, geupload_op__gte=rapport.aangemaakt_op
    ).count()
    report_files = set(_storage_keys(f"rapportages/{organisatie.pk}/")) - earlier_files
    stored = [getattr(rapport, f"{f}_bestand").name for f in ("json", "xlsx", "pdf")]
    summary = run.summary(start, time.monotonic())
    result = {
        "worker gekild na s (jaarverslag en brieven bezig)": round(caught, 1)
        if caught is not None
        else "niet gevangen",
        "brieven al klaar vóór de kill": f"{klaar_bij_kill} van {len(ids)}",
        "alles klaar na herstart van de worker na s": round(time.monotonic() - killed, 1)
        if finished
        else "niet",
        "jaarverslag": f"{rapport.status}, pogingen {rapport.pogingen}, bestanden {sum(bool(s) for s in stored)}"
        f" (nieuw in S3: {len(report_files)})",
        "brieven klaar": sum(b.status == BriefStatus.KLAAR for b in brieven),
        "documenten van de brieven / nieuwe documenten in die dossiers": f"{documents} / {docs_in_dossiers}",
        "precies één keer": finished is not None
        and rapport.status == ReportRunStatus.KLAAR
        and all(b.status == BriefStatus.KLAAR for b in brieven)
        and documents == docs_in_dossiers == len(ids)
        and set(stored) <= report_files,
        "fouten in de belasting": summary["failed"],
    }
    report("Celery-worker gekild tijdens jaarverslag en brieven", result)
    ReportRun.objects.filter(pk=rapport.pk).delete()
    return result


def _jaarverslag_seconds(data: dict) -> tuple[float | None, str]:
    from cases.models import Organisatie, User
    from cases.rules import Schooljaar
    from reporting.models import ReportRun, ReportRunStatus
    from reporting.services import report_run_start

    organisatie = Organisatie.objects.get(pk=data["organisatie"])
    actor = User.objects.get(username=data["accounts"][0]["username"])
    with transaction.atomic():
        rapport = report_run_start(
            actor=actor, organisatie=organisatie, schooljaar=Schooljaar(2024), formaten=["json"]
        )
    wait_until(
        lambda: ReportRun.objects.filter(
            pk=rapport.pk, status__in=[ReportRunStatus.KLAAR, ReportRunStatus.MISLUKT]
        ).exists(),
        600,
        0.2,
    )
    rapport.refresh_from_db()
    ReportRun.objects.filter(pk=rapport.pk).delete()
    if rapport.status != ReportRunStatus.KLAAR:
        return None, f"{rapport.status}: {rapport.foutmelding}"
    return (rapport.klaar_op - rapport.gestart_op).total_seconds(), rapport.status


def drill_replica(run: Load, data: dict) -> dict:
    time.sleep(WARMUP)
    with_replica, status_with = _jaarverslag_seconds(data)
    start = time.monotonic()
    sh(E["REPLICA_STOP_CMD"])
    without, status_without = _jaarverslag_seconds(data)
    time.sleep(SETTLE)
    summary = run.summary(start, time.monotonic())
    sh(E["REPLICA_START_CMD"])
    result = {
        "jaarverslag (tabellen + JSON) met replica s": round(with_replica, 1)
        if with_replica
        else status_with,
        "jaarverslag met replica gestopt s": round(without, 1) if without else status_without,
        "verzoeken van de gebruikers zonder replica": summary["requests"],
        "mislukte verzoeken zonder replica": summary["failed"],
        "voorbeelden": summary["examples"],
    }
    report("replica gestopt", result)
    return result


def redis_up() -> bool:
    import redis

    try:
        return bool(redis.Redis.from_url(E["REDIS_URL"], socket_timeout=1).ping())
    except redis.RedisError:
        return False


def drill_redis(run: Load) -> dict:
    time.sleep(WARMUP)
    start = time.monotonic()
    kill_group("redis", signal.SIGTERM)
    wait_until(lambda: not redis_up(), 10, 0.05)
    sh(E["REDIS_START_CMD"])
    back = wait_until(redis_up, 30, 0.05)
    down = time.monotonic() - start
    time.sleep(SETTLE + 5)
    summary = run.summary(start, time.monotonic())
    result = {
        "Redis weg s": round(down, 1) if back is not None else "niet terug",
        "verzoeken": summary["requests"],
        "HTTP 500": summary["http500"],
        "andere fouten": summary["failed"] - summary["http500"],
        "gebruikers naar het inlogscherm (daarna opnieuw ingelogd)": summary["relogin"],
        "voorbeelden": summary["examples"],
    }
    report("Redis herstart (sessies en cache weg)", result)
    return result


# -- backup and restore -------------------------------------------------------------------------------


def verify(out: Path) -> None:
    """In a fresh process on DATABASE_URL / DOCUMENTS_S3_BUCKET: the jaarverslag JSON of the load
    organisation and the sha256 of every document as downloaded through the application's view."""
    from django.test import Client

    from cases.models import Document, Organisatie, User
    from cases.rules import Schooljaar
    from reporting.renderers.json import render_json_bytes
    from reporting.tables import build_report

    organisatie = Organisatie.objects.get(slug="load-000")
    content = render_json_bytes(build_report(organisatie, Schooljaar(2024)))
    user = User.objects.get(username="load-lpa-00")
    client = Client()
    client.force_login(user)
    session = client.session
    session["otp_device_id"] = TOTPDevice.objects.get(user=user).persistent_id
    session.save()
    client.cookies["sessionid"] = session.session_key
    sums = {}
    for pk in Document.objects.filter(dossier__jongere__organisatie=organisatie).values_list("pk", flat=True):
        response = client.get(f"/documenten/{pk}/", HTTP_HOST="127.0.0.1")
        sums[pk] = (
            hashlib.sha256(
                b"".join(response.streaming_content) if response.streaming else response.content
            ).hexdigest()
            if response.status_code == 200
            else f"HTTP {response.status_code}"
        )
    out.write_text(
        json.dumps({"jaarverslag_sha256": hashlib.sha256(content).hexdigest(), "documenten": sums})
    )


def _add_documents(data: dict, count: int) -> None:
    from django.core.files.base import ContentFile

    from cases.models import Document, Dossier, User

    user = User.objects.get(username=data["accounts"][0]["username"])
    for index, dossier in enumerate(Dossier.objects.filter(pk__in=data["dossiers"][:count])):
        content = os.urandom(20_000 + index * 1000)
        document = Document(
            dossier=dossier,
            naam=f"drill-{index}.bin",
            content_type="application/octet-stream",
            grootte=len(content),
            geupload_door=user,
        )
        document.bestand.save(document.naam, ContentFile(content), save=False)
        document.save()


def drill_backup(data: dict) -> dict:
    import boto3

    pg_bin = E["PG_BIN"]
    as_pg = E.get("AS_PG", "")
    _add_documents(data, 20)
    s3 = boto3.resource(
        "s3", endpoint_url=E["DOCUMENTS_S3_ENDPOINT_URL"], region_name=E["DOCUMENTS_S3_REGION"]
    )
    source = s3.Bucket(E["DOCUMENTS_S3_BUCKET"])
    direct = E["DATABASE_DIRECT_URL"]
    # Backup: the database (custom format) and the document store.
    start = time.monotonic()
    dump = T / "leerplicht.dump"
    sh(f"{pg_bin}/pg_dump -Fc -d {shlex.quote(direct)} -f {dump}")
    dumped = time.monotonic() - start
    backup_dir = T / "documenten-backup"
    objects = 0
    for item in source.objects.all():
        target = backup_dir / item.key
        target.parent.mkdir(parents=True, exist_ok=True)
        source.download_file(item.key, str(target))
        objects += 1
    backup_seconds = time.monotonic() - start
    # Restore: a fresh cluster and a fresh bucket.
    start = time.monotonic()
    port = load.free_port()
    cluster = T / "pg-restore"
    sh(f"{as_pg} {pg_bin}/initdb -D {cluster} -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null")
    sh(
        f"{as_pg} {pg_bin}/pg_ctl -D {cluster} -l {T}/pg-restore.log -w start -o '-p {port} -k {T} -c listen_addresses=127.0.0.1' >/dev/null"
    )
    sh(f"{pg_bin}/createdb -h 127.0.0.1 -p {port} -U postgres leerplicht")
    sh(f"{pg_bin}/pg_restore --no-owner -j 2 -h 127.0.0.1 -p {port} -U postgres -d leerplicht {dump}")
    restored_db = time.monotonic() - start
    bucket = s3.create_bucket(
        Bucket="leerplicht-documenten-hersteld",
        CreateBucketConfiguration={"LocationConstraint": E["DOCUMENTS_S3_REGION"]},
    )
    for path in backup_dir.rglob("*"):
        if path.is_file():
            bucket.upload_file(str(path), str(path.relative_to(backup_dir)))
    restore_seconds = time.monotonic() - start
    # Compare: the original and the restored installation, each in a fresh process.
    base = {k: v for k, v in E.items() if k != "DATABASE_REPLICA_URL"}
    command = [sys.executable, __file__, "--verify"]
    subprocess.run([*command, str(T / "origineel.json")], check=True, env={**base, "DATABASE_URL": direct})
    subprocess.run(
        [*command, str(T / "hersteld.json")],
        check=True,
        env={
            **base,
            "DATABASE_URL": f"postgres://postgres@127.0.0.1:{port}/leerplicht",
            "DATABASE_DIRECT_URL": f"postgres://postgres@127.0.0.1:{port}/leerplicht",
            "DOCUMENTS_S3_BUCKET": bucket.name,
        },
    )
    original = json.loads((T / "origineel.json").read_text())
    restored = json.loads((T / "hersteld.json").read_text())
    docs = original["documenten"]
    result = {
        "pg_dump s": round(dumped, 1),
        "dump MB": round(dump.stat().st_size / 1e6, 1),
        "backup totaal (dump + documenten) s": round(backup_seconds, 1),
        "objecten in de documentopslag": objects,
        "pg_restore in een nieuw cluster s": round(restored_db, 1),
        "herstel totaal (cluster + bucket) s": round(restore_seconds, 1),
        "jaarverslag-JSON gelijk": original["jaarverslag_sha256"] == restored["jaarverslag_sha256"],
        "documenten gedownload (origineel)": sum(not str(v).startswith("HTTP") for v in docs.values()),
        "documenten met gelijke checksum na herstel": sum(
            docs[k] == restored["documenten"].get(k) and not str(docs[k]).startswith("HTTP") for k in docs
        ),
    }
    sh(f"{as_pg} {pg_bin}/pg_ctl -D {cluster} -m fast -w stop >/dev/null")
    report("backup en herstel", result)
    return result


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--meldingen", type=int, default=100_000)
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--think", type=float, default=1.0)
    parser.add_argument("--drills", default="app worker replica redis backup")
    parser.add_argument("--verify", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.verify:
        verify(Path(args.verify))
        return
    from leerplicht.models import Melding

    started = time.monotonic()
    print(f"Gegevens: {args.meldingen:,} meldingen ...", flush=True)
    data = load.prepare(args.meldingen, args.users, reuse=True)
    print(f"{Melding.objects.count():,} meldingen klaar in {time.monotonic() - started:.0f} s", flush=True)
    drills = args.drills.split()
    results = {}

    def attempt(name, drill, *drill_args):
        if name not in drills:
            return
        try:
            results[name] = drill(*drill_args)
        except Exception as exc:  # noqa: BLE001 - one failed drill does not stop the others
            print(f"\n--- {name}: oefening afgebroken: {exc!r}", flush=True)
            results[name] = {"afgebroken": repr(exc)}

    with Load(data, args.users, args.think) as run:
        print(f"{args.users} gebruikers ingelogd via HAProxy; denktijd {args.think:g} s", flush=True)
        attempt("app", drill_app, run)
        attempt("worker", drill_worker, run, data)
        attempt("replica", drill_replica, run, data)
        attempt("redis", drill_redis, run)
        total = run.summary(0, time.monotonic())
    print(
        f"\nbelasting over alle oefeningen: {total['requests']} verzoeken, {total['failed']} mislukt, "
        f"{total['http500']} keer HTTP 500, {total['relogin']} keer opnieuw inloggen",
        flush=True,
    )
    attempt("backup", drill_backup, data)
    (T.parent / "leerplicht-drills.json").write_text(json.dumps(results, indent=2, default=str))


if __name__ == "__main__":
    main()
