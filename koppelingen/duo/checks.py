"""Is the DUO verzuim link configured? Shown on the beheer page."""

from django.conf import settings
from django.utils.translation import gettext as _


def status() -> tuple[bool, str]:
    if settings.DUO_VERZUIM_URL:
        if not settings.DUO_VERZUIM_CERT:
            return False, _("DUO_VERZUIM_URL is ingesteld maar DUO_VERZUIM_CERT (clientcertificaat) niet.")
        return True, _("Via HTTPS met clientcertificaat: %(url)s") % {"url": settings.DUO_VERZUIM_URL}
    if settings.DUO_VERZUIM_MAP:
        return True, _("Via de map %(map)s") % {"map": settings.DUO_VERZUIM_MAP}
    return False, _("Niet ingesteld: zet DUO_VERZUIM_URL of DUO_VERZUIM_MAP. Uploaden kan altijd.")
