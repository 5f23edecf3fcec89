"""Fictitious demo data for `make run`: two organisations, a user per role, jongeren and schools.

Deterministic (fixed seeds), idempotent (skips an organisation that exists), and refused
outside settings that allow demo data.
"""

import random
from datetime import date, timedelta

from django.conf import settings
from django.contrib.auth.models import Group
from django.db import transaction
from faker import Faker

from cases.ouders.services import ouder_toevoegen
from cases.termijnen.signalen import termijnen_signaleren

from . import registry
from .constants import ActieSoort, Geslacht, Onderwijssoort, OuderRelatie, Role
from .models import Actie, Inschrijving, Organisatie, School, SchoolVakantie, User
from .rules import bsn_check_digit, leerplicht_end, leerplicht_start
from .services import jongere_register, organisatie_create

DEMO_PASSWORD = "demo"  # noqa: S105 - fictitious accounts, dev settings only

ORGANISATIONS = [
    {
        "slug": "zoetermeer",
        "naam": "Team Leerplicht Zoetermeer",
        "gemeenten": [("GM0637", "Zoetermeer")],
        "codelijsten": "standaard",
        "suffix": "",
        "jongeren": 240,
        "briefhoofd": ("Postbus 15\n2700 AA Zoetermeer", "14 079", "leerplicht@example.nl"),
    },
    {
        "slug": "roermond",
        "naam": "Leerplicht en Doorstroompunt subregio Roermond",
        "gemeenten": [
            ("GM0957", "Roermond"),
            ("GM1669", "Roerdalen"),
            ("GM1711", "Echt-Susteren"),
            ("GM1641", "Maasgouw"),
        ],
        "codelijsten": "roermond",
        "suffix": "-regio",
        # Its own people: the same first and last names in both teams looked like one team.
        "namen": {
            "lpa": ("Joep", "Hermans"),
            "coach": ("Naima", "El Idrissi"),
            "medewerker": ("Ingrid", "Smeets"),
            "teamleider": ("Huub", "Janssen"),
            "beheerder": ("Fenna", "Coenen"),
        },
        "jongeren": 160,
        "briefhoofd": ("Postbus 900\n6040 AX Roermond", "0475 359 999", "rbl@example.nl"),
    },
]

USERS = [
    ("lpa", Role.LEERPLICHTAMBTENAAR, "Lotte", "Pauwels"),
    ("coach", Role.DOORSTROOMCOACH, "Cem", "Ouali"),
    ("medewerker", Role.ADMINISTRATIEF_MEDEWERKER, "Mira", "Dekker"),
    ("teamleider", Role.TEAMLEIDER, "Tom", "Leenders"),
    ("beheerder", Role.FUNCTIONEEL_BEHEERDER, "Bea", "Heerkens"),
]

SCHOOL_NAMES = [
    ("Basisschool De Regenboog", ["bo_sbo"]),
    ("Basisschool Het Palet", ["bo_sbo"]),
    ("SBO De Sprong", ["bo_sbo"]),
    ("Het Lyceum", ["havo", "vwo", "vo_onderbouw"]),
    ("Stedelijk College", ["vmbo", "havo", "vwo", "vo_onderbouw"]),
    ("Praktijkschool De Brug", ["pro"]),
    ("VSO De Horizon", ["vso"]),
    ("ROC Midden", ["mbo_1", "mbo_2", "mbo_3", "mbo_4", "vavo"]),
]


def random_bsn(rng: random.Random) -> str:
    while True:
        first = f"{rng.randint(10_000_000, 99_999_999):08d}"
        digit = bsn_check_digit(first)
        if digit is not None:
            return first + str(digit)


def demo_allowed() -> bool:
    return getattr(settings, "DEMO_DATA_ALLOWED", False)


def _schools(rng: random.Random, prefix: int, plaats: str) -> list[School]:
    schools = []
    for index, (naam, soorten) in enumerate(SCHOOL_NAMES):
        brin = f"{prefix + index:02d}{chr(65 + index)}{chr(65 + rng.randint(0, 25))}"
        school, _created = School.objects.get_or_create(
            brin=brin,
            vestiging="",
            defaults={"naam": f"{naam} {plaats}", "plaats": plaats, "onderwijssoorten": soorten},
        )
        schools.append(school)
    return schools


