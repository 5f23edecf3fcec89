"""The checks that must also hold on the embedded default (SQLite, no Redis, inline jobs):
schemathesis finds no 5xx there, API filters refuse numbers SQLite cannot hold, and a save that
meets SQLite's write lock gets the conflict message. One pytest session has one database
backend, so the tests marked `embedded` run again in a subprocess with config.settings.test_embedded.
"""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
EMBEDDED_FILES = ["tests/api/test_schemathesis.py", "tests/security/test_round2_edge_values.py"]


def test_the_embedded_checks_pass_on_sqlite(tmp_path):
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DATABASE_URL", "DATABASE_REPLICA_URL", "REDIS_URL", "DJANGO_SETTINGS_MODULE")
    }
    env["EMBEDDED_TEST_DB"] = str(tmp_path / "test.sqlite3")
    result = subprocess.run(  # noqa: S603 - our own test suite
        [
            sys.executable,
            "-m",
            "pytest",
            "--ds=config.settings.test_embedded",
            "-m",
            "embedded",
            "-q",
            "-p",
            "no:cacheprovider",
            *EMBEDDED_FILES,
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=3600,
    )
    summary = result.stdout.strip().splitlines()[-1] if result.stdout.strip() else ""
    print(f"embedded SQLite run: {summary}")  # noqa: T201
    assert result.returncode == 0, result.stdout[-8000:] + result.stderr[-3000:]
    assert " passed" in summary and "skipped" not in summary
