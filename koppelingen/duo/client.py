"""Transport of DUO verzuimmeldingen only: where the documents come from and where status
messages go. Two transports behind one interface:

- `MapTransport`: a directory (DUO_VERZUIM_MAP) the operator's file transfer drops files in;
  status messages are written as files to DUO_VERZUIM_UITMAP. A beheerder's upload skips the
  transport and hands the file to the service directly.
- `HttpTransport`: DUO_VERZUIM_URL over mutual TLS (DUO_VERZUIM_CERT / _KEY, server checked
  against DUO_VERZUIM_CA), with a timeout and retries of reads.
"""

import json
from pathlib import Path

import requests
from django.conf import settings
from django.utils.translation import gettext as _

from koppelingen.http import Verbinding, session


class DuoFout(Exception):
    """A Dutch message for the beheer page and the outbox; never personal data."""


class MapTransport:
    via = "map"

    def __init__(self, map_: str, uitmap: str = ""):
        self.map = Path(map_)
        self.uitmap = Path(uitmap) if uitmap else None

    def ophalen(self) -> list[tuple[str, bytes]]:
        if not self.map.is_dir():
            raise DuoFout(_("De map %(map)s voor DUO-bestanden bestaat niet.") % {"map": self.map})
        return [(p.name, p.read_bytes()) for p in sorted(self.map.glob("*.json")) if p.is_file()]

    def status_versturen(self, bericht: dict) -> None:
        if self.uitmap is None:
            raise DuoFout(_("Er is geen map ingesteld voor berichten aan DUO (DUO_VERZUIM_UITMAP)."))
        self.uitmap.mkdir(parents=True, exist_ok=True)
        # The message key as file name: writing the same message again overwrites, not doubles.
        target = self.uitmap / f"{bericht['berichtsleutel']}.json"
        target.write_text(json.dumps(bericht, ensure_ascii=False), encoding="utf-8")


class HttpTransport:
    via = "http"

    def __init__(self, verbinding: Verbinding):
        self.verbinding = verbinding
        self.session = session(verbinding)

    def _call(self, method: str, path: str, **kwargs) -> requests.Response:
        url = self.verbinding.url.rstrip("/") + path
        try:
            response = self.session.request(method, url, timeout=self.verbinding.timeout, **kwargs)
        except requests.exceptions.SSLError as exc:
            raise DuoFout(
                _("De beveiligde verbinding met DUO is mislukt: controleer het certificaat en de CA.")
            ) from exc
        except requests.exceptions.Timeout as exc:
            raise DuoFout(
                _("DUO antwoordde niet binnen %(s)s seconden.") % {"s": self.verbinding.timeout}
            ) from exc
        except requests.exceptions.ConnectionError as exc:
            raise DuoFout(_("DUO is niet bereikbaar op het ingestelde adres.")) from exc
        if response.status_code >= 400:
            raise DuoFout(
                _("DUO weigerde het verzoek (HTTP-status %(status)s).") % {"status": response.status_code}
            )
        return response

    def ophalen(self) -> list[tuple[str, bytes]]:
        response = self._call("GET", "/verzuimmeldingen")
        return [("verzuimmeldingen.json", response.content)]

    def status_versturen(self, bericht: dict) -> None:
        self._call(
            "POST",
            f"/verzuimmeldingen/{bericht['meldingnummer']}/status",
            json=bericht,
            headers={"Idempotency-Key": bericht["berichtsleutel"]},
        )


def verbinding() -> Verbinding:
    return Verbinding(
        url=settings.DUO_VERZUIM_URL,
        timeout=settings.DUO_TIMEOUT,
        cert=settings.DUO_VERZUIM_CERT,
        key=settings.DUO_VERZUIM_KEY,
        ca=settings.DUO_VERZUIM_CA,
    )


def transport():
    """The configured transport (HTTP wins over the directory), or None."""
    if settings.DUO_VERZUIM_URL:
        return HttpTransport(verbinding())
    if settings.DUO_VERZUIM_MAP:
        return MapTransport(settings.DUO_VERZUIM_MAP, settings.DUO_VERZUIM_UITMAP)
    return None