def _soort_for_age(age: int, rng: random.Random) -> str:
    if age < 12:
        return Onderwijssoort.BO_SBO
    if age < 16:
        return rng.choice(
            [Onderwijssoort.VMBO, Onderwijssoort.HAVO, Onderwijssoort.VWO, Onderwijssoort.VO_ONDERBOUW]
        )
    return rng.choice([Onderwijssoort.MBO_2, Onderwijssoort.MBO_3, Onderwijssoort.MBO_4, Onderwijssoort.HAVO])


@transaction.atomic
def load_organisation(spec: dict, today: date, seed: int) -> Organisatie:
    rng = random.Random(seed)
    fake = Faker("nl_NL")
    fake.seed_instance(seed)
    organisatie = organisatie_create(
        slug=spec["slug"], naam=spec["naam"], gemeenten=spec["gemeenten"], codelijsten=spec["codelijsten"]
    )
    # The default letter templates come with every new organisation; the demo adds a letterhead.
    adres, telefoon, email = spec["briefhoofd"]
    Organisatie.objects.filter(pk=organisatie.pk).update(
        briefhoofd_adres=adres, briefhoofd_telefoon=telefoon, briefhoofd_email=email
    )
    gemeenten = list(organisatie.gemeenten.order_by("code"))
    users = []
    for username, role, first, last in USERS:
        first, last = spec.get("namen", {}).get(username, (first, last))
        user = User.objects.create_user(
            username=username + spec["suffix"],
            password=DEMO_PASSWORD,
            first_name=first,
            last_name=last,
            organisatie=organisatie,
            is_staff=role == Role.FUNCTIONEEL_BEHEERDER,
        )
        user.groups.add(Group.objects.get(name=str(role.label)))
        user.email = f"{user.username}@demo.invalid"  # the digest goes to the console in dev
        user.save(update_fields=["email"])
        users.append(user)
    case_workers = users[:2]
    schools = _schools(rng, seed % 90, spec["gemeenten"][0][1])
    for _i in range(spec["jongeren"]):
        birth = today - timedelta(days=rng.randint(5 * 365, 22 * 365))
        geslacht = rng.choice([Geslacht.MAN, Geslacht.VROUW, Geslacht.MAN, Geslacht.VROUW, Geslacht.ANDERS])
        voornaam = fake.first_name_male() if geslacht == Geslacht.MAN else fake.first_name_female()
        tussenvoegsel = rng.choice(["", "", "", "van", "de", "van der", "van den"])
        gemeente = rng.choice(gemeenten)
        jongere = jongere_register(
            actor=None,
            organisatie=organisatie,
            voornamen=voornaam,
            tussenvoegsel=tussenvoegsel,
            achternaam=fake.last_name().split(" ")[-1].capitalize(),
            geboortedatum=birth,
            woongemeente=gemeente,
            bsn=random_bsn(rng),
            geslacht=geslacht,
            straat=fake.street_address(),
            postcode=fake.postcode().replace(" ", ""),
            woonplaats=gemeente.naam,
        )
        if (today - birth).days < 18 * 365:
            _ouders(jongere, fake, rng)
        start = max(leerplicht_start(birth), today - timedelta(days=3 * 365))
        if start < today:
            age = (start - birth).days // 365
            soort = _soort_for_age(age, rng)
            candidates = [s for s in schools if soort in s.onderwijssoorten] or schools
            einde = leerplicht_end(birth) if rng.random() < 0.2 else None
            Inschrijving.objects.create(
                jongere=jongere,
                school=rng.choice(candidates),
                onderwijssoort=soort,
                van=start,
                tot=einde if einde and einde > start else None,
            )
        for _a in range(rng.randint(0, 3)):
            Actie.objects.create(
                dossier=jongere.dossier,
                soort=rng.choice(ActieSoort.values),
                datum=today - timedelta(days=rng.randint(1, 600)),
                omschrijving=rng.choice(
                    [
                        "Gesprek met leerling en ouders; afspraken over aanwezigheid gemaakt.",
                        "Contact met de verzuimcoördinator van school.",
                        "Huisbezoek afgelegd, niemand thuis; brief achtergelaten.",
                        "",
                    ]
                ),
                gebruiker=rng.choice(case_workers),
            )
    _school_holidays(organisatie, today)
    users_by_role = {role: user for (_name, role, *_rest), user in zip(USERS, users, strict=True)}
    for loader in registry.demo_loaders:
        loader(organisatie=organisatie, users=users_by_role, today=today, rng=rng)
    return organisatie


