"""The Inlichtingenbureau's list arrives as a file a beheerder uploads: always available."""

from django.utils.translation import gettext as _


def status() -> tuple[bool, str]:
    return True, _("Via upload van de maandlijst (formaat ib-jongeren-in-beeld/1).")
