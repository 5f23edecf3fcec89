"""Structured logs and metrics (docs/operations.md, "Logs" and "Metrieken").

Every log line, ours and every library's, goes through structlog's formatter: JSON in
production (one object per line, for Loki, Elastic or a cloud log service), readable text in
development. Each line carries the request's trace id, the user id and the organisation id;
never a BSN, name or birth date. The code logs none of those, and `redact_bsn` removes any
nine-digit number that passes the elfproef from every line anyway, because a library's error
text can quote one (PostgreSQL's "Key (bsn)=(...) already exists").
"""

import re

import structlog
from django.core.signals import request_finished
from django.dispatch import receiver

BSN_LIKE = re.compile(r"(?<!\d)(\d{9})(?!\d)")


def _elfproef(digits: str) -> bool:
    total = sum(int(d) * w for d, w in zip(digits[:8], range(9, 1, -1), strict=True))
    return (total - int(digits[8])) % 11 == 0


def _redact(text: str) -> str:
    return BSN_LIKE.sub(lambda m: "[bsn]" if _elfproef(m.group(1)) else m.group(1), text)


def redact_bsn(logger, method_name, event_dict):
    """A structlog processor: no BSN leaves the process in a log line."""
    for key, value in event_dict.items():
        if isinstance(value, str):
            event_dict[key] = _redact(value)
    return event_dict


def _shared_processors():
    return [
        structlog.contextvars.merge_contextvars,
        structlog.stdlib.add_log_level,
        structlog.stdlib.add_logger_name,
        structlog.processors.TimeStamper(fmt="iso", utc=True),
    ]


def logging_config(*, fmt: str, level: str, file: str = "") -> dict:
    """The LOGGING setting: stdlib logging rendered by structlog (fmt "json" or "console")."""
    renderer = (
        structlog.processors.JSONRenderer(ensure_ascii=False)
        if fmt == "json"
        else structlog.dev.ConsoleRenderer(colors=False)
    )
    formatter = {
        "()": structlog.stdlib.ProcessorFormatter,
        "foreign_pre_chain": _shared_processors(),
        "processors": [
            structlog.stdlib.ProcessorFormatter.remove_processors_meta,
            structlog.processors.format_exc_info,
            redact_bsn,
            renderer,
        ],
    }
    # A refused request (403, 404) is one line, without the traceback Django attaches.
    filters = ["no_client_tracebacks"]
    handlers = {"console": {"class": "logging.StreamHandler", "formatter": "structured", "filters": filters}}
    if file:
        # Also a file, always as JSON: the test suite scans it for personal data.
        handlers["file"] = {
            "class": "logging.FileHandler",
            "filename": file,
            "formatter": "json",
            "filters": filters,
        }
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {
            "structured": formatter,
            "json": {
                **formatter,
                "processors": [*formatter["processors"][:-1], structlog.processors.JSONRenderer()],
            },
        },
        "filters": {"no_client_tracebacks": {"()": "cases.platform.logfilters.NoTracebackForClientErrors"}},
        "handlers": handlers,
        "root": {"handlers": list(handlers), "level": level},
        "loggers": {
            # Django's default config gives "django" its own console handler with DEBUG on; with
            # the root's as well every message (and traceback) was printed twice in development.
            "django": {"handlers": list(handlers), "level": level, "propagate": False},
            # WeasyPrint logs every page at INFO.
            "weasyprint": {"level": "WARNING"},
            "fontTools": {"level": "WARNING"},
        },
    }


def configure_structlog() -> None:
    """structlog's own loggers (structlog.get_logger()) hand their events to stdlib logging."""
    structlog.configure(
        processors=[
            *_shared_processors(),
            structlog.stdlib.ProcessorFormatter.wrap_for_formatter,
        ],
        logger_factory=structlog.stdlib.LoggerFactory(),
        wrapper_class=structlog.stdlib.BoundLogger,
        cache_logger_on_first_use=True,
    )


class LogContextMiddleware:
    """Binds the trace id, user id and organisation id to every log line of the request, and
    returns the trace id as X-Request-ID so a user's report can be found in the logs."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from cases.privacy.audit import current_trace_id

        structlog.contextvars.clear_contextvars()
        trace_id = current_trace_id(request)
        user = getattr(request, "user", None)
        context = {"trace_id": trace_id}
        if user is not None and user.is_authenticated:
            context["user_id"] = user.pk
            context["organisatie_id"] = user.organisatie_id
        structlog.contextvars.bind_contextvars(**context)
        # Cleared when the response is closed (request_finished), not here: Django logs the
        # request's outcome ("Not Found: ...") after the middleware has returned.
        response = self.get_response(request)
        response.headers.setdefault("X-Request-ID", trace_id)
        return response


@receiver(request_finished)
def _clear_log_context(**kwargs) -> None:
    structlog.contextvars.clear_contextvars()


def bind_task_context(task_id=None, task=None, **kwargs) -> None:
    """Celery's task_prerun: the task's lines carry its id and name."""
    structlog.contextvars.clear_contextvars()
    structlog.contextvars.bind_contextvars(task_id=task_id, task=getattr(task, "name", ""))
