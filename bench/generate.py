"""A realistic, deterministic data generator for benchmarks and load tests.

    python bench/generate.py --meldingen 1000000 --organisaties 100 --seed 1

Writes through bulk inserts (no ORM save per row): organisations with their gemeenten and code
lists, schools (about 7,000 locations at 1,000,000 meldingen, as in the Netherlands), jongeren with
dossiers, meldingen over 5 schooljaren in the proportions of the Zoetermeer
report with their MAS history and 0-3 actions each, vrijstellingen and Doorstroompunt trajecten. Organisation sizes are skewed (a few
large cities, many small municipalities), like the Netherlands.
"""

import argparse
import os
import random
import sys
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")

import django  # noqa: E402

django.setup()

from django.contrib.auth.hashers import make_password  # noqa: E402

from cases.codelists import seed_codelists  # noqa: E402
from cases.constants import Codelijst  # noqa: E402
from cases.models import Actie, CodeItem, Dossier, Gemeente, Jongere, Organisatie, School, User  # noqa: E402
from doorstroom.models import Traject  # noqa: E402
from leerplicht.constants import REDEN_LIJST, RESULTAAT_LIJST  # noqa: E402
from leerplicht.models import Melding, MeldingActie, MeldingTransitie, Vrijstelling  # noqa: E402

FIRST_SCHOOLJAAR = 2020  # 2020-2021 .. 2024-2025
YEARS = 5
# Grafiek 1 of the Zoetermeer report: share per soort of all meldingen
SOORTEN = {
    "relatief_wettelijk": 792,
    "zorg": 651,
    "relatief_licht": 499,
    "absoluut": 184,
    "thuiszitter": 152,
    "luxe": 40,
}
ONDERWIJS = [
    "bo_sbo",
    "vo_onderbouw",
    "vmbo",
    "havo",
    "vwo",
    "mbo_1",
    "mbo_2",
    "mbo_3",
    "mbo_4",
    "vso",
    "pro",
]
DOELGROEPEN = {
    "nieuw_vsv": 327,
    "oud_vsv": 193,
    "verzuim_18plus": 250,
    "kwetsbare_jongere": 51,
    "zorg_18plus": 73,
    "jongeren_in_beeld": 40,
}
BATCH = 5000
RECENT_DAYS = 90  # meldingen this close to the end of the period are mostly still open
BESLISTERMIJN_DAYS = 56  # a request older than 8 weeks has its decision


# Surnames with their tussenvoegsel; the number makes each jongere findable by name.
SURNAMES = [
    ("de", "Vries"), ("", "Jansen"), ("", "Bakker"), ("", "Visser"), ("", "Smit"), ("", "Meijer"),
    ("", "Yilmaz"), ("", "El Amrani"), ("van", "Dijk"), ("de", "Jong"), ("van den", "Berg"), ("", "Mulder"),
]  # fmt: skip
# Actions on a melding and how often they occur (a verzuimgesprek is the usual first step).
ACTIES = {
    "verzuimgesprek": 40,
    "formele_waarschuwing": 12,
    "huisbezoek": 8,
    "notitie": 20,
    "kennisgevingsbrief": 8,
    "jgz_aanmelding": 8,
    "verwijzing_hulp": 4,
}


def surname(rng: random.Random, i: int) -> dict:
    tussenvoegsel, achternaam = rng.choice(SURNAMES)
    return {"tussenvoegsel": tussenvoegsel, "achternaam": f"{achternaam}-{i}"}


# School kinds with what they teach; names as a municipality's schools are named.
SCHOOL_KINDS = [
    ("Basisschool", ["bo_sbo"]), ("Basisschool", ["bo_sbo"]), ("Basisschool", ["bo_sbo"]),
    ("Kindcentrum", ["bo_sbo"]), ("Basisschool", ["bo_sbo"]), ("SBO", ["bo_sbo"]),
    ("College", ["vo_onderbouw", "vmbo", "havo", "vwo"]), ("Lyceum", ["vo_onderbouw", "havo", "vwo"]),
    ("Praktijkschool", ["pro"]), ("VSO", ["vso"]), ("ROC", ["mbo_1", "mbo_2", "mbo_3", "mbo_4"]),
]  # fmt: skip
SCHOOL_NAMES = [
    "De Regenboog",
    "Het Palet",
    "De Wegwijzer",
    "Sint Jozef",
    "De Fontein",
    "Het Baken",
    "De Horizon",
]
MELDINGEN_PER_SCHOOL = 140  # over 5 schooljaren: 1,000,000 meldingen come from ~7,000 school locations


def base36(number: int, width: int) -> str:
    digits = ""
    for _ in range(width):
        number, digit = divmod(number, 36)
        digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"[digit] + digits
    return digits


