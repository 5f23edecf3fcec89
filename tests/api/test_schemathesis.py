"""Property-based run of the whole OpenAPI schema (schemathesis), in-process against the WSGI app,
as an authenticated user (token) of a small seeded organisation.

Positive examples must give no 5xx and conform to the schema (status code, content type,
headers, body); negative examples (invalid input) must give no 5xx. Path ids point at real
records in about half of the examples, so the happy paths run too.
"""

import pytest
import schemathesis
from django.core import signals
from django.db import close_old_connections
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from cases.models import Document
from config.wsgi import application
from tests.api.conftest import token_client

# Also run on the embedded SQLite default (tests/api/test_embedded_sqlite.py).
pytestmark = [pytest.mark.django_db, pytest.mark.embedded]

POSITIVE_EXAMPLES = 20
NEGATIVE_EXAMPLES = 8
SCHEMA_CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]


@pytest.fixture
def in_process(monkeypatch, tmp_path):
    """Requests run inside the test's transaction (as Django's test client does), and uploads
    land in a temporary directory."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    storage = Document._meta.get_field("bestand").storage
    monkeypatch.setattr(storage, "_location", str(tmp_path))
    for cached in ("base_location", "location"):
        storage.__dict__.pop(cached, None)
    yield
    for cached in ("base_location", "location"):
        storage.__dict__.pop(cached, None)
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


def real_ids(seed) -> dict[str, list]:
    ids = seed.ids()
    return {
        "/api/v1/jongeren/": sorted(ids["jongere"]),
        "/api/v1/dossiers/": sorted(ids["dossier"]),
        "/api/v1/meldingen/": sorted(ids["melding"]),
        "/api/v1/vrijstellingen/": sorted(ids["vrijstelling"]),
        "/api/v1/trajecten/": sorted(ids["traject"]),
        "/api/v1/codelijsten/": sorted(ids["codeitem"])[:3],
        "/api/v1/populatie/": sorted(ids["populatie"]),
        "/api/v1/scholen/": [seed.school.pk],
    }


def make_run(operation, mode, examples, checks, headers, ids, dossiers, counts):
    """One hypothesis test of one operation in one generation mode."""

    @settings(
        max_examples=examples,
        deadline=None,
        database=None,
        derandomize=True,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(case=operation.as_strategy(generation_mode=mode), real=st.booleans(), pick=st.integers(0, 9))
    def run(case, real, pick):
        counts["examples"] += 1
        if real and mode is GenerationMode.POSITIVE:
            if "id" in (case.path_parameters or {}) and ids:
                case.path_parameters["id"] = ids[pick % len(ids)]
            if isinstance(case.body, dict) and "dossier" in case.body:
                case.body["dossier"] = dossiers[pick % len(dossiers)]
        case.call_and_validate(headers=headers, checks=checks)

    return run


def test_api_conforms_to_its_schema(seed_a, in_process):
    client, token = token_client(seed_a.lpa)
    headers = {"Authorization": f"Token {token}"}
    schema = schemathesis.openapi.from_wsgi("/api/v1/schema/?format=json", application, headers=headers)
    ids = real_ids(seed_a)
    dossiers = sorted(seed_a.ids()["dossier"])
    failures, counts = [], {"operations": 0, "examples": 0}

    for result in schema.get_all_operations():
        operation = result.ok()
        counts["operations"] += 1
        base = operation.path.split("{")[0]
        for mode, examples, checks in (
            (GenerationMode.POSITIVE, POSITIVE_EXAMPLES, SCHEMA_CHECKS),
            (GenerationMode.NEGATIVE, NEGATIVE_EXAMPLES, [not_a_server_error]),
        ):
            run = make_run(operation, mode, examples, checks, headers, ids.get(base), dossiers, counts)
            try:
                run()
            except Unsatisfiable:
                # No invalid input exists for this operation (no body, a free-text id).
                assert mode is GenerationMode.NEGATIVE, operation.label
            except Exception as exc:  # noqa: BLE001 - collect every operation's failure
                failures.append(f"{operation.label} [{mode.value}]: {exc}")

    print(f"schemathesis: {counts['operations']} operations, {counts['examples']} examples")  # noqa: T201
    assert counts["operations"] >= 40
    assert not failures, "\n\n".join(failures)
