"""Reading our intermediate formats (docs/koppelingen.md): a JSON document with a "formaat" and a
list of rows; each row's fields picked by the (path, field, notion, required) tables of a
source's mapping.py. A document with any error is refused whole, naming row and field."""

import json
from datetime import date

from django.utils.translation import gettext as _


class FormaatFout(Exception):
    """Dutch; names rows and fields, never personal data."""


def waarde(record, pad: str):
    for deel in pad.split("."):
        if not isinstance(record, dict):
            return None
        record = record.get(deel)
    return record


def document(inhoud: bytes, formaat: str, lijst: str) -> list:
    try:
        doc = json.loads(inhoud.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise FormaatFout(_("Het bestand is geen geldige JSON (UTF-8).")) from exc
    if not isinstance(doc, dict) or doc.get("formaat") != formaat:
        raise FormaatFout(
            _('Onbekend formaat: verwacht "formaat": "%(formaat)s" (zie docs/koppelingen.md).')
            % {"formaat": formaat}
        )
    rijen = doc.get(lijst)
    if not isinstance(rijen, list):
        raise FormaatFout(_('Het bestand heeft geen lijst "%(lijst)s".') % {"lijst": lijst})
    return rijen


def rij(record: dict, velden, nummer: int, fouten: list, datumvelden=()) -> dict:
    gegevens = {}
    for pad, veld, _begrip, verplicht in velden:
        value = waarde(record, pad)
        if verplicht and value in (None, ""):
            fouten.append(_("Rij %(n)s: %(veld)s ontbreekt.") % {"n": nummer, "veld": pad})
        if veld in datumvelden and value not in (None, ""):
            try:
                value = date.fromisoformat(value).isoformat()
            except (TypeError, ValueError):
                fouten.append(
                    _("Rij %(n)s: %(veld)s is geen datum (verwacht jjjj-mm-dd).") % {"n": nummer, "veld": pad}
                )
                value = None
        gegevens[veld] = value if value is not None else ""
    return gegevens


#: The person part every row of DUO and the Inlichtingenbureau carries.
PERSOON = [
    ("leerling.bsn", "bsn", "burgerservicenummer", False),
    ("leerling.voornamen", "voornamen", "voornamen", True),
    ("leerling.voorvoegsel", "tussenvoegsel", "voorvoegsel", False),
    ("leerling.achternaam", "achternaam", "geslachtsnaam", True),
    ("leerling.geboortedatum", "geboortedatum", "geboortedatum", True),
    ("leerling.straat", "straat", "adres", False),
    ("leerling.postcode", "postcode", "adres", False),
    ("leerling.woonplaats", "woonplaats", "adres", False),
    ("leerling.gemeentecode", "gemeentecode", "woongemeente (CBS-code)", True),
]
