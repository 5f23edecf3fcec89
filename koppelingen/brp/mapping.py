"""Haal Centraal BRP Personen bevragen (API 2.x, RvIG): what we ask and how the answer maps to
our fields, as data in one place.

The request is POST /personen with type RaadpleegMetBurgerservicenummer and an explicit `fields`
list (the API returns only what is asked). geheimhoudingPersoonsgegevens, inOnderzoek and
opschortingBijhouding are delivered automatically and may NOT be named in `fields` (the
specification answers 400 if they are).
"""

from cases.constants import OuderRelatie

RAADPLEEG = "RaadpleegMetBurgerservicenummer"

#: What we ask: address (adressering and the structured verblijfplaats), the woongemeente,
#: ouders, gezag (where the API offers it), date of death. Names and birth date to check that the
#: answer is about the jongere we know.
FIELDS = [
    "burgerservicenummer",
    "naam.voornamen",
    "naam.voorvoegsel",
    "naam.geslachtsnaam",
    "geboorte.datum",
    "adressering",
    "verblijfplaats",
    "gemeenteVanInschrijving",
    "ouders",
    "gezag",
    "overlijden",
]

#: What we ask about each ouder, in a second RaadpleegMetBurgerservicenummer with the ouders'
#: BSNs: the child's answer names the ouders but carries no address of theirs. Their own
#: geheimhoudingPersoonsgegevens comes without asking, per person.
OUDER_FIELDS = ["burgerservicenummer", "adressering", "verblijfplaats"]

#: The BRP's gender code of an ouder -> our relation.
RELATIE_VAN_GESLACHT = {"V": OuderRelatie.MOEDER, "M": OuderRelatie.VADER}


def verzoek(bsns: list[str], gemeente_van_inschrijving: str = "", fields: list[str] = FIELDS) -> dict:
    body = {"type": RAADPLEEG, "burgerservicenummer": list(bsns), "fields": list(fields)}
    if gemeente_van_inschrijving:
        body["gemeenteVanInschrijving"] = gemeente_van_inschrijving
    return body


def _datum(waarde) -> str:
    return (waarde or {}).get("datum", "") if isinstance(waarde, dict) else ""


def adres(persoon: dict) -> dict:
    """straat (with huisnummer), postcode, woonplaats; from the structured verblijfplaats when it
    is an address in the Netherlands, else from adressering's lines."""
    plaats = persoon.get("verblijfplaats") or {}
    verblijfadres = plaats.get("verblijfadres") or {}
    if plaats.get("type") == "Adres" and verblijfadres:
        straat = verblijfadres.get("officieleStraatnaam") or verblijfadres.get("korteStraatnaam") or ""
        nummer = "".join(
            str(verblijfadres.get(k) or "") for k in ("huisnummer", "huisletter", "huisnummertoevoeging")
        )
        return {
            "straat": f"{straat} {nummer}".strip(),
            "postcode": verblijfadres.get("postcode", ""),
            "woonplaats": verblijfadres.get("woonplaats", ""),
        }
    adressering = persoon.get("adressering") or {}
    regel2 = (adressering.get("adresregel2") or "").split("  ")
    return {
        "straat": adressering.get("adresregel1", ""),
        "postcode": regel2[0].strip() if len(regel2) > 1 else "",
        "woonplaats": regel2[-1].strip(),
    }


def gemeentecode(persoon: dict) -> str:
    """'0637' -> 'GM0637' (the CBS code our Gemeente uses)."""
    code = (persoon.get("gemeenteVanInschrijving") or {}).get("code", "")
    return f"GM{code}" if code else ""


def met_gezag(persoon: dict) -> set[str] | None:
    """BSNs of the ouders with gezag over the jongere, or None when the answer says nothing
    about gezag (not delivered, or 'niet te bepalen')."""
    relaties = persoon.get("gezag")
    if not relaties:
        return None
    bsns = set()
    for relatie in relaties:
        for ouder in relatie.get("ouders", []) + ([relatie["ouder"]] if relatie.get("ouder") else []):
            if ouder.get("burgerservicenummer"):
                bsns.add(ouder["burgerservicenummer"])
    return bsns


def ouder_bsns(persoon: dict) -> list[str]:
    """The BSNs of the known ouders in the child's answer (at most two)."""
    return [
        o["burgerservicenummer"]
        for o in persoon.get("ouders") or []
        if o.get("burgerservicenummer") and (o.get("naam") or {}).get("geslachtsnaam")
    ]


def ouder_adres(ouder_persoon: dict) -> dict:
    """An ouder's own answer -> straat, huisnummer, postcode, woonplaats (separate on Ouder) and
    geheim_adres: the BRP's geheimhouding of that person (the address is kept for the team's own
    letters, marked so that it is never passed on to third parties)."""
    plaats = ouder_persoon.get("verblijfplaats") or {}
    verblijfadres = plaats.get("verblijfadres") or {}
    if plaats.get("type") == "Adres" and verblijfadres:
        straat = verblijfadres.get("officieleStraatnaam") or verblijfadres.get("korteStraatnaam") or ""
        nummer = "".join(
            str(verblijfadres.get(k) or "") for k in ("huisnummer", "huisletter", "huisnummertoevoeging")
        )
        result = {
            "straat": straat,
            "huisnummer": nummer,
            "postcode": verblijfadres.get("postcode", ""),
            "woonplaats": verblijfadres.get("woonplaats", ""),
        }
    else:
        result = {**adres(ouder_persoon), "huisnummer": ""}
    result["geheim_adres"] = geheimhouding(ouder_persoon)
    return result


def ouders(persoon: dict, ouder_personen: dict[str, dict] | None = None) -> list[dict]:
    """The ouders as `ouders_bijwerken_uit_bron` takes them (cases.ouders.services), with the
    address from each ouder's own answer in `ouder_personen` (BSN -> person) where there is one."""
    gezag = met_gezag(persoon)
    ouder_personen = ouder_personen or {}
    result = []
    for ouder in persoon.get("ouders") or []:
        naam = ouder.get("naam") or {}
        if not naam.get("geslachtsnaam"):
            continue  # an unknown ouder (the BRP's "onbekend" entry)
        bsn = ouder.get("burgerservicenummer", "")
        result.append(
            {
                "bsn": bsn,
                "voornamen": naam.get("voornamen", ""),
                "voorvoegsel": naam.get("voorvoegsel", ""),
                "achternaam": naam["geslachtsnaam"],
                "relatie": RELATIE_VAN_GESLACHT.get(
                    (ouder.get("geslacht") or {}).get("code"), OuderRelatie.OUDER
                ),
                "gezag": bool(gezag and bsn in gezag),
            }
        )
        if bsn in ouder_personen:
            result[-1].update(ouder_adres(ouder_personen[bsn]))
    return result


def overleden_op(persoon: dict) -> str:
    return _datum((persoon.get("overlijden") or {}).get("datum"))


def geheimhouding(persoon: dict) -> bool:
    return bool(persoon.get("geheimhoudingPersoonsgegevens"))
