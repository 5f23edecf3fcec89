"""HTTP sessions for the sources: client certificate (mutual TLS), our own CA bundle, API key
header, a timeout on every call, and retries only for idempotent requests (GET, and POSTs that
only read such as the BRP's 'raadpleeg')."""

from dataclasses import dataclass

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry


@dataclass(frozen=True)
class Verbinding:
    url: str
    timeout: float = 10.0
    cert: str = ""  # client certificate (PEM); with `key` for mutual TLS
    key: str = ""
    ca: str = ""  # CA bundle that signed the server's certificate; empty: the system's
    api_key: str = ""
    api_key_header: str = "X-API-KEY"
    retries: int = 2
    retry_post: bool = False  # True where a POST only reads (BRP raadpleeg)

    @property
    def geconfigureerd(self) -> bool:
        return bool(self.url)


class _Session(requests.Session):
    """A configured CA bundle wins over REQUESTS_CA_BUNDLE / CURL_CA_BUNDLE from the environment
    (requests lets those override the session's own `verify`)."""

    ca: str = ""

    def merge_environment_settings(self, url, proxies, stream, verify, cert):
        merged = super().merge_environment_settings(url, proxies, stream, verify, cert)
        if self.ca:
            merged["verify"] = self.ca
        return merged


def session(verbinding: Verbinding) -> requests.Session:
    methods = {"GET", "HEAD"} | ({"POST"} if verbinding.retry_post else set())
    retry = Retry(
        total=verbinding.retries,
        connect=verbinding.retries,
        read=verbinding.retries,
        status=verbinding.retries,
        status_forcelist=(502, 503, 504),
        allowed_methods=frozenset(methods),
        backoff_factor=0.2,
        raise_on_status=False,
    )
    s = _Session()
    s.mount("https://", HTTPAdapter(max_retries=retry))
    s.mount("http://", HTTPAdapter(max_retries=retry))
    if verbinding.cert:
        s.cert = (verbinding.cert, verbinding.key) if verbinding.key else verbinding.cert
    if verbinding.ca:
        s.verify = s.ca = verbinding.ca
    if verbinding.api_key:
        s.headers[verbinding.api_key_header] = verbinding.api_key
    s.headers["Accept"] = "application/json"
    return s