def _ouders(jongere, fake, rng: random.Random) -> None:
    """The ouders of a minor: mostly two at the jongere's address, about one in five living apart
    (two households, so letters go out twice), sometimes one ouder or a voogd."""
    straat, _sep, huisnummer = jongere.straat.rpartition(" ")
    thuis = {
        "straat": straat or jongere.straat,
        "huisnummer": huisnummer if straat else "",
        "postcode": jongere.postcode,
        "woonplaats": jongere.woonplaats,
    }
    telefoon = f"06-{rng.randint(10000000, 99999999)}"
    kans = rng.random()
    if kans < 0.08:
        ouder_toevoegen(
            actor=None, jongere=jongere, voornamen=fake.first_name(), achternaam=fake.last_name(),
            relatie=OuderRelatie.VOOGD, telefoon=telefoon, **thuis,
        )  # fmt: skip
        return
    ouder_toevoegen(
        actor=None, jongere=jongere, voornamen=fake.first_name_female(), voorvoegsel=jongere.tussenvoegsel,
        achternaam=jongere.achternaam, relatie=OuderRelatie.MOEDER, telefoon=telefoon,
        email=f"ouder{jongere.pk}@demo.invalid", **thuis,
    )  # fmt: skip
    if kans < 0.2:
        return  # one ouder
    apart = kans > 0.78
    elders = {
        "straat": fake.street_name(),
        "huisnummer": str(rng.randint(1, 200)),
        "postcode": f"{rng.randint(1000, 9999)} {rng.choice('ABCDEFGHJKLMNPRSTVWXZ')}{rng.choice('ABEHKLMNPRSTVWZ')}",
        "woonplaats": fake.city(),
    }
    ouder_toevoegen(
        actor=None, jongere=jongere, voornamen=fake.first_name_male(), voorvoegsel=jongere.tussenvoegsel,
        achternaam=jongere.achternaam, relatie=OuderRelatie.VADER,
        telefoon=f"06-{rng.randint(10000000, 99999999)}", **(elders if apart else thuis),
    )  # fmt: skip


def _school_holidays(organisatie: Organisatie, today: date) -> None:
    """Illustrative school holidays of the current schooljaar (a functioneel beheerder enters
    the official dates of the region): autumn, Christmas, spring, May and summer."""
    year = today.year if today.month >= 8 else today.year - 1

    def week_of(month: int, day: int, next_year: bool, weeks: int = 1):
        start = date(year + next_year, month, day)
        start -= timedelta(days=(start.weekday() + 2) % 7)  # the Saturday on or before
        return start, start + timedelta(days=7 * weeks + 1)

    for naam, (van, tot) in [
        ("Herfstvakantie", week_of(10, 18, False)),
        ("Kerstvakantie", week_of(12, 21, False, weeks=2)),
        ("Voorjaarsvakantie", week_of(2, 16, True)),
        ("Meivakantie", week_of(4, 27, True)),
        ("Zomervakantie", week_of(7, 13, True, weeks=6)),
    ]:
        SchoolVakantie.objects.create(organisatie=organisatie, naam=f"{naam} {van.year}", van=van, tot=tot)


def load_demo(today: date | None = None) -> list[str]:
    """Load every demo organisation that does not exist yet; returns the slugs loaded."""
    if not demo_allowed():
        raise RuntimeError("Demo data is only allowed with development settings.")
    today = today or date.today()
    loaded = []
    for seed, spec in enumerate(ORGANISATIONS, start=1):
        if Organisatie.objects.filter(slug=spec["slug"]).exists():
            continue
        load_organisation(spec, today, seed)
        loaded.append(spec["slug"])
    if loaded:
        termijnen_signaleren(today=today)  # what the daily job would flag this morning
    return loaded
