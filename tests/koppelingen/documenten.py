"""DUO documents in our intermediate format with test persons, for the tests and the stand-ins
(plain Python: no Django needed)."""

import json
from datetime import date, timedelta

# Test persons (BSNs pass the elfproef; nobody real).
NOOR = {"bsn": "111222333", "voornamen": "Noor", "achternaam": "Bakker", "geboortedatum": "2012-03-14"}
DAAN = {"bsn": "111222345", "voornamen": "Daan", "achternaam": "de Vries", "geboortedatum": "2013-09-02"}


def duo_melding(nummer: str, persoon: dict, verzuimsoort: str, gemeentecode="GM0637", **extra) -> dict:
    """One verzuimmelding in our intermediate format (docs/koppelingen.md)."""
    vandaag = date.today()
    melding = {
        "meldingnummer": nummer,
        "datum_melding": (vandaag - timedelta(days=2)).isoformat(),
        "leerling": {
            **persoon,
            "voorvoegsel": "",
            "straat": "Dorpsstraat 1",
            "postcode": "2711 AA",
            "woonplaats": "Zoetermeer",
            "gemeentecode": gemeentecode,
        },
        "school": {"brin": "12AB", "vestiging": "00", "naam": "Het Testcollege"},
        "onderwijssoort": "vmbo",
        "verzuimsoort": verzuimsoort,
        "periode": {
            "van": (vandaag - timedelta(days=30)).isoformat(),
            "tot": (vandaag - timedelta(days=3)).isoformat(),
        },
        "reden": "Spijbelen",
        "ondernomen_acties": "Gesprek met ouders",
        "verzoek_actie_gemeente": True,
    }
    melding.update(extra)
    return melding


def duo_document(*meldingen) -> dict:
    return {
        "formaat": "duo-verzuimmeldingen/1",
        "aangemaakt_op": "2026-11-30T08:00:00+01:00",
        "meldingen": list(meldingen),
    }


def duo_bytes(*meldingen) -> bytes:
    return json.dumps(duo_document(*meldingen)).encode()
