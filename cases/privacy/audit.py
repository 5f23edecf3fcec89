"""Writing the processing log. Every read or write of a jongere's data calls `log_access`."""

import hashlib
import hmac
import re
import uuid

from django.conf import settings
from django.db import connection
from django.utils import timezone

from cases.constants import AuditAction, Verwerkingsactiviteit
from cases.models import AuditEntry, Jongere
from cases.platform.bulk import create_batch_size


def pseudonym(jongere: Jongere) -> str:
    """A stable pseudonymous subject id: the log can be searched per jongere without a BSN."""
    message = f"{jongere.organisatie_id}:{jongere.pk}".encode()
    return hmac.new(settings.AUDIT_PSEUDONYM_KEY.encode(), message, hashlib.sha256).hexdigest()[:32]


#: A proxy's request id (nginx `$request_id`: 32 hex characters) is kept only when it is a short
#: token of safe characters; anything else (control characters, markup, 10 kB of text) is
#: replaced by a fresh id, so a client cannot write what it likes into the processing log.
TRACE_ID = re.compile(r"[A-Za-z0-9._-]{1,32}")


def current_trace_id(request) -> str:
    if request is None:
        return uuid.uuid4().hex
    if not hasattr(request, "trace_id"):
        offered = request.headers.get("X-Request-ID", "")
        request.trace_id = offered if TRACE_ID.fullmatch(offered) else uuid.uuid4().hex
    return request.trace_id


def log_access(
    *,
    actor,
    action: AuditAction,
    purpose: Verwerkingsactiviteit,
    jongere: Jongere | None = None,
    obj=None,
    request=None,
) -> AuditEntry:
    """Append one entry; `obj` defaults to the jongere itself."""
    obj = obj if obj is not None else jongere
    return AuditEntry.objects.create(
        gebruiker_id=actor.pk,
        gebruikersnaam=actor.get_username(),
        organisatie_id=getattr(actor, "organisatie_id", None),
        actie=action,
        doel=purpose,
        object_type=obj._meta.label_lower if obj is not None else "",
        object_id=obj.pk if obj is not None else None,
        jongere_id=jongere.pk if jongere is not None else None,
        betrokkene=pseudonym(jongere) if jongere is not None else "",
        trace_id=current_trace_id(request),
    )


def log_listing(
    *, actor, jongeren, purpose: Verwerkingsactiviteit, request=None, action: AuditAction = AuditAction.ZOEKEN
) -> None:
    """One entry per jongere shown in a list (or exported), written in one query."""
    trace_id = current_trace_id(request)
    jongeren = list(jongeren)
    if connection.vendor == "postgresql" and jongeren:
        _insert_listing(actor, jongeren, purpose, action, trace_id)
        return
    AuditEntry.objects.bulk_create(
        (
            AuditEntry(
                gebruiker_id=actor.pk,
                gebruikersnaam=actor.get_username(),
                organisatie_id=actor.organisatie_id,
                actie=action,
                doel=purpose,
                object_type=Jongere._meta.label_lower,
                object_id=jongere.pk,
                jongere_id=jongere.pk,
                betrokkene=pseudonym(jongere),
                trace_id=trace_id,
            )
            for jongere in jongeren
        ),
        batch_size=5000,
    )


def _insert_listing(actor, jongeren, purpose, action, trace_id) -> None:
    """The rows of log_listing as one INSERT over two arrays (jongere ids and pseudonyms), the
    other columns being the same for every row. A werkvoorraad page logs 50 jongeren per view;
    building 50 model instances for bulk_create cost twice the insert itself."""
    constant = {
        "tijdstip": timezone.now(),
        "gebruiker_id": actor.pk,
        "gebruikersnaam": actor.get_username(),
        "organisatie_id": actor.organisatie_id,
        "actie": action,
        "doel": purpose,
        "object_type": Jongere._meta.label_lower,
        "trace_id": trace_id,
    }
    columns = [*constant, "object_id", "jongere_id", "betrokkene"]
    # Table and column names are the model's own; every value is a parameter.
    into = f"INSERT INTO {AuditEntry._meta.db_table} ({', '.join(columns)})"
    select = f"SELECT {', '.join(['%s'] * len(constant))}, jongere, jongere, betrokkene"
    rows = "FROM unnest(%s::bigint[], %s::text[]) AS rij(jongere, betrokkene)"
    params = [*constant.values(), [j.pk for j in jongeren], [pseudonym(j) for j in jongeren]]
    with connection.cursor() as cursor:
        cursor.execute(f"{into} {select} {rows}", params)


def log_bulk(
    *, actor, organisatie_id: int, action: AuditAction, purpose: Verwerkingsactiviteit, objects
) -> None:
    """One entry per (object, jongere) pair in one query: imports write thousands of records.
    `objects` yields (obj, jongere); without an actor the entry names the command line."""
    trace_id = uuid.uuid4().hex
    AuditEntry.objects.bulk_create(
        (
            AuditEntry(
                gebruiker_id=actor.pk if actor else None,
                gebruikersnaam=actor.get_username() if actor else "import (commandoregel)",
                organisatie_id=organisatie_id,
                actie=action,
                doel=purpose,
                object_type=obj._meta.label_lower,
                object_id=obj.pk,
                jongere_id=jongere.pk,
                betrokkene=pseudonym(jongere),
                trace_id=trace_id,
            )
            for obj, jongere in objects
        ),
        batch_size=create_batch_size(AuditEntry),
    )
