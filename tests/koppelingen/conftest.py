import pytest

from cases.codelists import seed_codelists
from cases.constants import Role
from tests.factories import SchoolFactory, UserFactory
from tests.koppelingen.documenten import DAAN, NOOR, duo_bytes, duo_document, duo_melding  # noqa: F401


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
