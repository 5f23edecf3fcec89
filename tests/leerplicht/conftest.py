import pytest

from cases.codelists import seed_codelists
from cases.constants import Role
from tests.factories import UserFactory


@pytest.fixture
def org(organisatie_a):
    seed_codelists(organisatie_a)
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
def medewerker(org):
    return UserFactory(username="medewerker", organisatie=org, role=Role.ADMINISTRATIEF_MEDEWERKER)


def code(org, lijst, label):
    return org.codes.get(lijst=lijst, label=label)
