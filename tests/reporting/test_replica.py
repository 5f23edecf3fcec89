"""With DATABASE_REPLICA_URL the jaarverslag reads from the replica; writes stay on the primary."""

import socket

import pytest
from django.db import connections
from django.test.utils import CaptureQueriesContext

from cases.platform.replica import REPLICA
from cases.rules import Schooljaar
from reporting.tables import build_report
from tests.reporting.test_tables_build import add_meldingen, organisation

# Committed data (transaction=True): the replica alias is a second connection, which sees only
# what is committed, as a real replica does. In the test settings it mirrors the test database.
pytestmark = pytest.mark.django_db(transaction=True, databases=["default", REPLICA])


def melding_queries(captured) -> int:
    return sum("leerplicht_melding" in q["sql"] for q in captured.captured_queries)


def test_the_report_reads_from_the_replica_and_counts_the_same(settings):
    settings.REPORTS_FROM_REPLICA = True
    organisatie = organisation("replica", [("GM0637", "Zoetermeer")])
    add_meldingen(organisatie, 30)
    with (
        CaptureQueriesContext(connections["default"]) as primary,
        CaptureQueriesContext(connections[REPLICA]) as replica,
    ):
        report = build_report(organisatie, Schooljaar(2024))
    assert report.table("meldingen_per_soort").total["aantal"] == 30
    assert melding_queries(replica) > 0
    assert melding_queries(primary) == 0


def test_without_a_replica_everything_reads_from_the_primary(settings):
    settings.REPORTS_FROM_REPLICA = False
    organisatie = organisation("primair", [("GM0637", "Zoetermeer")])
    add_meldingen(organisatie, 5)
    with (
        CaptureQueriesContext(connections["default"]) as primary,
        CaptureQueriesContext(connections[REPLICA]) as replica,
    ):
        report = build_report(organisatie, Schooljaar(2024))
    assert report.table("meldingen_per_soort").total["aantal"] == 5
    assert melding_queries(primary) > 0
    assert melding_queries(replica) == 0


@pytest.fixture
def replica_down(monkeypatch):
    """The replica alias pointing at a loopback port where nothing listens (a stopped replica)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        closed_port = s.getsockname()[1]
    replica = connections[REPLICA]
    replica.close()
    # A new dict: in the test settings the mirror shares the primary's settings dict.
    monkeypatch.setattr(
        replica, "settings_dict", {**replica.settings_dict, "HOST": "127.0.0.1", "PORT": closed_port}
    )
    yield
    replica.close()


def test_a_stopped_replica_is_no_reason_to_refuse_the_report_it_reads_from_the_primary(
    settings, replica_down
):
    settings.REPORTS_FROM_REPLICA = True
    organisatie = organisation("replica-weg", [("GM0637", "Zoetermeer")])
    add_meldingen(organisatie, 12)
    with CaptureQueriesContext(connections["default"]) as primary:
        report = build_report(organisatie, Schooljaar(2024))
    assert report.table("meldingen_per_soort").total["aantal"] == 12
    assert melding_queries(primary) > 0
