"""Seeding an organisation's configurable code lists from fixtures/codelijsten.yaml.

The YAML is the project's copy of the default lists (Zoetermeer, with a Roermond variant of the
results); it is read when an organisation is created, never at request time.
"""

from functools import cache
from pathlib import Path

import yaml
from django.conf import settings
from django.db import transaction

from .constants import Codelijst
from .models import CodeItem, Organisatie

FIXTURE = Path(settings.BASE_DIR) / "fixtures" / "codelijsten.yaml"
VARIANTS = ("standaard", "roermond")

# Which YAML list feeds which Codelijst (reasons and results are per meldingsoort there).
_REDENEN = {
    "absoluut": Codelijst.REDEN_ABSOLUUT,
    "luxe": Codelijst.REDEN_LUXE,
    "relatief": Codelijst.REDEN_RELATIEF,
    "thuiszitter": Codelijst.REDEN_THUISZITTER,
    "zorg": Codelijst.REDEN_ZORG,
}
_RESULTATEN = {
    "absoluut": Codelijst.RESULTAAT_ABSOLUUT,
    "luxe": Codelijst.RESULTAAT_LUXE,
    "relatief": Codelijst.RESULTAAT_RELATIEF,
    "thuiszitter": Codelijst.RESULTAAT_THUISZITTER,
    "zorg": Codelijst.RESULTAAT_ZORG,
    "verzuim_18plus": Codelijst.RESULTAAT_VERZUIM_18PLUS,
    "nieuw_vsv": Codelijst.RESULTAAT_NIEUW_VSV,
    "jongeren_in_beeld": Codelijst.RESULTAAT_JONGEREN_IN_BEELD,
}
_DOORSTROOM = {
    "redenen_uitval": Codelijst.DSP_REDEN_UITVAL,
    "onderwijsachtergrond": Codelijst.DSP_ONDERWIJSACHTERGROND,
    "reden_niet_begeleid": Codelijst.DSP_REDEN_NIET_BEGELEID,
    "uitstroom_kwetsbaar": Codelijst.DSP_UITSTROOM_KWETSBAAR,
    "herkomst_kwetsbaar": Codelijst.DSP_HERKOMST_KWETSBAAR,
    "acties_verzuim_18plus": Codelijst.DSP_ACTIE_VERZUIM_18PLUS,
    "redenen_zorg_18plus": Codelijst.DSP_REDEN_ZORG_18PLUS,
}


@cache
def load_defaults() -> dict:
    with FIXTURE.open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def default_items(variant: str = "standaard") -> list[dict]:
    """The rows (lijst, label, categorie, samenvatting, volgorde) for a new organisation."""
    if variant not in VARIANTS:
        raise ValueError(f"unknown code list variant {variant!r}; choose from {VARIANTS}")
    data = load_defaults()
    rows: list[dict] = []

    def add(lijst, labels, categorie="", samenvatting=None):
        for position, label in enumerate(labels, start=1):
            rows.append(
                {
                    "lijst": lijst,
                    "label": label,
                    "categorie": categorie,
                    "samenvatting": (samenvatting or {}).get(label, ""),
                    "volgorde": position * 10,
                }
            )

    for key, lijst in _REDENEN.items():
        add(lijst, data["redenen"][key])
    results = dict(data["resultaten"])
    if variant == "roermond":
        # Roermond's werkprocessen results replace the Zoetermeer ones where it has a list.
        results.update({k: dict.fromkeys(v, "") for k, v in data["resultaten_roermond"].items()})
    for key, lijst in _RESULTATEN.items():
        if key in results:
            add(lijst, list(results[key]), samenvatting=results[key])
    dsp = data["doorstroom"]
    for key, lijst in _DOORSTROOM.items():
        add(lijst, dsp[key])
    for position, (categorie, details) in enumerate(dsp["uitstroom"].items(), start=1):
        for detail_position, label in enumerate(details, start=1):
            rows.append(
                {
                    "lijst": Codelijst.DSP_UITSTROOM,
                    "label": label,
                    "categorie": categorie,
                    "samenvatting": "",
                    "volgorde": position * 100 + detail_position,
                }
            )
    add(Codelijst.JGZ_IN_STAAT, data["jgz_ziekteverzuim"]["in_staat_onderwijs"])
    add(Codelijst.JGZ_FOLLOW_UP, data["jgz_ziekteverzuim"]["follow_up"])
    return rows


@transaction.atomic
def seed_codelists(organisatie: Organisatie, variant: str = "standaard") -> int:
    """Give `organisatie` the default lists; existing labels are left alone. Returns the count added."""
    existing = set(organisatie.codes.values_list("lijst", "categorie", "label"))
    new = [
        CodeItem(organisatie=organisatie, **row)
        for row in default_items(variant)
        if (row["lijst"], row["categorie"], row["label"]) not in existing
    ]
    CodeItem.objects.bulk_create(new)
    return len(new)
