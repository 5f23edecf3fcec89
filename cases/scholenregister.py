"""The school register from DUO's open data: the address files of school locations ("Adressen
alle vestigingen", per sector: basisonderwijs, (voortgezet) speciaal onderwijs, voortgezet
onderwijs), read into `School` by `manage.py import_scholen`.

DUO publishes them monthly as CSV (semicolon-separated). The column names changed over the years;
both spellings are read (`KOLOMMEN`); other columns are ignored.

`lees` checks a file and returns its rows and every problem (per line, in Dutch); `schrijf` writes
checked rows. The command checks all its files before it writes any: all or nothing. A school
already known (same BRIN and vestiging) gets DUO's name, plaats and gemeente; the contact details
the functioneel beheerder keeps (cases/beheer/scholen.py) are never touched. Schools are reference
data without personal data.
"""

import re
from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext as _

from .constants import Onderwijssoort
from .imports.reading import MAX_CELL_CHARS, TOO_LONG, TOO_MANY, UnreadableFile, read_table
from .models import Gemeente, School

#: Our field -> the column names DUO used for it, newest first.
KOLOMMEN = {
    "brin": ("INSTELLINGSCODE", "BRIN NUMMER", "BRINNUMMER"),
    "vestiging": ("VESTIGINGSCODE", "VESTIGINGSNUMMER"),
    "naam": ("VESTIGINGSNAAM", "INSTELLINGSNAAM"),
    "plaats": ("PLAATSNAAM",),
    "gemeentenummer": ("GEMEENTENUMMER",),
    "gemeentenaam": ("GEMEENTENAAM",),
    "onderwijsstructuur": ("ONDERWIJSSTRUCTUUR",),
}
VERPLICHT = ("brin", "naam", "gemeentenummer")
BRIN = re.compile(r"[0-9A-Z]{4}")
#: ONDERWIJSSTRUCTUUR parts (DUO writes e.g. "VBO/MAVO/HAVO/VWO") -> our onderwijssoorten; parts
#: not listed here are left out.
STRUCTUUR = {
    "VBO": Onderwijssoort.VMBO,
    "MAVO": Onderwijssoort.VMBO,
    "VMBO": Onderwijssoort.VMBO,
    "HAVO": Onderwijssoort.HAVO,
    "VWO": Onderwijssoort.VWO,
    "PRO": Onderwijssoort.PRO,
    "VAVO": Onderwijssoort.VAVO,
}
MAX_PROBLEMEN = 50
TUSSENWOORDEN = {
    "aan",
    "bij",
    "de",
    "den",
    "der",
    "en",
    "het",
    "in",
    "onder",
    "op",
    "over",
    "ter",
    "ten",
    "van",
}


@dataclass
class Uitkomst:
    nieuw: int = 0
    bijgewerkt: int = 0
    ongewijzigd: int = 0
    nieuwe_gemeenten: int = 0


def _tekst(data: bytes) -> str:
    """DUO's files have been UTF-8 and, in older years, Windows-1252; raises UnreadableFile for
    anything else (a spreadsheet, a zip)."""
    for codering in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(codering)
        except UnicodeDecodeError:
            continue
    raise UnreadableFile(
        _(
            "Het bestand is geen CSV-tekst (UTF-8 of Windows-1252). Gebruik het CSV-bestand van DUO zoals "
            "het gedownload is."
        )
    )


def _kop(naam: str) -> str:
    return " ".join(naam.replace("_", " ").upper().split())


def _nette_naam(naam: str) -> str:
    """DUO writes place names in capitals: 'ZOETERMEER' -> 'Zoetermeer', "'S-GRAVENHAGE" ->
    "'s-Gravenhage", 'CAPELLE AAN DEN IJSSEL' -> 'Capelle aan den IJssel' (IJ is one letter)."""
    woorden = naam.split()
    # Particles inside a name stay lower case: Alphen aan den Rijn, Bergen op Zoom.
    woorden = [w.lower() if i and w.lower() in TUSSENWOORDEN else w.title() for i, w in enumerate(woorden)]
    naam = re.sub(r"(?<![^\s-])Ij", "IJ", " ".join(woorden))
    return re.sub(r"(?:^|(?<=\s))'([ST])(?=[-\s])", lambda m: "'" + m[1].lower(), naam)


def _vestiging(brin: str, waarde: str) -> str:
    """The 2-digit vestiging from '12AB01' (VESTIGINGSCODE) or '01' / '1' (VESTIGINGSNUMMER)."""
    waarde = waarde.strip().upper()
    if len(waarde) == 6 and waarde[:4] == brin:
        waarde = waarde[4:]
    if re.fullmatch(r"[0-9]{1,2}", waarde):
        return waarde.zfill(2)
    return waarde  # checked by the caller


