import json
from datetime import date, timedelta

import pytest

from cases.codelists import seed_codelists
from cases.constants import Role
from tests.factories import SchoolFactory, UserFactory

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


@pytest.fixture
def drie_meldingen() -> bytes:
    """A 16-hour melding, a luxe melding and a duplicate of the first."""
    zestien = duo_melding("VM-2026-0001", NOOR, "16_uur", uren=18)
    luxe = duo_melding("VM-2026-0002", DAAN, "luxe", dagen=3)
    return duo_bytes(zestien, luxe, zestien)


@pytest.fixture
def org(organisatie_a):
    seed_codelists(organisatie_a)
    SchoolFactory(brin="12AB", vestiging="00", naam="Het Testcollege")
    return organisatie_a


@pytest.fixture
def lpa(org):
    return UserFactory(
        username="lpa",
        first_name="Lotte",
        last_name="Pauwels",
        organisatie=org,
        role=Role.LEERPLICHTAMBTENAAR,
    )


@pytest.fixture
def beheerder(org):
    return UserFactory(username="beheerder", organisatie=org, role=Role.FUNCTIONEEL_BEHEERDER)
