"""Report runs: started once, rendered by the task, idempotent, and failing in Dutch."""

import logging

import pytest
from django.db import IntegrityError, transaction

from cases.rules import Schooljaar
from reporting import services
from reporting.models import ReportRun, ReportRunStatus
from reporting.tasks import render_report_run

pytestmark = pytest.mark.django_db


def start(user, schooljaar=2024, vergelijkingsjaar=None):
    return services.report_run_start(
        actor=user,
        organisatie=user.organisatie,
        schooljaar=Schooljaar(schooljaar),
        vergelijkingsjaar=Schooljaar(vergelijkingsjaar) if vergelijkingsjaar else None,
    )


def test_starting_the_same_report_twice_makes_one_run(
    teamleider_a, lpa_a, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as queued:
        first = start(teamleider_a, 2024, 2023)
        second = start(lpa_a, 2024, 2023)
    assert second.pk == first.pk
    assert ReportRun.objects.count() == 1
    assert len(queued) == 1  # one job for the worker
    assert first.status == ReportRunStatus.WACHTEND and first.gestart_door == teamleider_a
    assert first.formaten == ["pdf", "json", "xlsx"]
    # Other parameters, or another organisation, are another run.
    assert start(teamleider_a, 2024).pk != first.pk
    assert start(teamleider_a, 2023).pk != first.pk
    assert ReportRun.objects.count() == 3


def test_the_database_refuses_a_second_active_run_with_the_same_parameters(teamleider_a):
    run = start(teamleider_a, 2024)
    with pytest.raises(IntegrityError), transaction.atomic():
        ReportRun.objects.create(organisatie=run.organisatie, schooljaar=2024, status=ReportRunStatus.BEZIG)
    # A finished run may be made again.
    ReportRun.objects.filter(pk=run.pk).update(status=ReportRunStatus.KLAAR)
    assert start(teamleider_a, 2024).pk != run.pk


def test_a_vergelijkingsjaar_after_the_schooljaar_is_refused(teamleider_a):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="vóór schooljaar 2023-2024"):
        start(teamleider_a, 2023, 2024)


def test_the_task_builds_the_tables_and_stores_three_files(teamleider_a, report_files):
    run = start(teamleider_a, 2024, 2023)
    render_report_run.apply(args=[run.pk])
    run.refresh_from_db()
    assert run.status == ReportRunStatus.KLAAR
    assert (run.voortgang, run.voortgang_tekst) == (100, "Klaar")
    assert run.gestart_op and run.klaar_op and run.pogingen == 1
    assert run.pdf_bestand.read(4) == b"%PDF"
    assert run.json_bestand.read(1) == b"{"
    assert run.xlsx_bestand.read(2) == b"PK"
    assert run.paginas >= 3  # cover, contents, colofon at least
    assert "1 augustus 2024 tot en met 31 juli 2025" in run.databasis
    assert "geen populatiecijfers" in run.databasis
    assert run.pdf_bestand.name.startswith(f"rapportages/{run.organisatie_id}/")
    assert teamleider_a.username not in run.pdf_bestand.name


def test_a_finished_run_is_not_rendered_again(teamleider_a, report_files):
    run = start(teamleider_a)
    render_report_run.apply(args=[run.pk])
    run.refresh_from_db()
    names = (run.pdf_bestand.name, run.json_bestand.name, run.klaar_op)
    render_report_run.apply(args=[run.pk])  # the same message delivered twice
    run.refresh_from_db()
    assert (run.pdf_bestand.name, run.json_bestand.name, run.klaar_op) == names
    assert run.pogingen == 1


def test_a_busy_run_delivered_again_after_its_worker_died_is_rendered_again(teamleider_a, report_files):
    run = start(teamleider_a)
    ReportRun.objects.filter(pk=run.pk).update(status=ReportRunStatus.BEZIG, pogingen=1, voortgang=70)
    render_report_run.apply(args=[run.pk])
    run.refresh_from_db()
    assert run.status == ReportRunStatus.KLAAR and run.pogingen == 2 and run.pdf_bestand


def test_a_run_whose_worker_keeps_dying_is_given_up(teamleider_a):
    run = start(teamleider_a)
    ReportRun.objects.filter(pk=run.pk).update(status=ReportRunStatus.BEZIG, pogingen=services.MAX_POGINGEN)
    render_report_run.apply(args=[run.pk])
    run.refresh_from_db()
    assert run.status == ReportRunStatus.MISLUKT
    assert "3 keer afgebroken" in run.foutmelding


def test_a_failing_run_shows_a_dutch_error_and_logs_the_traceback(teamleider_a, monkeypatch, caplog):
    def broken(*args, **kwargs):
        raise ZeroDivisionError("deling door nul in tabel x")

    monkeypatch.setattr(services, "build_report", broken)
    run = start(teamleider_a)
    with caplog.at_level(logging.ERROR, logger="reporting.services"):
        render_report_run.apply(args=[run.pk])
    run.refresh_from_db()
    assert run.status == ReportRunStatus.MISLUKT
    assert run.foutmelding.startswith("Het maken van de rapportage is mislukt door een technische fout.")
    assert "ZeroDivisionError" not in run.foutmelding and "Traceback" not in run.foutmelding
    record = next(r for r in caplog.records if r.getMessage() == f"Rapportage {run.pk} mislukt")
    assert record.exc_info[0] is ZeroDivisionError


def test_retry_starts_a_failed_run_again(
    teamleider_a, lpa_a, report_files, django_capture_on_commit_callbacks
):
    run = start(teamleider_a)
    ReportRun.objects.filter(pk=run.pk).update(
        status=ReportRunStatus.MISLUKT, foutmelding="Mislukt.", pogingen=1
    )
    with django_capture_on_commit_callbacks() as queued:
        again = services.report_run_retry(actor=lpa_a, run=run)
    assert again.pk == run.pk and len(queued) == 1
    assert (again.status, again.foutmelding, again.gestart_door) == (ReportRunStatus.WACHTEND, "", lpa_a)
    render_report_run.apply(args=[run.pk])
    run.refresh_from_db()
    assert run.status == ReportRunStatus.KLAAR
    # A run that did not fail is left alone.
    assert services.report_run_retry(actor=lpa_a, run=run).status == ReportRunStatus.KLAAR


def test_a_run_that_cannot_be_queued_fails_visibly(
    teamleider_a, monkeypatch, django_capture_on_commit_callbacks
):
    def broker_down(*args, **kwargs):
        raise ConnectionError("Redis onbereikbaar")

    monkeypatch.setattr(render_report_run, "delay", broker_down)
    with django_capture_on_commit_callbacks(execute=True):
        run = start(teamleider_a)
    run.refresh_from_db()
    assert run.status == ReportRunStatus.MISLUKT
    assert "achtergrondverwerking" in run.foutmelding
