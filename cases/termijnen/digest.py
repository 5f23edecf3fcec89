"""The daily e-mail digest: per user, new assignments and deadlines due soon or overdue.

The mail holds counts, kinds, deadline dates and links with ids only: no names, BSN or birth
dates. Every item comes from the team apps' `digest_providers`, which read through
`visible_to(user)`. At most one digest per user and day (DigestVerzending), so a rerun sends
nothing twice; a user with nothing new and nothing due gets no mail.
"""

import logging
from dataclasses import dataclass, field
from datetime import date

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from cases import registry
from cases.constants import Signaal
from cases.models import DigestVerzending, User
from cases.registry import DigestItem

logger = logging.getLogger(__name__)


@dataclass
class Digest:
    datum: date
    nieuw: list[DigestItem] = field(default_factory=list)
    verlopen: list[DigestItem] = field(default_factory=list)
    binnenkort: list[DigestItem] = field(default_factory=list)
    sleutels: list[str] = field(default_factory=list)

    @property
    def leeg(self) -> bool:
        return not (self.nieuw or self.verlopen or self.binnenkort)


def absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def digest_for(user: User, *, today: date) -> Digest:
    """What the digest of `user` on `today` reports (nothing is sent here)."""
    items = [item for provider in registry.digest_providers for item in provider(user)]
    vorige = DigestVerzending.objects.filter(gebruiker=user, datum__lt=today).order_by("-datum").first()
    bekend = set(vorige.toegewezen) if vorige else set()
    ordered = sorted(items, key=lambda item: (item.termijn_op or date.max, item.soort, item.pk))
    return Digest(
        datum=today,
        nieuw=[item for item in ordered if item.sleutel not in bekend],
        verlopen=[item for item in ordered if item.signaal == Signaal.VERLOPEN],
        binnenkort=[item for item in ordered if item.signaal == Signaal.BINNENKORT],
        sleutels=sorted(item.sleutel for item in items),
    )


def _render(digest: Digest) -> tuple[str, str]:
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Dagelijks overzicht van %(datum)s") % {"datum": f"{digest.datum:%d-%m-%Y}"}
        body = render_to_string(
            "cases/email/digest.txt",
            {"digest": digest, "site_url": settings.SITE_URL.rstrip("/"), "subject": subject},
        )
    return subject, body


def recipients(today: date):
    """Active users of an organisation with an e-mail address who want the digest and did not
    get today's yet."""
    return (
        User.objects.filter(is_active=True, dagelijks_overzicht=True, organisatie__isnull=False)
        .exclude(email="")
        .exclude(digests__datum=today)
        .order_by("pk")
    )


def digest_versturen(*, today: date) -> int:
    """Send today's digest to everyone with something to report; returns the number sent."""
    sent = 0
    for user in recipients(today):
        digest = digest_for(user, today=today)
        if digest.leeg:
            continue
        subject, body = _render(digest)
        try:
            with transaction.atomic():
                # The row first: a concurrent run loses on the unique constraint and sends nothing;
                # a failing mail server rolls the row back, so tomorrow's run still reports.
                DigestVerzending.objects.create(gebruiker=user, datum=today, toegewezen=digest.sleutels)
                send_mail(subject, body, None, [user.email])
        except IntegrityError:
            continue
        sent += 1
    logger.info("dagelijks overzicht: %s verstuurd", sent)
    return sent
