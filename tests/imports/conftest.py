import pytest

from cases.codelists import seed_codelists
from cases.models import Gemeente, Organisatie
from tests.factories import SchoolFactory


@pytest.fixture
def org(db):
    organisatie = Organisatie.objects.create(slug="zoetermeer", naam="Zoetermeer")
    organisatie.gemeenten.add(Gemeente.objects.create(code="GM0637", naam="Zoetermeer"))
    seed_codelists(organisatie)
    SchoolFactory(brin="12AB", vestiging="", naam="Het Lyceum")
    return organisatie


def csv_bytes(header: str, *rows: str, bom=False) -> bytes:
    text = "\n".join([header, *rows]) + "\n"
    return ("\ufeff" if bom else "").encode() + text.encode("utf-8")