def add_schools(organisatie_index: int, n: int, prefix: str, rng: random.Random) -> list[int]:
    """The school locations in an organisation's region. The BRIN starts with the prefix's initial
    (the load test, report benchmark and generator's own data share a database without clashing)."""
    first = organisatie_index * 10_000
    schools = []
    for number in range(first, first + n):
        kind, soorten = rng.choice(SCHOOL_KINDS)
        schools.append(
            School(
                brin=prefix[0].upper() + base36(number // 100, 3),
                vestiging=f"{number % 100:02d}",
                naam=f"{kind} {rng.choice(SCHOOL_NAMES)} {organisatie_index:03d}-{number - first}",
                plaats=f"Gemeente {organisatie_index:03d}",
                onderwijssoorten=soorten,
            )
        )
    return [school.pk for school in School.objects.bulk_create(schools, batch_size=BATCH)]


def worker_of(organisatie, prefix: str, index: int) -> User:
    """The leerplichtambtenaar in whose name the generated actions are recorded."""
    return User.objects.create(
        username=f"{prefix}-{index:03d}-lpa",
        organisatie=organisatie,
        first_name="Generator",
        password=make_password(None),
    )


def add_history(meldingen: list, gebruiker: User, rng: random.Random) -> int:
    """The MAS history (registration and the move to the current fase) and 0-3 actions per
    melding, as the timeline of a dossier shows them."""
    soorten = [s for s, w in ACTIES.items() for _ in range(w)]
    transities, acties, links = [], [], []
    for m in meldingen:
        at = datetime.combine(m.ontvangen_op, datetime.min.time(), tzinfo=UTC)
        transities.append(MeldingTransitie(melding=m, van="", naar="waarnemen", tijdstip=at))
        if m.fase != "waarnemen":
            moved = m.afgesloten_op or m.ontvangen_op + timedelta(days=rng.randint(1, 20))
            transities.append(
                MeldingTransitie(
                    melding=m,
                    van="waarnemen",
                    naar=m.fase,
                    tijdstip=datetime.combine(moved, datetime.min.time(), tzinfo=UTC),
                )
            )
        for _ in range(rng.choice((0, 1, 1, 1, 2, 3))):
            acties.append(
                Actie(
                    dossier_id=m.dossier_id,
                    organisatie_id=m.organisatie_id,
                    soort=rng.choice(soorten),
                    datum=m.ontvangen_op + timedelta(days=rng.randint(0, 30)),
                    gebruiker=gebruiker,
                    vastgelegd_op=at,
                )
            )
            links.append(m)
    MeldingTransitie.objects.bulk_create(transities, batch_size=BATCH)
    Actie.objects.bulk_create(acties, batch_size=BATCH)
    MeldingActie.objects.bulk_create(
        (MeldingActie(melding=m, actie=a) for m, a in zip(links, acties, strict=True)), batch_size=BATCH
    )
    return len(acties)


def weights(n: int) -> list[float]:
    raw = [1 / (i + 1) ** 0.9 for i in range(n)]
    total = sum(raw)
    return [w / total for w in raw]


def generate(meldingen: int, organisaties: int, seed: int, prefix: str = "bench") -> dict:
    rng = random.Random(seed)
    started = time.perf_counter()
    soorten = [s for s, w in SOORTEN.items() for _ in range(w)]
    doelgroepen = [d for d, w in DOELGROEPEN.items() for _ in range(w)]
    counts = {
        "organisaties": 0,
        "scholen": 0,
        "jongeren": 0,
        "meldingen": 0,
        "acties": 0,
        "vrijstellingen": 0,
        "trajecten": 0,
    }
    for index, share in enumerate(weights(organisaties)):
        n_meldingen = max(10, round(meldingen * share))
        gemeenten = 4 if index % 10 == 3 else 1  # every tenth organisation is a contactgemeente
        organisatie = Organisatie.objects.create(
            slug=f"{prefix}-{index:03d}", naam=f"Organisatie {index:03d}"
        )
        for g in range(gemeenten):
            gemeente, _ = Gemeente.objects.get_or_create(
                code=f"GM{(index * 4 + g) % 10000:04d}", defaults={"naam": f"Gemeente {index:03d}-{g}"}
            )
            organisatie.gemeenten.add(gemeente)
        seed_codelists(organisatie, "roermond" if gemeenten > 1 else "standaard")
        codes: dict[str, list[int]] = {}
        for lijst, pk in CodeItem.objects.filter(organisatie=organisatie).values_list("lijst", "pk"):
            codes.setdefault(lijst, []).append(pk)
        gemeente_ids = list(organisatie.gemeenten.values_list("pk", flat=True))
        school_ids = add_schools(index, max(3, n_meldingen // MELDINGEN_PER_SCHOOL), prefix, rng)
        n_jongeren = max(5, int(n_meldingen * 0.7))
        jongeren = Jongere.objects.bulk_create(
            (
                Jongere(
                    organisatie=organisatie,
                    voornamen=rng.choice(
                        ["Noor", "Sem", "Emma", "Daan", "Julia", "Lucas", "Mila", "Finn", "Sara", "Mohammed"]
                    ),
                    **surname(rng, i),
                    geboortedatum=date(2003, 1, 1) + timedelta(days=rng.randint(0, 18 * 365)),
                    woongemeente_id=rng.choice(gemeente_ids),
                    bsn="",
                    extern_id=f"{prefix}-{index}-{i}",
                )
                for i in range(n_jongeren)
            ),
            batch_size=BATCH,
        )
        dossiers = Dossier.objects.bulk_create((Dossier(jongere=j) for j in jongeren), batch_size=BATCH)
        start = date(FIRST_SCHOOLJAAR, 8, 1)
        span = YEARS * 365
        end = start + timedelta(days=span)

        def melding(i):
            d = rng.choice(dossiers)
            soort = rng.choice(soorten)
            received = start + timedelta(days=rng.randint(0, span - 1))
            # Open work is recent, as in a live system: most meldingen of the last three months
            # are still being handled, older ones almost all closed.
            closed = rng.random() < (0.4 if (end - received).days < RECENT_DAYS else 0.99)
            reden = codes.get(REDEN_LIJST[soort])
            resultaat = codes.get(RESULTAAT_LIJST[soort])
            return Melding(
                dossier=d,
                organisatie=organisatie,
                soort=soort,
                ontvangen_op=received,
                gemeente_id=d.jongere.woongemeente_id,
                # absoluut verzuim: not enrolled, so no school reports it
                school_id=None if soort == "absoluut" else rng.choice(school_ids),
                leeftijd=max(5, min(18, (received - d.jongere.geboortedatum).days // 365)),
                onderwijssoort=rng.choice(ONDERWIJS),
                uren_verzuim=rng.randint(4, 80) if "relatief" in soort else None,
                reden_id=rng.choice(reden) if reden and rng.random() < 0.95 else None,
                resultaat_id=rng.choice(resultaat) if resultaat and closed else None,
                fase="afgesloten"
                if closed
                else rng.choice(["waarnemen", "analyseren", "plannen", "handelen", "evalueren"]),
                afgesloten_op=received + timedelta(days=rng.randint(5, 120)) if closed else None,
                halt_verwijzing=rng.random() < 0.01,
                proces_verbaal=rng.random() < 0.01,
                gezin_id=f"g{rng.randint(0, n_jongeren // 2)}" if soort == "luxe" else "",
                extern_id=f"{prefix}-{index}-m{i}",
            )

        created = Melding.objects.bulk_create((melding(i) for i in range(n_meldingen)), batch_size=BATCH)
        counts["acties"] += add_history(created, worker_of(organisatie, prefix, index), rng)
        n_vrij = int(n_meldingen * 0.08)
        Vrijstelling.objects.bulk_create(
            (
                Vrijstelling(
                    dossier=(d := rng.choice(dossiers)),
                    organisatie=organisatie,
                    gemeente_id=d.jongere.woongemeente_id,
                    grondslag=rng.choice(["art5a", "art5b", "art5c", "art15", "art11g", "art3b"]),
                    onderwijs=rng.choice(["kdc", "po", "vo", "mbo", "geen"]),
                    aangevraagd_op=(aangevraagd := start + timedelta(days=rng.randint(0, span - 1))),
                    besluit=rng.choice(["verleend", "verleend", "verleend", "niet_verleend"])
                    if (end - aangevraagd).days > BESLISTERMIJN_DAYS
                    else rng.choice(["verleend", ""]),  # decided within the term of 8 weeks
                )
                for _ in range(n_vrij)
            ),
            batch_size=BATCH,
        )
        n_traject = int(n_meldingen * 0.15)

        def traject():
            doelgroep = rng.choice(doelgroepen)
            gemeld = start + timedelta(days=rng.randint(0, span - 1))
            closed = rng.random() < 0.7
            begeleid = rng.random() < 0.55
            return Traject(
                dossier=rng.choice(dossiers),
                organisatie=organisatie,
                doelgroep=doelgroep,
                gemeld_op=gemeld,
                uitval_op=gemeld - timedelta(days=rng.randint(1, 60)),
                onderwijsachtergrond_id=rng.choice(codes[Codelijst.DSP_ONDERWIJSACHTERGROND]),
                herkomst_id=rng.choice(codes[Codelijst.DSP_HERKOMST_KWETSBAAR])
                if doelgroep == "kwetsbare_jongere"
                else None,
                begeleid=begeleid if closed else None,
                reden_niet_begeleid_id=rng.choice(codes[Codelijst.DSP_REDEN_NIET_BEGELEID])
                if closed and not begeleid
                else None,
                uitstroom_id=rng.choice(codes[Codelijst.DSP_UITSTROOM])
                if closed and doelgroep != "kwetsbare_jongere"
                else None,
                afgesloten_op=gemeld + timedelta(days=rng.randint(10, 200)) if closed else None,
                stap="11_afsluiten" if closed else "04_intake_plannen",
            )

        Traject.objects.bulk_create((traject() for _ in range(n_traject)), batch_size=BATCH)
        counts["organisaties"] += 1
        counts["scholen"] += len(school_ids)
        counts["jongeren"] += n_jongeren
        counts["meldingen"] += n_meldingen
        counts["vrijstellingen"] += n_vrij
        counts["trajecten"] += n_traject
    counts["seconden"] = round(time.perf_counter() - started, 1)
    return counts


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--meldingen", type=int, default=10_000)
    parser.add_argument("--organisaties", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    print(generate(args.meldingen, args.organisaties, args.seed))


if __name__ == "__main__":
    main()
