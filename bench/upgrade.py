"""The upgrade drill: `migrate` to this version while the previous release keeps serving.

    DATABASE_URL=postgres://... .venv/bin/python bench/upgrade.py
        upgrades the database at DATABASE_URL, which holds the previous release's schema and data
        (made with that release's bench/generate.py), to this checkout's migrations;
    .venv/bin/python bench/upgrade.py --generate 100000 --old-tree ../leerplicht-v0.3.0
        first creates a fresh database next to DATABASE_URL's (named upgrade_<N>), migrates it with
        the old release's checkout and fills it with that release's generator, then upgrades it.

While HEAD's `migrate` runs (with its lock_timeout, cases/management/commands/migrate.py):
- a sampler reads pg_locks every 50 ms and keeps, per hot table, the longest time the migration
  held or waited for a lock that blocks reads (ACCESS EXCLUSIVE) or writes (SHARE and stronger);
- a probe plays the old release: every 100 ms, on its own connection, it reads one melding with
  its dossier and jongere, updates that melding and inserts a melding action with the columns the
  old release knows (rolled back), and keeps its longest wait and every error.
It prints the time of each migration and the total (docs/operations.md, docs/deployment.md).
Only the database is needed (no Redis): migrate runs with config.settings.dev unless
DJANGO_SETTINGS_MODULE is set.
"""

import argparse
import json
import os
import re
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg

ROOT = Path(__file__).resolve().parent.parent
MIGRATE_APP = "upgrade-migrate"
# The tables every team reads and writes all day (the real table names).
HOT_TABLES = {
    "leerplicht_melding": "meldingen",
    "cases_jongere": "jongeren",
    "cases_dossier": "dossiers",
    "cases_actie": "acties",
    "leerplicht_meldingactie": "acties (melding)",
    "leerplicht_meldingtransitie": "faseovergangen",
    "leerplicht_meldingroute": "routes (melding)",
    "leerplicht_vrijstelling": "vrijstellingen",
    "doorstroom_traject": "trajecten",
    "cases_auditentry": "verwerkingslog",
    "cases_brief": "brieven",
}
BLOCKS_READS = {"AccessExclusiveLock"}
BLOCKS_WRITES = BLOCKS_READS | {"ShareLock", "ShareRowExclusiveLock", "ExclusiveLock"}
SAMPLE_EVERY = 0.05
PROBE_EVERY = 0.1


def pg_conninfo(url):
    """A libpq URL (postgres:// and postgresql:// both work) with its query string kept."""
    parts = urlsplit(url)
    return urlunsplit(("postgresql", parts.netloc, parts.path, parts.query, ""))


def with_dbname(url, name):
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, "/" + name, parts.query, ""))


class LockSampler(threading.Thread):
    """Samples the migration's locks on the hot tables; longest continuous hold/wait per table."""

    def __init__(self, url):
        super().__init__(daemon=True)
        self.conn = psycopg.connect(pg_conninfo(url), autocommit=True, application_name="upgrade-sampler")
        self.stop = threading.Event()
        self.open = {}  # (table, kind, granted) -> first seen
        self.longest = {}  # (table, kind, granted) -> seconds
        self.statements = {}  # open key -> [(state, statement)] seen while it was open
        self.longest_statements = {}  # key -> the statements of its longest interval
        self.samples = 0

    def sample(self):
        rows = self.conn.execute(
            "SELECT c.relname, l.mode, l.granted, a.state, left(a.query, 150) "
            "FROM pg_locks l JOIN pg_class c ON c.oid = l.relation "
            "JOIN pg_stat_activity a ON a.pid = l.pid "
            "WHERE a.application_name = %s AND c.relname = ANY(%s) AND l.locktype = 'relation'",
            [MIGRATE_APP, list(HOT_TABLES)],
        ).fetchall()
        now = time.monotonic()
        seen = set()
        activity = {}
        for table, mode, granted, state, query in rows:
            keys = []
            if mode in BLOCKS_READS:
                keys.append((table, "reads", granted))
            if mode in BLOCKS_WRITES:
                keys.append((table, "writes", granted))
            for key in keys:
                seen.add(key)
                activity[key] = (state, " ".join(query.split()))
        for key in seen:
            self.open.setdefault(key, now)
            seen_statements = self.statements.setdefault(key, [])
            if activity[key] not in seen_statements:
                seen_statements.append(activity[key])
        for key in list(self.open):
            if key not in seen:
                self.close(key, now)
        self.samples += 1

    def close(self, key, now):
        # Seen from first to last sample; at least one sample interval.
        started = self.open.pop(key)
        statements = self.statements.pop(key, [])
        seconds = max(now - started, SAMPLE_EVERY)
        if seconds > self.longest.get(key, 0):
            self.longest[key] = seconds
            self.longest_statements[key] = statements

    def run(self):
        while not self.stop.is_set():
            self.sample()
            self.stop.wait(SAMPLE_EVERY)
        now = time.monotonic()
        for key in list(self.open):
            self.close(key, now)
        self.conn.close()


