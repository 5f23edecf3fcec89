"""Prometheus metrics at /metrics (docs/operations.md, "Metrieken").

django-prometheus measures requests (count and latency per view) and database queries per
database. Added here: the length of the Celery queue and the failed background tasks. A task
fails in a worker process, possibly on another machine, so the worker counts failures in Redis
and every web process reports the same numbers.

The endpoint answers only with `Authorization: Bearer <METRICS_TOKEN>`; without METRICS_TOKEN it
does not exist (404). It holds no personal data: view names, counts and durations only.
"""

import hmac

from django.conf import settings
from django.http import Http404
from django_prometheus.exports import ExportToDjangoView
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily
from prometheus_client.registry import REGISTRY

FAILURES_KEY = "leerplicht:metrics:celery_task_failures"
QUEUES = ("celery",)


def _redis():
    import redis

    return redis.Redis.from_url(settings.REDIS_URL, socket_timeout=1)


def record_task_failure(sender=None, **kwargs) -> None:
    """Celery's task_failure, in the worker: one more failure of this task."""
    if settings.REDIS_URL:
        _redis().hincrby(FAILURES_KEY, getattr(sender, "name", "onbekend"), 1)


class CeleryCollector:
    """Read at every scrape: queue lengths and failure counts from Redis."""

    def collect(self):
        if not settings.REDIS_URL:
            return
        import redis

        queue = GaugeMetricFamily(
            "leerplicht_celery_queue_length", "Taken die wachten op een worker.", labels=["queue"]
        )
        failures = CounterMetricFamily(
            "leerplicht_celery_task_failures",
            "Mislukte achtergrondtaken sinds de start van Redis.",
            labels=["task"],
        )
        try:
            client = _redis()
            for name in QUEUES:
                queue.add_metric([name], client.llen(name))
            for task, count in client.hgetall(FAILURES_KEY).items():
                failures.add_metric([task.decode()], int(count))
        except redis.RedisError:
            return
        yield queue
        yield failures


REGISTRY.register(CeleryCollector())


def metrics(request):
    token = settings.METRICS_TOKEN
    supplied = request.headers.get("Authorization", "").removeprefix("Bearer ").strip()
    if not token or not hmac.compare_digest(supplied.encode(), token.encode()):
        raise Http404
    return ExportToDjangoView(request)
