"""Shared set-up of the round-2 import tests: an organisation serving two gemeenten, a user per
role, and a helper that imports a CSV as one of them (the core that page, API and command line
share)."""

import pytest

from cases.codelists import seed_codelists
from cases.constants import Role
from cases.imports import ImportFailed
from cases.imports.records import import_now
from tests.factories import GemeenteFactory, OrganisatieFactory, UserFactory

MELDING_HEADER = "extern_id,gemeente,bsn,geboortedatum,soort,ontvangen_op"


@pytest.fixture
def org(db):
    organisatie = OrganisatieFactory(
        slug="roermond",
        naam="Subregio Roermond",
        gemeenten=[
            GemeenteFactory(code="GM0957", naam="Roermond"),
            GemeenteFactory(code="GM1669", naam="Roerdalen"),
        ],
    )
    seed_codelists(organisatie)
    return organisatie


@pytest.fixture
def users(org):
    def make(name, role, gemeenten=()):
        user = UserFactory(username=name, organisatie=org, role=role)
        user.gemeenten.set(gemeenten)
        return user

    roermond = org.gemeenten.get(code="GM0957")
    return {
        "lpa": make("lpa", Role.LEERPLICHTAMBTENAAR),
        "medewerker": make("medewerker", Role.ADMINISTRATIEF_MEDEWERKER),
        "coach": make("coach", Role.DOORSTROOMCOACH),
        "lpa_roermond": make("lpa-roermond", Role.LEERPLICHTAMBTENAAR, [roermond]),
    }


def csv(header: str, *rows: str) -> bytes:
    return ("\n".join([header, *rows]) + "\n").encode()


def imported(org, user, name, data):
    """Import as `user`; returns the record, or the ImportFailed when refused."""
    filename = "import.xlsx" if data[:2] == b"PK" else f"{name}.csv"
    try:
        return import_now(name=name, organisatie=org, actor=user, data=data, filename=filename, via="test")
    except ImportFailed as failed:
        return failed
