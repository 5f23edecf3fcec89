import pytest

from cases.constants import Role
from tests.factories import GemeenteFactory, JongereFactory, OrganisatieFactory, UserFactory


@pytest.fixture(autouse=True)
def private_media(settings, tmp_path):
    """Uploaded documents and generated reports go to a temporary folder, never the checkout."""
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private-media"
    return settings.PRIVATE_MEDIA_ROOT


@pytest.fixture
def organisatie_a(db):
    return OrganisatieFactory(
        slug="zoetermeer",
        naam="Leerplicht Zoetermeer",
        gemeenten=[GemeenteFactory(code="GM0637", naam="Zoetermeer")],
    )


@pytest.fixture
def organisatie_b(db):
    return OrganisatieFactory(
        slug="roermond",
        naam="Subregio Roermond",
        gemeenten=[
            GemeenteFactory(code="GM0957", naam="Roermond"),
            GemeenteFactory(code="GM1669", naam="Roerdalen"),
        ],
    )


@pytest.fixture
def lpa_a(organisatie_a):
    return UserFactory(username="lpa-a", organisatie=organisatie_a, role=Role.LEERPLICHTAMBTENAAR)


@pytest.fixture
def lpa_b(organisatie_b):
    return UserFactory(username="lpa-b", organisatie=organisatie_b, role=Role.LEERPLICHTAMBTENAAR)


@pytest.fixture
def jongere_a(organisatie_a):
    return JongereFactory(organisatie=organisatie_a, voornamen="Noor", achternaam="Visser")


@pytest.fixture
def jongere_b(organisatie_b):
    return JongereFactory(organisatie=organisatie_b, voornamen="Daan", achternaam="Visser")
