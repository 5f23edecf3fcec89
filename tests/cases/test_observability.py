"""Structured logs and Prometheus metrics (issue 20): what an operator's log collector and
Prometheus see."""

import json
import logging

import pytest
from django.urls import reverse

from cases.platform.metrics import record_task_failure

pytestmark = pytest.mark.django_db


def log_lines(settings):
    for handler in logging.getLogger().handlers:
        handler.flush()
    with open(settings.LOG_FILE, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def test_metrics_need_the_token(client, settings):
    settings.METRICS_TOKEN = ""
    assert client.get("/metrics").status_code == 404  # not configured: no endpoint
    settings.METRICS_TOKEN = "geheim-token-voor-prometheus"
    assert client.get("/metrics").status_code == 404
    assert client.get("/metrics", headers={"Authorization": "Bearer fout"}).status_code == 404


def test_metrics_show_latency_per_view_queries_queue_and_failures(client, settings, lpa_a):
    settings.METRICS_TOKEN = "geheim-token-voor-prometheus"
    client.force_login(lpa_a)
    client.get(reverse("werkvoorraad"))

    class FailingTask:
        name = "cases.brief_maken"

    record_task_failure(sender=FailingTask)
    record_task_failure(sender=FailingTask)
    body = client.get("/metrics", headers={"Authorization": "Bearer geheim-token-voor-prometheus"}).content
    text = body.decode()
    assert (
        'django_http_requests_latency_seconds_by_view_method_count{method="GET",view="werkvoorraad"}' in text
    )
    assert 'django_db_execute_total{alias="default",vendor="postgresql"}' in text
    assert 'leerplicht_celery_queue_length{queue="celery"}' in text
    failures = [
        line for line in text.splitlines() if line.startswith("leerplicht_celery_task_failures_total")
    ]
    assert any('task="cases.brief_maken"' in line and float(line.split()[-1]) >= 2 for line in failures)


def test_a_request_logs_json_with_trace_user_and_organisation(client, settings, lpa_a):
    client.force_login(lpa_a)
    response = client.get("/bestaat-niet/", headers={"X-Request-ID": "abc123def456"})
    assert response.status_code == 404
    assert response["X-Request-ID"] == "abc123def456"
    line = next(
        entry
        for entry in reversed(log_lines(settings))
        if entry.get("logger") == "django.request" and "/bestaat-niet/" in entry["event"]
    )
    assert line["trace_id"] == "abc123def456"
    assert line["user_id"] == lpa_a.pk
    assert line["organisatie_id"] == lpa_a.organisatie_id
    assert line["level"] == "warning"


def test_a_bsn_in_a_library_message_never_reaches_the_log(settings):
    # PostgreSQL quotes the key of a unique violation; 123456782 passes the elfproef.
    logging.getLogger("django.db.backends").error(
        "duplicate key value violates unique constraint DETAIL: Key (bsn)=(123456782) already exists. "
        "Job 100000000 took 123456789 ms"
    )
    line = log_lines(settings)[-1]
    assert "123456782" not in json.dumps(line)
    assert "Key (bsn)=([bsn])" in line["event"]
    assert "123456789 ms" in line["event"]  # not a BSN (fails the elfproef): kept