def lees(data: bytes) -> tuple[list[dict], list[str]]:
    """The rows of a register file as dicts of our fields, and the problems found (Dutch). Read
    with the imports' reader (cases/imports/reading.py: semicolon or comma, limits on columns,
    rows and cell sizes)."""
    try:
        tabel = read_table(_tekst(data).encode("utf-8"), "register.csv")
    except UnreadableFile as exc:
        return [], [exc.message]
    koppen = [_kop(k) for k in tabel.headers]
    kolom = {}
    for veld, namen in KOLOMMEN.items():
        gevonden = next((tabel.headers[koppen.index(naam)] for naam in namen if naam in koppen), None)
        if gevonden is not None:
            kolom[veld] = gevonden
    ontbreekt = [
        KOLOMMEN[veld][0] + (f" (of {' / '.join(KOLOMMEN[veld][1:])})" if len(KOLOMMEN[veld]) > 1 else "")
        for veld in VERPLICHT
        if veld not in kolom
    ]
    if ontbreekt:
        return [], [
            _(
                "Kolom(men) %(kolommen)s ontbreken. Gebruik een adressenbestand van schoolvestigingen van "
                "DUO (open onderwijsdata); de eerste regel moet de kolomnamen bevatten."
            )
            % {"kolommen": ", ".join(ontbreekt)}
        ]
    rijen, problemen, gezien = [], [], {}
    for regelnummer, waarden in tabel.rows:
        rij = {veld: waarden.get(kop, "") for veld, kop in kolom.items()}
        brin = rij["brin"].upper()
        vestiging = _vestiging(brin, rij.get("vestiging", ""))
        nummer = rij["gemeentenummer"]
        fouten = []
        if not BRIN.fullmatch(brin):
            fouten.append(
                _("BRIN '%(brin)s' is geen BRIN-code (4 tekens, bijvoorbeeld 12AB)") % {"brin": rij["brin"]}
            )
        if vestiging and not re.fullmatch(r"[0-9]{2}", vestiging):
            fouten.append(
                _("vestiging '%(vestiging)s' is geen vestigingsnummer (2 cijfers)")
                % {"vestiging": rij.get("vestiging", "")}
            )
        if not rij["naam"]:
            fouten.append(_("de naam is leeg"))
        if not re.fullmatch(r"[0-9]{1,4}", nummer):
            fouten.append(
                _("gemeentenummer '%(nummer)s' is geen CBS-gemeentenummer (hooguit 4 cijfers, zoals 0637)")
                % {"nummer": nummer}
            )
        if TOO_MANY in waarden:
            fouten.append(_("deze regel heeft meer cellen dan de kopregel"))
        if waarden.get(TOO_LONG):
            fouten.append(
                _("een cel is langer dan %(max)s tekens (%(kolommen)s)")
                % {"max": MAX_CELL_CHARS, "kolommen": waarden[TOO_LONG].replace(";", ", ")}
            )
        sleutel = (brin, vestiging)
        if not fouten and sleutel in gezien:
            fouten.append(
                _("%(code)s stond al op regel %(regel)s")
                % {"code": brin + vestiging, "regel": gezien[sleutel]}
            )
        if fouten:
            problemen.append(
                _("Regel %(regel)s: %(fouten)s.") % {"regel": regelnummer, "fouten": "; ".join(fouten)}
            )
            continue
        gezien[sleutel] = regelnummer
        structuur = rij.get("onderwijsstructuur", "").upper().replace(" ", "")
        rijen.append(
            {
                "brin": brin,
                "vestiging": vestiging,
                "naam": " ".join(rij["naam"].split())[:200],
                "plaats": _nette_naam(rij.get("plaats", ""))[:100],
                "gemeente_code": f"GM{int(nummer):04d}",
                "gemeente_naam": _nette_naam(rij.get("gemeentenaam", "")),
                "onderwijssoorten": list(
                    dict.fromkeys(STRUCTUUR[p] for p in structuur.split("/") if p in STRUCTUUR)
                ),
            }
        )
    if not rijen and not problemen:
        problemen.append(_("Het bestand bevat geen scholen."))
    return rijen, problemen


def _bekende_school(bekend: dict, brin: str, vestiging: str, in_bestand: set) -> School | None:
    """The known school of this BRIN and vestiging. DUO numbers the hoofdvestiging 00, while a
    school added by hand may have an empty vestiging: the same school, unless the file has both."""
    school = bekend.get((brin, vestiging))
    if school is None and vestiging in ("", "00"):
        ander = (brin, "00" if vestiging == "" else "")
        if ander not in in_bestand:
            school = bekend.get(ander)
    return school


@transaction.atomic
def schrijf(rijen: list[dict], *, proef: bool = False) -> Uitkomst:
    """Write the rows `lees` returned (without problems) into `School`; with `proef`, count only."""
    uitkomst = Uitkomst()
    gemeenten = {g.code: g for g in Gemeente.objects.filter(code__in={r["gemeente_code"] for r in rijen})}
    for rij in rijen:
        if rij["gemeente_code"] not in gemeenten:
            naam = rij["gemeente_naam"] or rij["gemeente_code"]
            gemeenten[rij["gemeente_code"]] = Gemeente.objects.create(code=rij["gemeente_code"], naam=naam)
            uitkomst.nieuwe_gemeenten += 1
    bekend = {(s.brin, s.vestiging): s for s in School.objects.filter(brin__in={r["brin"] for r in rijen})}
    nieuw, gewijzigd = [], []
    in_bestand = {(r["brin"], r["vestiging"]) for r in rijen}
    for rij in rijen:
        waarden = {
            "naam": rij["naam"],
            "plaats": rij["plaats"],
            "gemeente_id": gemeenten[rij["gemeente_code"]].pk,
        }
        if rij["onderwijssoorten"]:  # no ONDERWIJSSTRUCTUUR (primary files): keep what is there
            waarden["onderwijssoorten"] = rij["onderwijssoorten"]
        school = _bekende_school(bekend, rij["brin"], rij["vestiging"], in_bestand)
        if school is None:
            nieuw.append(School(brin=rij["brin"], vestiging=rij["vestiging"], **waarden))
        elif any(getattr(school, k) != v for k, v in waarden.items()):
            for k, v in waarden.items():
                setattr(school, k, v)
            gewijzigd.append(school)
        else:
            uitkomst.ongewijzigd += 1
    School.objects.bulk_create(nieuw, batch_size=1000)
    School.objects.bulk_update(gewijzigd, ["naam", "plaats", "gemeente", "onderwijssoorten"], batch_size=1000)
    uitkomst.nieuw, uitkomst.bijgewerkt = len(nieuw), len(gewijzigd)
    if proef:
        transaction.set_rollback(True)
    return uitkomst
