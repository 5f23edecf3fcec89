"""The report's heaviest counts are read ahead on connections of their own (reporting/tables/
gedeeld.py): the report is the same as when one connection reads everything, and those
connections are closed when the report is done."""

import threading

import pytest
from django.db import transaction
from django.db.backends.signals import connection_created

from cases.platform.replica import REPLICA
from cases.rules import Schooljaar
from reporting.renderers.json import render_json
from reporting.tables import build_report
from tests.reporting.zoetermeer import build_doorstroom, build_verzuim_18plus, build_zoetermeer

# Committed data (transaction=True): other connections see only what is committed.
pytestmark = pytest.mark.django_db(transaction=True, databases=["default", REPLICA])


@pytest.fixture
def other_threads_connections():
    """The database connections opened by threads other than the test's own."""
    opened = []

    def note(sender, connection, **kwargs):
        if threading.current_thread() is not threading.main_thread():
            opened.append(connection)

    connection_created.connect(note)
    yield opened
    connection_created.disconnect(note)


@pytest.fixture
def zoetermeer():
    organisatie = build_zoetermeer()
    build_doorstroom(organisatie)
    build_verzuim_18plus(organisatie)
    return organisatie


def tables(organisatie) -> dict:
    schooljaar = Schooljaar(2024)
    return render_json(build_report(organisatie, schooljaar, schooljaar.previous()))["tabellen"]


def test_counts_read_ahead_on_other_connections_give_the_same_report(
    settings, zoetermeer, other_threads_connections
):
    settings.REPORTS_FROM_REPLICA = False
    with transaction.atomic():  # inside a transaction everything is read on this connection
        one_connection = tables(zoetermeer)
    assert other_threads_connections == []

    read_ahead = tables(zoetermeer)

    assert len(other_threads_connections) == 2
    assert read_ahead == one_connection
    # The numbers are the report's, not empty tables that happen to agree.
    assert read_ahead["meldingen_per_soort"]["totaal"]["aantal"] > 0
    assert any(row["waarden"].get("aantal") for row in read_ahead["vsv_geslacht"]["rijen"])
    assert all(c.connection is None for c in other_threads_connections), "verbinding niet gesloten"


def test_counts_read_ahead_come_from_the_replica_when_the_report_reads_from_it(
    settings, zoetermeer, other_threads_connections
):
    settings.REPORTS_FROM_REPLICA = True
    tables(zoetermeer)
    assert [c.alias for c in other_threads_connections] == [REPLICA, REPLICA]
