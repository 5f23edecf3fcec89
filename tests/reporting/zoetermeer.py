"""Builds the individual records behind the Zoetermeer jaarverslag 2024-2025 (seeds/), so the
report's tables can be generated from data and compared with what was published.

Only tables that add up in the published report are reproduced exactly (Grafiek 1, Tabel 2 to 8);
the others get plausible data of the right totals. Counts below are copied from the report.
"""

from datetime import date, timedelta
from itertools import cycle

from cases.codelists import seed_codelists
from cases.models import Dossier, Gemeente, Jongere, Organisatie
from cases.rules import age_on
from leerplicht.constants import REDEN_LIJST, RESULTAAT_LIJST
from leerplicht.models import Melding, Vrijstelling
from reporting.models import Populatie

SCHOOLJAAR_START = date(2024, 8, 1)

ABSOLUUT_RESULTATEN = {  # Tabel 2
    "(Terug) naar school": 90,
    "Verhuisd": 30,
    "Niet opgelost einde schooljaar": 25,
    "Overdracht Doorstroompunt i.v.m. einde leerplicht": 20,
    "Vrijstelling": 14,
    "Schoolvervangend traject": 5,
}
ABSOLUUT_REDENEN = {  # Tabel 1 (adds up to 163 of 184: the rest has no registered reason)
    "Niet aangemeld op een school": 55,
    "Wachtlijst taalklas/ISK": 45,
    "Aanvraag vrijstelling": 24,
    "Onderzoek/wachtlijst jeugdhulp": 13,
    "Wachtlijst passend onderwijs": 13,
    "Werkt/wil werken": 8,
    "Hoogst haalbare bereikt": 2,
    "Verwijdering van school": 2,
    "Niet toegelaten door school": 1,
}
ABSOLUUT_ONDERWIJS = {"bo_sbo": 100, "vmbo": 58, "mbo_2": 26}  # "100 PO, 58 VO, 26 mbo"
LUXE_REDENEN = {"Familieomstandigheden": 23, "Vakantie": 17}  # Tabel 3
LUXE_RESULTATEN = {
    "Formele waarschuwing": 27,
    "Proces-verbaal": 6,
    "Ter kennisname dossier": 5,
    "Niet verwijtbaar": 2,
}
LUXE_GEZINNEN = 28  # "Bij 40 kinderen (28 gezinnen)"
# Tabel 5: onderwijssoort -> (wettelijk, licht)
RELATIEF_ONDERWIJS = {
    "bo_sbo": (26, 23),
    "so": (0, 5),
    "vso": (13, 16),
    "pro": (12, 17),
    "vo_onderbouw": (61, 93),
    "vmbo": (102, 234),
    "havo": (13, 49),
    "vwo": (2, 7),
    "vavo": (3, 0),
    "mbo_1": (87, 12),
    "mbo_2": (196, 20),
    "mbo_3": (46, 7),
    "mbo_4": (231, 16),
}
RELATIEF_REDENEN = {  # Tabel 6
    "Herhaald verzuim": (255, 139),
    "Ongemotiveerd": (271, 120),
    "Psychosociale problematiek": (88, 55),
    "Vaak te laat": (41, 99),
    "Twijfelachtig/zorgelijk ziekteverzuim": (51, 38),
    "Verkeerde school/opleiding": (63, 20),
    "Stage/leerbaanproblematiek": (12, 5),
    "Gezinsproblematiek": (0, 17),
    "Hoogst haalbare bereikt": (5, 4),
    "Werkt/wil werken": (6, 2),
}
RELATIEF_RESULTATEN = {  # Tabel 7
    "Formele waarschuwing": (212, 203),
    "Naar school": (353, 56),
    "Ter kennisname dossier": (123, 177),
    "Hulpverlening": (25, 26),
    "Niet verwijtbaar": (26, 21),
    "Schoolvervangend traject": (15, 8),
    "Verhuisd": (8, 4),
    "Halt": (8, 3),
    "Proces-verbaal": (11, 0),
    "Overdracht Doorstroompunt 18+": (8, 0),
    "Thuiszitter": (3, 1),
}
WETTELIJK_LEERLINGEN, LICHT_LEERLINGEN = 536, 455  # "792 meldingen ... 536 leerlingen", "499 ... 455"
THUISZITTER_REDENEN = {  # Tabel 8
    "Psychische klachten internaliserend": 61,
    "Ongemotiveerd": 28,
    "Psychische klachten externaliserend": 18,
    "Gezinsproblematiek": 13,
    "Gedragsproblematiek": 13,
    "Wachtlijst passend onderwijs": 7,
    "Wachtlijst jeugdhulp": 7,
    "Hoge begaafdheid": 2,
    "Hoogst haalbare bereikt": 2,
    "Lichamelijke klachten/medisch": 1,
}
THUISZITTER_RESULTATEN = {  # Tabel 9 (adds up to 149 of 152: the rest has no registered result)
    "Niet opgelost einde schooljaar": 43,
    "Naar (andere) school": 34,
    "Hulpverlening": 23,
    "Schoolvervangend traject": 21,
    "Overdracht Doorstroompunt i.v.m. bereiken 18 jaar": 10,
    "Onderwijszorgarrangement": 9,
    "Verhuisd": 7,
    "Formele waarschuwing": 2,
}
ZORG = 651
AANVRAGEN = 199
LEERPLICHTIGEN = 19163
LEERLINGEN_GEMELD = 1635