class OldReleaseProbe(threading.Thread):
    """What the old release does all day: read a melding page, save the melding."""

    def __init__(self, url):
        super().__init__(daemon=True)
        self.conn = psycopg.connect(pg_conninfo(url), autocommit=True, application_name="upgrade-probe")
        self.stop = threading.Event()
        row = self.conn.execute(
            "SELECT m.id FROM leerplicht_melding m JOIN cases_dossier d ON d.id = m.dossier_id "
            "ORDER BY m.id LIMIT 1"
        ).fetchone()
        if row is None:
            raise SystemExit("De database heeft geen meldingen: maak eerst gegevens met bench/generate.py.")
        self.melding_id = row[0]

        # The old release inserts rows with the columns it knows: copy an existing action (cases_actie
        # and its leerplicht_meldingactie) with the columns the tables have now, before the
        # migration, in a transaction that is rolled back.
        def columns(table):
            return [
                name
                for (name,) in self.conn.execute(
                    "SELECT column_name FROM information_schema.columns WHERE table_name = %s "
                    "AND column_name <> 'id' AND is_generated = 'NEVER' ORDER BY ordinal_position",
                    [table],
                ).fetchall()
            ]

        actie_cols = ", ".join(f'"{name}"' for name in columns("cases_actie"))
        link_cols = columns("leerplicht_meldingactie")
        link_names = ", ".join(f'"{name}"' for name in link_cols)
        link_select = ", ".join("%s" if name == "actie_id" else f'"{name}"' for name in link_cols)
        # Column names from the catalogue, quoted; no user input.
        self.insert_sql = (
            f"INSERT INTO cases_actie ({actie_cols}) SELECT {actie_cols} FROM cases_actie WHERE id = %s RETURNING id",  # noqa: S608
            f"INSERT INTO leerplicht_meldingactie ({link_names}) SELECT {link_select} FROM leerplicht_meldingactie WHERE id = %s",  # noqa: S608
        )
        self.link = self.conn.execute(
            "SELECT id, actie_id FROM leerplicht_meldingactie ORDER BY id LIMIT 1"
        ).fetchone()
        self.actie_id = self.link[0] if self.link else None
        self.longest = {"select": 0.0, "update": 0.0, "insert": 0.0}
        self.count = 0
        self.errors = []

    def timed(self, kind, sql):
        started = time.monotonic()
        try:
            if kind == "insert":
                with self.conn.transaction(force_rollback=True):
                    new_actie = self.conn.execute(sql[0], [self.link[1]]).fetchone()[0]
                    self.conn.execute(sql[1], [new_actie, self.link[0]])
            else:
                self.conn.execute(sql, [self.melding_id])
        except psycopg.Error as error:
            self.errors.append(f"{kind}: {type(error).__name__}: {str(error).splitlines()[0]}")
        self.longest[kind] = max(self.longest[kind], time.monotonic() - started)

    def run(self):
        while not self.stop.is_set():
            self.timed(
                "select",
                "SELECT m.*, d.*, j.* FROM leerplicht_melding m JOIN cases_dossier d ON d.id = m.dossier_id "
                "JOIN cases_jongere j ON j.id = d.jongere_id WHERE m.id = %s",
            )
            self.timed("update", "UPDATE leerplicht_melding SET versie = versie WHERE id = %s")
            if self.actie_id is not None:
                self.timed("insert", self.insert_sql)
            self.count += 1
            self.stop.wait(PROBE_EVERY)
        self.conn.close()


def generate(url, meldingen, old_tree, organisaties):
    name = f"upgrade_{meldingen}"
    admin = psycopg.connect(pg_conninfo(with_dbname(url, "postgres")), autocommit=True)
    admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
    admin.execute(f'CREATE DATABASE "{name}"')
    admin.close()
    target = with_dbname(url, name)
    env = {**os.environ, "DATABASE_URL": target}
    env.setdefault(
        "DJANGO_SETTINGS_MODULE", "config.settings.test" if env.get("REDIS_URL") else "config.settings.dev"
    )
    python = str(Path(old_tree) / ".venv/bin/python")
    started = time.monotonic()
    subprocess.run([python, "manage.py", "migrate", "-v0"], cwd=old_tree, env=env, check=True)  # noqa: S603
    subprocess.run(  # noqa: S603
        [python, "bench/generate.py", "--meldingen", str(meldingen), "--organisaties", str(organisaties)],
        cwd=old_tree,
        env=env,
        check=True,
    )
    print(
        f"Oude versie ({old_tree}) met {meldingen:,} meldingen gemaakt in {time.monotonic() - started:.0f} s"
    )
    return target


