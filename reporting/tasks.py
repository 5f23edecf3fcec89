"""Thin Celery task of the reporting app: takes a run id, idempotent, calls the service."""

from celery import shared_task

from . import services

RENDER_TASK = "reporting.render_report_run"


@shared_task(name=RENDER_TASK, acks_late=True, reject_on_worker_lost=True, ignore_result=True)
def render_report_run(run_id: int) -> None:
    """Build the tables of one ReportRun and render its files.

    acks_late: the message is acknowledged only when the work is done, so a run whose worker
    dies is delivered again (to another worker) and rendered again; a run already `klaar` is not.
    """
    services.report_run_execute(run_id=run_id)