def expand(counts: dict) -> list:
    """{value: n} -> [value, value, ...] in the given order."""
    return [value for value, n in counts.items() for _ in range(n)]


def _padded(values: list, n: int) -> list:
    """Fill up with None: records without a registered value, as in the real data."""
    return values + [None] * (n - len(values))


def build_zoetermeer() -> Organisatie:
    organisatie = Organisatie.objects.create(slug="zoetermeer", naam="Gemeente Zoetermeer")
    gemeente = Gemeente.objects.get_or_create(code="GM0637", defaults={"naam": "Zoetermeer"})[0]
    organisatie.gemeenten.add(gemeente)
    seed_codelists(organisatie)
    Populatie.objects.create(gemeente=gemeente, schooljaar=2024, leerplichtigen=LEERPLICHTIGEN)
    codes = {(c.lijst, c.label): c for c in organisatie.codes.all()}

    # The distinct pupils: wettelijk pupils J[0:536], licht pupils overlap them so that all
    # meldingen together concern exactly 1,635 pupils (2,018 - 383 overlap).
    overlap = WETTELIJK_LEERLINGEN + LICHT_LEERLINGEN + 184 + 40 + 152 + ZORG - LEERLINGEN_GEMELD
    dossiers = _dossiers(organisatie, gemeente, LEERLINGEN_GEMELD + AANVRAGEN)
    pupils = iter(range(LEERLINGEN_GEMELD))
    wettelijk_pool = [next(pupils) for _ in range(WETTELIJK_LEERLINGEN)]
    licht_pool = wettelijk_pool[WETTELIJK_LEERLINGEN - overlap :] + [
        next(pupils) for _ in range(LICHT_LEERLINGEN - overlap)
    ]

    meldingen = []

    def add(soort, who, day, onderwijssoort="", reden=None, resultaat=None, gezin=""):
        dossier = dossiers[who]
        received = SCHOOLJAAR_START + timedelta(days=day % 360)
        meldingen.append(
            Melding(
                dossier=dossier,
                organisatie=organisatie,
                soort=soort,
                ontvangen_op=received,
                gemeente=gemeente,
                leeftijd=age_on(dossier.jongere.geboortedatum, received),
                onderwijssoort=onderwijssoort,
                reden=codes.get((REDEN_LIJST[soort], reden)) if reden else None,
                resultaat=codes.get((RESULTAAT_LIJST[soort], resultaat)) if resultaat else None,
                fase="afgesloten" if resultaat else "handelen",
                afgesloten_op=received + timedelta(days=5) if resultaat else None,
                gezin_id=gezin,
            )
        )

    redenen = _padded(expand(ABSOLUUT_REDENEN), 184)
    for i, (reden, resultaat, onderwijs) in enumerate(
        zip(redenen, expand(ABSOLUUT_RESULTATEN), expand(ABSOLUUT_ONDERWIJS), strict=True)
    ):
        add("absoluut", next(pupils), i, onderwijs, reden, resultaat)
    gezinnen = cycle(range(LUXE_GEZINNEN))
    for i, (reden, resultaat) in enumerate(zip(expand(LUXE_REDENEN), expand(LUXE_RESULTATEN), strict=True)):
        add("luxe", next(pupils), i, "bo_sbo", reden, resultaat, gezin=f"gezin-{next(gezinnen)}")
    for soort, column, pool in (("relatief_wettelijk", 0, wettelijk_pool), ("relatief_licht", 1, licht_pool)):
        onderwijs = expand({k: v[column] for k, v in RELATIEF_ONDERWIJS.items()})
        redenen = expand({k: v[column] for k, v in RELATIEF_REDENEN.items()})
        resultaten = expand({k: v[column] for k, v in RELATIEF_RESULTATEN.items()})
        who = cycle(pool)  # more meldingen than pupils: some pupils are reported again
        for i, (o, reden, resultaat) in enumerate(zip(onderwijs, redenen, resultaten, strict=True)):
            add(soort, next(who), i, o, reden, resultaat)
    for i, (reden, resultaat) in enumerate(
        zip(expand(THUISZITTER_REDENEN), _padded(expand(THUISZITTER_RESULTATEN), 152), strict=True)
    ):
        add("thuiszitter", next(pupils), i, "vmbo", reden, resultaat)
    for i in range(ZORG):
        add("zorg", next(pupils), i, "vmbo", None, None)
    Melding.objects.bulk_create(meldingen, batch_size=1000)

    Vrijstelling.objects.bulk_create(
        Vrijstelling(
            dossier=dossiers[LEERLINGEN_GEMELD + i],
            organisatie=organisatie,
            gemeente=gemeente,
            grondslag="art5a",
            onderwijs="po",
            aangevraagd_op=SCHOOLJAAR_START + timedelta(days=i),
        )
        for i in range(AANVRAGEN)
    )
    return organisatie


