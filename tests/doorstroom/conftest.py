import pytest

from cases.codelists import seed_codelists
from cases.constants import Role
from tests.doorstroom.factories import years_ago
from tests.factories import JongereFactory, UserFactory


@pytest.fixture
def org(organisatie_a):
    seed_codelists(organisatie_a)
    return organisatie_a


@pytest.fixture
def org_b(organisatie_b):
    seed_codelists(organisatie_b, "roermond")
    return organisatie_b


@pytest.fixture
def coach(org):
    return UserFactory(
        username="coach", first_name="Cem", last_name="Ouali", organisatie=org, role=Role.DOORSTROOMCOACH
    )


@pytest.fixture
def coach_b(org_b):
    return UserFactory(username="coach-b", organisatie=org_b, role=Role.DOORSTROOMCOACH)


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
def volwassene(org):
    """A jongere of 19 without startkwalificatie."""
    return JongereFactory(
        organisatie=org, voornamen="Mila", achternaam="de Vries", geboortedatum=years_ago(19, 40)
    )


def code(org, lijst, label):
    return org.codes.get(lijst=lijst, label=label)
