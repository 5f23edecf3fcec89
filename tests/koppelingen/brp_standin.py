"""A loopback stand-in of Haal Centraal BRP Personen bevragen (POST /personen), with test
persons. It checks every request against the published schema (tests/fixtures/haal_centraal_brp)
and answers 400 to an invalid one, as the real API does; its own answers are checked too."""

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import jsonschema

SPEC = json.loads(
    (
        Path(__file__).resolve().parents[1] / "fixtures" / "haal_centraal_brp" / "openapi-trimmed.json"
    ).read_text()
)


def validator(schema_name: str) -> jsonschema.Draft202012Validator:
    schema = {"$ref": f"#/components/schemas/{schema_name}", "components": SPEC["components"]}
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


VERZOEK = validator("RaadpleegMetBurgerservicenummer")
ANTWOORD = validator("RaadpleegMetBurgerservicenummerResponse")


def _datum(iso: str, lang: str) -> dict:
    return {"type": "Datum", "datum": iso, "langFormaat": lang}


def _ouder(
    aanduiding: str, bsn: str, voornamen: str, voorvoegsel: str, geslachtsnaam: str, geslacht: str
) -> dict:
    naam = {"voornamen": voornamen, "geslachtsnaam": geslachtsnaam}
    if voorvoegsel:
        naam["voorvoegsel"] = voorvoegsel
    return {
        "ouderAanduiding": aanduiding,
        "burgerservicenummer": bsn,
        "geslacht": {"code": geslacht, "omschrijving": "vrouw" if geslacht == "V" else "man"},
        "naam": naam,
    }


def _persoon(
    bsn, voornamen, geslachtsnaam, geboren, straat, huisnummer, postcode, woonplaats, ouders, **extra
):
    persoon = {
        "burgerservicenummer": bsn,
        "naam": {"voornamen": voornamen, "geslachtsnaam": geslachtsnaam},
        "geboorte": {"datum": _datum(geboren, "test")},
        "verblijfplaats": {
            "type": "Adres",
            "verblijfadres": {
                "officieleStraatnaam": straat,
                "korteStraatnaam": straat,
                "huisnummer": huisnummer,
                "postcode": postcode,
                "woonplaats": woonplaats,
            },
        },
        "adressering": {
            "adresregel1": f"{straat} {huisnummer}",
            "adresregel2": f"{postcode}  {woonplaats.upper()}",
        },
        "gemeenteVanInschrijving": {"code": "0637", "omschrijving": "Zoetermeer"},
        "ouders": ouders,
        "gezag": [
            {
                "type": "GezamenlijkOuderlijkGezag",
                "minderjarige": {"burgerservicenummer": bsn},
                "ouders": [
                    {
                        "burgerservicenummer": o["burgerservicenummer"],
                        "naam": {"volledigeNaam": o["naam"]["voornamen"]},
                    }
                    for o in ouders
                ],
            }
        ],
    }
    persoon.update(extra)
    return persoon


def _ouder_persoon(bsn, straat, huisnummer, postcode, woonplaats, **extra):
    """An ouder as the BRP answers about them (the fields we ask of ouders)."""
    persoon = {
        "burgerservicenummer": bsn,
        "verblijfplaats": {
            "type": "Adres",
            "verblijfadres": {
                "officieleStraatnaam": straat,
                "korteStraatnaam": straat,
                "huisnummer": huisnummer,
                "postcode": postcode,
                "woonplaats": woonplaats,
            },
        },
        "adressering": {
            "adresregel1": f"{straat} {huisnummer}",
            "adresregel2": f"{postcode}  {woonplaats.upper()}",
        },
    }
    persoon.update(extra)
    return persoon


#: The ouders of the test persons: Anna lives with Noor, Peter elsewhere, Sara (Daan's mother)
#: has geheimhouding of her own.
OUDERS = {
    "111222357": _ouder_persoon("111222357", "Dorpsstraat", 12, "2711 AB", "Zoetermeer"),
    "111222369": _ouder_persoon("111222369", "Kerkweg", 5, "2715 XY", "Zoetermeer"),
    "111222370": _ouder_persoon(
        "111222370", "Kerkstraat", 3, "2712 CD", "Zoetermeer", geheimhoudingPersoonsgegevens=True
    ),
}


def _gevraagd(persoon: dict, fields: list[str]) -> dict:
    """Only the asked fields (by their first part), plus what the API always delivers."""
    top = {f.split(".")[0] for f in fields} | {"geheimhoudingPersoonsgegevens"}
    return {k: v for k, v in persoon.items() if k in top}


PERSONEN = {
    "111222333": _persoon(
        "111222333",
        "Noor",
        "Bakker",
        "2012-03-14",
        "Dorpsstraat",
        12,
        "2711 AB",
        "Zoetermeer",
        [
            _ouder("1", "111222357", "Anna", "", "Bakker", "V"),
            _ouder("2", "111222369", "Peter", "de", "Vries", "M"),
        ],
    ),
    "111222345": _persoon(
        "111222345",
        "Daan",
        "de Vries",
        "2013-09-02",
        "Kerkstraat",
        3,
        "2712 CD",
        "Zoetermeer",
        [_ouder("1", "111222370", "Sara", "", "de Vries", "V")],
        geheimhoudingPersoonsgegevens=True,
    ),
}


class _Handler(BaseHTTPRequestHandler):
    server: "_Server"

    def log_message(self, format, *args):
        pass

    def _json(self, status: int, body: dict, content_type="application/json") -> None:
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_POST(self):  # noqa: N802
        standin = self.server.standin
        body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", "0"))) or b"{}")
        standin.verzoeken.append({"headers": dict(self.headers), "body": body})
        if standin.delay:
            time.sleep(standin.delay)
        if standin.api_key and self.headers.get("X-API-KEY") != standin.api_key:
            return self._json(
                401, {"title": "Niet geauthenticeerd", "status": 401}, "application/problem+json"
            )
        if self.path != "/personen":
            return self._json(404, {"title": "Niet gevonden", "status": 404}, "application/problem+json")
        errors = [e.message for e in VERZOEK.iter_errors(body)]
        if errors or body.get("type") != "RaadpleegMetBurgerservicenummer":
            standin.ongeldig.append(errors)
            return self._json(400, {"title": "Ongeldig verzoek", "status": 400}, "application/problem+json")
        antwoord = {
            "type": "RaadpleegMetBurgerservicenummer",
            "personen": [
                _gevraagd(PERSONEN.get(bsn) or OUDERS[bsn], body["fields"])
                for bsn in body["burgerservicenummer"]
                if bsn in PERSONEN or bsn in OUDERS
            ],
        }
        standin.ongeldige_antwoorden.extend(e.message for e in ANTWOORD.iter_errors(antwoord))
        return self._json(200, antwoord)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    standin: "BrpStandin"


class BrpStandin:
    def __init__(self, api_key: str = "test-sleutel", delay: float = 0):
        self.api_key = api_key
        self.delay = delay
        self.verzoeken: list[dict] = []
        self.ongeldig: list[list[str]] = []
        self.ongeldige_antwoorden: list[str] = []
        self.server = _Server(("127.0.0.1", 0), _Handler)
        self.server.standin = self
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def __enter__(self) -> "BrpStandin":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()
