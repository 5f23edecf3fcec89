"""Start the loopback stand-ins of DUO (verzuimmeldingen over mutual TLS) and the BRP (Haal
Centraal BRP Personen bevragen) for `make run`, and print the environment variables that point
the application at them (docs/koppelingen.md). Stop with Ctrl+C.

    .venv/bin/python scripts/standins.py [map]   # certificates go to map (default: a temp dir)
"""

import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.koppelingen.brp_standin import BrpStandin  # noqa: E402
from tests.koppelingen.documenten import DAAN, NOOR, duo_document, duo_melding  # noqa: E402
from tests.koppelingen.pki import make_pki  # noqa: E402
from tests.koppelingen.standin import DuoStandin  # noqa: E402


def main() -> None:
    directory = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp(prefix="koppelingen-"))
    pki = make_pki(directory)
    document = duo_document(
        duo_melding("VM-DEMO-0001", NOOR, "16_uur", uren=18),
        duo_melding("VM-DEMO-0002", DAAN, "luxe", dagen=3),
    )
    with DuoStandin(pki, document=json.loads(json.dumps(document))) as duo, BrpStandin() as brp:
        print("Stand-ins draaien. Zet deze variabelen voor `make run` (in een andere terminal):")
        print(f"export DUO_VERZUIM_URL={duo.url}")
        print(
            f"export DUO_VERZUIM_CERT={pki.client_cert} DUO_VERZUIM_KEY={pki.client_key} DUO_VERZUIM_CA={pki.ca}"
        )
        print(f"export BRP_URL={brp.url} BRP_API_KEY={brp.api_key}")
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            pass


if __name__ == "__main__":
    main()
