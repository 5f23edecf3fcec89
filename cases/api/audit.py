"""The processing log for API reads, exactly like the pages: a list writes one ZOEKEN entry per
jongere shown (`log_listing`), a detail one INZIEN entry (`log_access`)."""

from cases.constants import AuditAction
from cases.privacy.audit import log_access, log_listing
from cases.views import purpose_of


def log_list(request, jongeren, purpose=None) -> None:
    unique = {j.pk: j for j in jongeren}
    if unique:
        log_listing(
            actor=request.user,
            jongeren=unique.values(),
            purpose=purpose or purpose_of(request.user),
            request=request,
        )


def log_detail(request, jongere, obj, purpose=None) -> None:
    log_access(
        actor=request.user,
        action=AuditAction.INZIEN,
        purpose=purpose or purpose_of(request.user),
        jongere=jongere,
        obj=obj,
        request=request,
    )
