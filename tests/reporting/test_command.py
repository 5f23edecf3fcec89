"""`manage.py jaarverslag`: the same tables and renderers, synchronously, into a file."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db
BASE_DIR = Path(__file__).resolve().parents[2]


def run(*args):
    call_command("jaarverslag", *args)


def test_the_command_writes_the_tables_as_json(organisatie_a, tmp_path, capsys):
    output = tmp_path / "jaarverslag.json"
    run(
        "--organisatie",
        "zoetermeer",
        "--schooljaar",
        "2024-2025",
        "--vergelijk",
        "2023-2024",
        "--format",
        "json",
        "--output",
        str(output),
    )
    data = json.loads(output.read_text(encoding="utf-8"))
    assert data["organisatie"] == "Leerplicht Zoetermeer"
    assert data["schooljaar"] == "2024-2025"
    assert isinstance(data["tabellen"], dict)
    for table_id, table in data["tabellen"].items():
        assert set(table) == {"titel", "kolommen", "rijen", "totaal"}, table_id
        for row in table["rijen"]:
            assert all(value is None or isinstance(value, int | float) for value in row["waarden"].values())
    assert f"{len(data['tabellen'])} tabellen geschreven naar {output}" in capsys.readouterr().out


def test_the_command_writes_a_pdf_and_an_xlsx(organisatie_a, tmp_path):
    run(
        "--organisatie",
        "zoetermeer",
        "--schooljaar",
        "2024-2025",
        "--format",
        "pdf",
        "--output",
        str(tmp_path / "j.pdf"),
    )
    run(
        "--organisatie",
        "zoetermeer",
        "--schooljaar",
        "2024-2025",
        "--format",
        "xlsx",
        "--output",
        str(tmp_path / "j.xlsx"),
    )
    assert (tmp_path / "j.pdf").read_bytes().startswith(b"%PDF")
    assert (tmp_path / "j.xlsx").read_bytes().startswith(b"PK")


def test_an_unknown_organisation_is_a_clear_error(db, tmp_path):
    with pytest.raises(CommandError, match="Onbekende organisatie 'nergenshuizen'."):
        run(
            "--organisatie",
            "nergenshuizen",
            "--schooljaar",
            "2024-2025",
            "--format",
            "json",
            "--output",
            str(tmp_path / "x.json"),
        )
    assert not (tmp_path / "x.json").exists()


@pytest.mark.parametrize(
    ("schooljaar", "message"),
    [
        ("2024", "Een schooljaar schrijft u als '2024-2025'."),
        ("2024-2026", "Het tweede jaar moet direct op het eerste volgen"),
    ],
)
def test_a_malformed_schooljaar_is_a_clear_error(organisatie_a, tmp_path, schooljaar, message):
    with pytest.raises(CommandError, match=message):
        run(
            "--organisatie",
            "zoetermeer",
            "--schooljaar",
            schooljaar,
            "--format",
            "json",
            "--output",
            str(tmp_path / "x.json"),
        )


def test_the_command_exits_non_zero_with_the_message(tmp_path):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test"}
    result = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "jaarverslag",
            "--organisatie",
            "zoetermeer",
            "--schooljaar",
            "24-25",
            "--format",
            "json",
            "--output",
            str(tmp_path / "x.json"),
        ],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    assert "Een schooljaar schrijft u als '2024-2025'." in result.stderr
    assert "Traceback" not in result.stderr
