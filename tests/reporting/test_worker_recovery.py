"""A worker killed in the middle of a render: the run is finished by the next worker.

Real processes throughout: a Celery worker subprocess against the test database and Redis,
killed with SIGKILL (no warm shutdown, no acknowledgement). acks_late keeps the message in
Redis; the next worker gets it back after the (shortened) visibility timeout.
"""

from pathlib import Path

import pytest

from cases.rules import Schooljaar
from reporting import services
from reporting.models import ReportRun, ReportRunStatus
from tests.reporting.worker import Worker, purge_queue, wait_for

pytestmark = pytest.mark.django_db(transaction=True)

VISIBILITY_TIMEOUT = 4


@pytest.fixture
def workers(tmp_path, transactional_db):
    started = []

    def start(**env):
        worker = Worker(tmp_path / f"worker-{len(started) + 1}.log", **env)
        started.append(worker)
        return worker.start()

    purge_queue()
    yield start
    for worker in started:
        worker.stop()
    purge_queue()


def test_a_run_survives_a_worker_killed_during_the_render(teamleider_a, workers, report_files):
    run = services.report_run_start(
        actor=teamleider_a, organisatie=teamleider_a.organisatie, schooljaar=Schooljaar(2024)
    )
    first = workers(REPORTING_RENDER_DELAY=60, REPORTING_TEST_VISIBILITY_TIMEOUT=VISIBILITY_TIMEOUT)

    def rendering_pdf():
        run.refresh_from_db()
        return run.status == ReportRunStatus.BEZIG and run.voortgang_tekst == "PDF opmaken"

    wait_for(rendering_pdf, timeout=60, message="the first worker never started the PDF")
    first.kill()

    run.refresh_from_db()
    assert (run.status, run.pogingen) == (ReportRunStatus.BEZIG, 1)
    assert not run.pdf_bestand

    second = workers(REPORTING_TEST_VISIBILITY_TIMEOUT=VISIBILITY_TIMEOUT)

    def finished():
        run.refresh_from_db()
        return run.status in (ReportRunStatus.KLAAR, ReportRunStatus.MISLUKT)

    wait_for(finished, timeout=90, message=f"run not finished after the restart:\n{second.output()}")
    assert run.status == ReportRunStatus.KLAAR, run.foutmelding
    assert run.pogingen == 2  # rendered again, from the start
    assert run.pdf_bestand.read(4) == b"%PDF" and run.paginas >= 3
    assert f"Rapportage {run.pk} opnieuw aangeboden na poging 1" in second.output()
    assert ReportRun.objects.count() == 1
    # The files of the killed attempt were replaced, not left behind.
    stored = {p.name for p in Path(run.pdf_bestand.path).parent.iterdir()}
    assert stored == {Path(f.name).name for f in (run.pdf_bestand, run.json_bestand, run.xlsx_bestand)}