def count_rows(url):
    with psycopg.connect(pg_conninfo(url), autocommit=True) as conn:
        return {
            table: conn.execute(
                "SELECT reltuples::bigint FROM pg_class WHERE relname = %s", [table]
            ).fetchone()[0]
            for table in ("leerplicht_melding", "cases_jongere", "cases_dossier")
        }


def migrate(url):
    """HEAD's migrate with its own application_name; returns [(migration, seconds)], total, output."""
    env = {**os.environ, "DATABASE_URL": url, "PGAPPNAME": MIGRATE_APP}
    env.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    started = time.monotonic()
    process = subprocess.Popen(  # noqa: S603
        [sys.executable, "manage.py", "migrate", "-v2", "--no-input"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    timings, output = [], []
    for line in process.stdout:
        output.append(line)
        match = re.search(r"Applying (\S+)\.\.\. OK \(([\d.]+)s\)", line)
        if match:
            timings.append((match.group(1), float(match.group(2))))
            print(f"  {match.group(1):<60} {float(match.group(2)):8.2f} s", flush=True)
        elif "Lock timeout" in line or "Error" in line:
            print("  " + line.rstrip(), flush=True)
    process.wait()
    return process.returncode, timings, time.monotonic() - started, "".join(output)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--generate", type=int, metavar="N", help="first make old-version data with N meldingen"
    )
    parser.add_argument(
        "--old-tree", help="checkout of the previous release (for --generate), with its .venv"
    )
    parser.add_argument("--organisaties", type=int, default=20)
    parser.add_argument("--json", help="also write the figures to this file")
    args = parser.parse_args()
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        raise SystemExit("Zet DATABASE_URL op een PostgreSQL-database (postgres://...).")
    if args.generate:
        if not args.old_tree:
            raise SystemExit("--generate heeft --old-tree nodig: een checkout van de vorige release.")
        url = generate(url, args.generate, args.old_tree, args.organisaties)

    rows = count_rows(url)
    print(
        f"Upgrade van {urlsplit(url).path[1:]}: ~{rows['leerplicht_melding']:,} meldingen, "
        f"~{rows['cases_jongere']:,} jongeren, lock_timeout {os.environ.get('MIGRATION_LOCK_TIMEOUT', '5s')}"
    )
    sampler, probe = LockSampler(url), OldReleaseProbe(url)
    sampler.start()
    probe.start()
    code, timings, total, output = migrate(url)
    probe.stop.set()
    sampler.stop.set()
    probe.join()
    sampler.join()
    if code != 0:
        print(output[-4000:])
        raise SystemExit(f"migrate stopte met code {code}")

    print(f"\nMigraties: {len(timings)}, totaal {total:.1f} s (inclusief het opstarten van Django)")
    print("\nLangste lock van de migratie per tabel (bemonsterd elke 50 ms):")
    print(f"  {'tabel':<44} {'blokkeert lezen':>10} {'blokkeert schrijven':>14}")
    tables = {}
    for (table, kind, granted), seconds in sampler.longest.items():
        entry = tables.setdefault(table, {"reads": 0.0, "writes": 0.0, "waited": 0.0})
        entry[kind] = max(entry[kind], seconds)
        if not granted:
            entry["waited"] = max(entry["waited"], seconds)
    for table, label in HOT_TABLES.items():
        entry = tables.get(table, {"reads": 0.0, "writes": 0.0, "waited": 0.0})
        waited = f"  (gewacht {entry['waited']:.2f} s)" if entry["waited"] else ""
        print(
            f"  {label + ' (' + table + ')':<44} {entry['reads']:>8.2f} s {entry['writes']:>12.2f} s{waited}"
        )
        # What the migration was doing while it held that lock ("idle in transaction": Python).
        for state, statement in sampler.longest_statements.get((table, "writes", True), [])[:4]:
            print(f"      {state}: {statement[:110]}")
    print(
        f"\nOude versie (probe, {probe.count} rondes): langste SELECT {probe.longest['select'] * 1000:.0f} ms, "
        f"langste UPDATE {probe.longest['update'] * 1000:.0f} ms, "
        f"langste INSERT (actie, kolommen van de oude versie) {probe.longest['insert'] * 1000:.0f} ms, "
        f"fouten: {len(probe.errors)}"
    )
    for error in sorted(set(probe.errors)):
        print(f"  {probe.errors.count(error)}x {error}")
    if args.json:
        Path(args.json).write_text(
            json.dumps(
                {
                    "rows": rows,
                    "total_seconds": round(total, 2),
                    "migrations": timings,
                    "locks": tables,
                    "probe": {"rounds": probe.count, "longest": probe.longest, "errors": probe.errors},
                    "samples": sampler.samples,
                },
                indent=2,
            )
        )


if __name__ == "__main__":
    main()
