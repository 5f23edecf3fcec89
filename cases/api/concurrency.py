"""Optimistic concurrency over HTTP: `ETag` from `versie`, `If-Match` on writes.

A detail response of a versioned record (Melding, Vrijstelling, Traject) carries
`ETag: "<versie>"`. A write sends it back in `If-Match`; the service compares it under a row
lock. A stale If-Match answers 412; without If-Match the `versie` in the body is used (a stale
one answers 409); without either the write is not checked.
"""

from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter

from cases.concurrency import ConflictError

IF_MATCH = OpenApiParameter(
    name="If-Match",
    type=OpenApiTypes.STR,
    location=OpenApiParameter.HEADER,
    required=False,
    description=_(
        'De ETag uit het laatste antwoord (bijvoorbeeld "3"). Is het record intussen gewijzigd, '
        "dan antwoordt de API 412 en wordt er niets opgeslagen."
    ),
)
ETAG = OpenApiParameter(
    name="ETag",
    type=OpenApiTypes.STR,
    location=OpenApiParameter.HEADER,
    response=[200, 201],
    description=_("De versie van het record; stuur die mee in If-Match bij een wijziging."),
)


def etag(obj) -> str:
    return f'"{obj.versie}"'


def _parse_tag(tag: str) -> int | None:
    tag = tag.strip()
    if tag.startswith("W/"):
        tag = tag[2:]
    tag = tag.strip('"')
    return int(tag) if tag.isdigit() and len(tag) < 10 else None


def expected_version(request, current, body_versie: int | None = None) -> int | None:
    """The version a write was based on: from If-Match (checked now, 412 when stale) or the body.

    Marks the request so that a ConflictError raised later by the service (under its row lock)
    also answers 412.
    """
    header = request.headers.get("If-Match")
    if header is None:
        return body_versie
    request.if_match_used = True
    tags = [t for t in header.split(",") if t.strip()]
    if any(t.strip() == "*" for t in tags):
        return None
    versions = [_parse_tag(t) for t in tags]
    if current.versie not in versions:
        raise ConflictError(_conflict_message())
    return current.versie


def _conflict_message() -> str:
    return ConflictError().message


class ETagMixin:
    """Adds the ETag header to detail responses of a versioned model."""

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        obj = getattr(self, "etag_object", None)
        if obj is not None and 200 <= response.status_code < 300 and hasattr(obj, "versie"):
            response["ETag"] = etag(obj)
        return response
