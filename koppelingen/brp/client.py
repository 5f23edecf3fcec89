"""Transport to the BRP (Haal Centraal BRP Personen bevragen) only: HTTPS, API key header and/or
client certificate from settings, a timeout, retries (a raadpleeg POST only reads, so repeating
it is safe), and a Dutch message for every failure."""

import requests
from django.conf import settings
from django.utils.translation import gettext as _

from koppelingen.http import Verbinding, session

from . import mapping


class BrpFout(Exception):
    """A Dutch message for the user; never personal data."""


def verbinding() -> Verbinding:
    return Verbinding(
        url=settings.BRP_URL,
        timeout=settings.BRP_TIMEOUT,
        cert=settings.BRP_CERT,
        key=settings.BRP_KEY,
        ca=settings.BRP_CA,
        api_key=settings.BRP_API_KEY,
        api_key_header=settings.BRP_API_KEY_HEADER,
        retries=settings.BRP_RETRIES,
        retry_post=True,
    )


class BrpClient:
    def __init__(self, verbinding: Verbinding):
        self.verbinding = verbinding
        self.session = session(verbinding)

    def raadpleeg(self, bsn: str) -> dict | None:
        """The person with this BSN as the BRP delivers the asked fields, or None if unknown."""
        personen = self.raadpleeg_personen([bsn], mapping.FIELDS)
        return personen[0] if personen else None

    def raadpleeg_personen(self, bsns: list[str], fields: list[str]) -> list[dict]:
        """The persons with these BSNs (at most 20, the API's limit) that the BRP knows."""
        url = self.verbinding.url.rstrip("/") + "/personen"
        body = mapping.verzoek(bsns, fields=fields)
        try:
            response = self.session.post(url, json=body, timeout=self.verbinding.timeout)
        except requests.exceptions.SSLError as exc:
            raise BrpFout(
                _("De beveiligde verbinding met de BRP is mislukt: controleer het certificaat.")
            ) from exc
        except (requests.exceptions.Timeout, requests.exceptions.RetryError) as exc:
            raise BrpFout(
                _(
                    "De BRP antwoordde niet binnen %(s)s seconden. Er is niets gewijzigd; probeer het later opnieuw."
                )
                % {"s": self.verbinding.timeout}
            ) from exc
        except requests.exceptions.ConnectionError as exc:
            if "timed out" in str(exc).lower():
                raise BrpFout(
                    _(
                        "De BRP antwoordde niet binnen %(s)s seconden. Er is niets gewijzigd; "
                        "probeer het later opnieuw."
                    )
                    % {"s": self.verbinding.timeout}
                ) from exc
            raise BrpFout(_("De BRP is niet bereikbaar. Er is niets gewijzigd.")) from exc
        if response.status_code in (401, 403):
            raise BrpFout(_("De BRP weigert de toegang: controleer de API-sleutel of het certificaat."))
        if response.status_code >= 400:
            raise BrpFout(
                _("De BRP gaf een fout (HTTP-status %(status)s). Er is niets gewijzigd.")
                % {"status": response.status_code}
            )
        try:
            return response.json().get("personen") or []
        except ValueError as exc:
            raise BrpFout(_("Het antwoord van de BRP was onleesbaar. Er is niets gewijzigd.")) from exc
