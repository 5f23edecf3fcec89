"""Loopback stand-ins that speak the sources' APIs over real HTTP(S) in a thread.

`DuoStandin`: our intermediate format for DUO verzuimmeldingen (docs/koppelingen.md) behind mutual
TLS: GET /verzuimmeldingen returns the document it was given; POST
/verzuimmeldingen/<nummer>/status records a status message once per Idempotency-Key, and answers
503 to the first `fail_next` posts (to test retries).
"""

import json
import ssl
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from tests.koppelingen.pki import Pki


class _Handler(BaseHTTPRequestHandler):
    server: "_Server"

    def log_message(self, format, *args):  # keep the test output clean
        pass

    def _json(self, status: int, body) -> None:
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):  # noqa: N802
        standin = self.server.standin
        if self.path == "/verzuimmeldingen":
            return self._json(200, standin.document)
        return self._json(404, {"fout": "onbekend pad"})

    def do_POST(self):  # noqa: N802
        standin = self.server.standin
        body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", "0"))) or b"{}")
        parts = self.path.strip("/").split("/")
        if len(parts) != 3 or parts[0] != "verzuimmeldingen" or parts[2] != "status":
            return self._json(404, {"fout": "onbekend pad"})
        with standin.lock:
            standin.pogingen.append(body)
            if standin.fail_next > 0:
                standin.fail_next -= 1
                return self._json(503, {"fout": "tijdelijk niet beschikbaar"})
            key = self.headers.get("Idempotency-Key", "")
            if key not in standin.sleutels:
                standin.sleutels.add(key)
                standin.ontvangen.append({"meldingnummer": parts[1], **body})
        return self._json(202, {"ontvangen": True})


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    standin: "DuoStandin"

    def handle_error(self, request, client_address):
        pass  # refused handshakes (a client without our certificate) are expected in tests


class DuoStandin:
    def __init__(self, pki: Pki, document: dict | None = None, fail_next: int = 0):
        self.pki = pki
        self.document = document or {"formaat": "duo-verzuimmeldingen/1", "meldingen": []}
        self.fail_next = fail_next
        self.pogingen: list[dict] = []
        self.ontvangen: list[dict] = []
        self.sleutels: set[str] = set()
        self.lock = threading.Lock()
        self.server = _Server(("127.0.0.1", 0), _Handler)
        self.server.standin = self
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(pki.server_cert, pki.server_key)
        context.verify_mode = ssl.CERT_REQUIRED  # mutual TLS: no client certificate, no answer
        context.load_verify_locations(pki.ca)
        self.server.socket = context.wrap_socket(self.server.socket, server_side=True)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"https://127.0.0.1:{self.server.server_address[1]}"

    def __enter__(self) -> "DuoStandin":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()
