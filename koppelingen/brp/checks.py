"""Is the BRP configured? Shown on the beheer page and in the inbox."""

from django.conf import settings
from django.utils.translation import gettext as _


def status() -> tuple[bool, str]:
    if not settings.BRP_URL:
        return False, _("Niet ingesteld: zet BRP_URL en BRP_API_KEY of BRP_CERT.")
    if not (settings.BRP_API_KEY or settings.BRP_CERT):
        return False, _("BRP_URL is ingesteld, maar geen BRP_API_KEY of BRP_CERT.")
    return True, _("Haal Centraal BRP Personen bevragen op %(url)s") % {"url": settings.BRP_URL}