def _dossiers(organisatie, gemeente, n) -> list[Dossier]:
    """n fictitious pupils aged 5 to 17 on 1 October 2024, each with a dossier."""
    jongeren = Jongere.objects.bulk_create(
        Jongere(
            organisatie=organisatie,
            voornamen="Leerling",
            achternaam=f"{i:05d}",
            geboortedatum=date(2007, 10, 2) + timedelta(days=(i * 37) % (12 * 365)),
            woongemeente=gemeente,
        )
        for i in range(n)
    )
    return Dossier.objects.bulk_create(Dossier(jongere=j) for j in jongeren)


# --- Doorstroompunt -------------------------------------------------------------------------
ONDERWIJSACHTERGROND_LEEFTIJD = {  # Tabel 13: achtergrond -> counts at ages 17..22
    "VMBO": (2, 6, 3, 0, 0, 0),
    "HAVO": (0, 3, 1, 1, 0, 0),
    "VWO": (0, 1, 1, 0, 1, 0),
    "VAVO": (0, 5, 8, 1, 2, 0),
    "MBO": (3, 114, 34, 45, 22, 8),
    "School buitenland": (1, 11, 14, 12, 16, 5),
    "Inburgering": (0, 1, 0, 1, 0, 0),
    "Particulier onderwijs": (0, 1, 1, 1, 1, 1),
}
NIET_BEGELEID_NIEUW = {  # Grafiek 5: 176 begeleid, 151 not, with these reasons
    "Is gaan werken en/of studeren": 88,
    "Niet getraceerd na huisbezoek": 35,
    "Volgt traject inburgering": 13,
    "Heeft aanbod geweigerd": 8,
    "Volgt traject Wajong": 5,
    "Geen aanbod i.v.m. beperking": 2,
}
BEGELEID_NIEUW = 176
UITSTROOM_BEGELEID = {  # Tabel 14 details (its category totals do not add up; the details do)
    ("Onderwijs", "Mbo"): 47,
    ("Onderwijs", "VO/VSO"): 1,
    ("Onderwijs", "VAVO/HAVO"): 6,
    ("Werk regulier", "Werk regulier / interne opleiding"): 69,
    ("Toeleidingstraject", "Nog in traject Doorstroompunt"): 15,
    ("Toeleidingstraject", "Reintegratie / WZI"): 18,
    ("Toeleidingstraject", "Hulpverlening"): 3,
    ("Niet plaatsbaar", "Geen motivatie"): 2,
    ("Niet plaatsbaar", "Niet bereikbaar"): 3,
    ("Niet plaatsbaar", "Verhuisd"): 3,
}
NIET_BEGELEID_NAAR_ONDERWIJS = 26  # "80 schoolverlaters terug naar onderwijs" = 54 begeleid + 26
OUD_VSV = {  # Tabel 15
    "Is gaan werken en/of studeren": 55,
    "Volgt traject inburgering": 13,
    "Niet getraceerd na huisbezoek": 12,
    "Volgt traject Wajong": 10,
    "Heeft aanbod geweigerd": 7,
    "Geen aanbod i.v.m. beperking": 0,
}
OUD_VSV_BEGELEID = 96
HERKOMST_LEEFTIJD = {  # Tabel 16: herkomst -> counts at ages 18..22
    "Praktijkonderwijs": (16, 2, 1, 3, 0),
    "VSO": (11, 3, 0, 0, 0),
    "Entree": (8, 3, 0, 2, 2),
}
UITSTROOM_KWETSBAAR = {  # Tabel 17
    "Onderwijs": 6,
    "Werk regulier": 20,
    "UWV/GSD/Binnenbaan": 20,
    "Onbekend": 3,
    "Niet plaatsbaar": 2,
}
UITVAL_OP = date(2024, 10, 1)


def build_doorstroom(organisatie: Organisatie) -> None:
    """Add the trajecten behind Tabel 13 and 15 to 17 and Grafiek 5 to `organisatie`."""
    from doorstroom.models import Traject

    gemeente = organisatie.gemeenten.get()
    code = {(c.lijst, c.categorie, c.label): c for c in organisatie.codes.all()}

    def lijst_code(lijst, label, categorie=""):
        return code[(lijst, categorie, label)] if label else None

    def person(age: int) -> date:
        """A birth date that makes the jongere exactly `age` on UITVAL_OP."""
        return date(UITVAL_OP.year - age, 3, 15)

    trajecten = []
    ages_nieuw = [
        (achtergrond, 17 + i)
        for achtergrond, counts in ONDERWIJSACHTERGROND_LEEFTIJD.items()
        for i, n in enumerate(counts)
        for _ in range(n)
    ]
    begeleiding = ["begeleid"] * BEGELEID_NIEUW + expand(NIET_BEGELEID_NIEUW)
    uitstroom_begeleid = _padded(expand(UITSTROOM_BEGELEID), BEGELEID_NIEUW)
    uitstroom_niet = [("Onderwijs", "Mbo")] * NIET_BEGELEID_NAAR_ONDERWIJS
    uitstroom = uitstroom_begeleid + _padded(uitstroom_niet, len(begeleiding) - BEGELEID_NIEUW)
    dossiers = _dossiers_born([person(age) for _a, age in ages_nieuw], organisatie, gemeente)
    for dossier, (achtergrond, _age), status, out in zip(
        dossiers, ages_nieuw, begeleiding, uitstroom, strict=True
    ):
        trajecten.append(
            Traject(
                dossier=dossier,
                organisatie=organisatie,
                doelgroep="nieuw_vsv",
                gemeld_op=UITVAL_OP + timedelta(days=14),
                uitval_op=UITVAL_OP,
                onderwijsachtergrond=lijst_code("dsp_onderwijsachtergrond", achtergrond),
                begeleid=status == "begeleid",
                reden_niet_begeleid=lijst_code(
                    "dsp_reden_niet_begeleid", None if status == "begeleid" else status
                ),
                uitstroom=lijst_code("dsp_uitstroom", out[1], out[0]) if out else None,
            )
        )
    oud = ["begeleid"] * OUD_VSV_BEGELEID + expand(OUD_VSV)
    for dossier, status in zip(
        _dossiers_born([date(2002, 5, 5)] * len(oud), organisatie, gemeente), oud, strict=True
    ):
        trajecten.append(
            Traject(
                dossier=dossier,
                organisatie=organisatie,
                doelgroep="oud_vsv",
                gemeld_op=date(2024, 9, 1),
                begeleid=status == "begeleid",
                reden_niet_begeleid=lijst_code(
                    "dsp_reden_niet_begeleid", None if status == "begeleid" else status
                ),
            )
        )
    kwetsbaar = [
        (herkomst, 18 + i)
        for herkomst, counts in HERKOMST_LEEFTIJD.items()
        for i, n in enumerate(counts)
        for _ in range(n)
    ]
    dossiers = _dossiers_born([person(age) for _h, age in kwetsbaar], organisatie, gemeente)
    for dossier, (herkomst, _age), out in zip(dossiers, kwetsbaar, expand(UITSTROOM_KWETSBAAR), strict=True):
        trajecten.append(
            Traject(
                dossier=dossier,
                organisatie=organisatie,
                doelgroep="kwetsbare_jongere",
                gemeld_op=date(2024, 11, 1),
                uitval_op=UITVAL_OP,
                herkomst=lijst_code("dsp_herkomst_kwetsbaar", herkomst),
                uitstroom=lijst_code("dsp_uitstroom_kwetsbaar", out),
            )
        )
    Traject.objects.bulk_create(trajecten, batch_size=1000)


def _dossiers_born(births: list[date], organisatie, gemeente) -> list[Dossier]:
    jongeren = Jongere.objects.bulk_create(
        Jongere(
            organisatie=organisatie,
            voornamen="Jongere",
            achternaam=f"D{i:05d}",
            geboortedatum=birth,
            woongemeente=gemeente,
        )
        for i, birth in enumerate(births)
    )
    return Dossier.objects.bulk_create(Dossier(jongere=j) for j in jongeren)


# --- Verzuim 18+ ------------------------------------------------------------------------------
VERZUIM_18PLUS_JONGEREN = 603  # "De meldingen hadden betrekking op 603 jongeren"
VERZUIM_18PLUS_MELDINGEN = 1210  # "Er zijn 1.210 meldingen verzuim 18+ ... gedaan"
# How the 1,210 meldingen are spread over the 603 trajecten: 296 trajecten were imported
# without separate meldingen (1 each), 7 have 2 and 300 have 3 meldingen typed in.
ALLEEN_GEIMPORTEERD, MET_TWEE, MET_DRIE = 296, 7, 300


def build_verzuim_18plus(organisatie: Organisatie) -> None:
    """The verzuim 18+ trajecten come in through the public doorstroom CSV import (the door a
    team uses for its history); the further meldingen are recorded on them afterwards."""
    from cases.imports.records import import_now
    from doorstroom.models import Traject, VerzuimMelding

    header = "extern_id,gemeente,jongere_id,geboortedatum,doelgroep,gemeld_op"
    rows = [
        f"V18-{i},GM0637,P18-{i},2005-0{1 + i % 9}-1{i % 9},verzuim_18plus,2024-{9 + i % 4}-0{1 + i % 9}"
        for i in range(VERZUIM_18PLUS_JONGEREN)
    ]
    data = ("\n".join([header, *rows]) + "\n").encode()
    import_now(
        name="doorstroom", organisatie=organisatie, actor=None, data=data, filename="v18.csv", via="test"
    )
    trajecten = list(
        Traject.objects.filter(organisatie=organisatie, doelgroep="verzuim_18plus").order_by("extern_id")
    )
    assert len(trajecten) == ALLEEN_GEIMPORTEERD + MET_TWEE + MET_DRIE
    extra = [(t, 2) for t in trajecten[ALLEEN_GEIMPORTEERD : ALLEEN_GEIMPORTEERD + MET_TWEE]] + [
        (t, 3) for t in trajecten[ALLEEN_GEIMPORTEERD + MET_TWEE :]
    ]
    VerzuimMelding.objects.bulk_create(
        VerzuimMelding(traject=t, gemeld_op=t.gemeld_op + timedelta(days=7 * k), uren=16)
        for t, n in extra
        for k in range(n)
    )
