"""A record counts the same in the jaarverslag whichever door it came in through: the browser
(its views and services), the API, or the public CSV import."""

from datetime import date

import pytest

from cases.constants import Role
from cases.imports.records import import_now
from cases.rules import Schooljaar
from doorstroom.models import Traject
from reporting.renderers.json import render_json
from reporting.tables import build_report
from tests.api.conftest import token_client
from tests.factories import JongereFactory, UserFactory
from tests.reporting.test_tables_build import organisation

pytestmark = pytest.mark.django_db

GEMELD_OP = date(2025, 10, 1)
GEBOREN = date(2005, 5, 5)  # 20 on the day of the melding: verzuim 18+


@pytest.fixture
def org():
    return organisation("deuren", [("GM0637", "Zoetermeer")])


@pytest.fixture
def coach(org):
    return UserFactory(username="coach-deuren", organisatie=org, role=Role.DOORSTROOMCOACH)


def via_browser(org, coach, client):
    """As a coach does it: start the traject on the dossier page, record the school's melding."""
    jongere = JongereFactory(organisatie=org, geboortedatum=GEBOREN)
    client.force_login(coach)
    client.post(
        f"/dossiers/{jongere.dossier.pk}/trajecten/",
        {"start-doelgroep": "verzuim_18plus", "start-gemeld_op": GEMELD_OP.isoformat()},
    )
    traject = Traject.objects.get(dossier=jongere.dossier)
    response = client.post(
        f"/trajecten/{traject.pk}/verzuimmelding/",
        {"melding-gemeld_op": GEMELD_OP.isoformat(), "melding-uren": 20, "melding-weken": 4},
    )
    assert response.status_code in (200, 302)
    assert traject.verzuimmeldingen.count() == 1


def via_api(org, coach, client):
    jongere = JongereFactory(organisatie=org, geboortedatum=GEBOREN)
    api, _token = token_client(coach)
    response = api.post(
        "/api/v1/trajecten/",
        {"dossier": jongere.dossier.pk, "doelgroep": "verzuim_18plus", "gemeld_op": GEMELD_OP.isoformat()},
        format="json",
    )
    assert response.status_code == 201, response.content


def via_import(org, coach, client):
    header = "extern_id,gemeente,jongere_id,geboortedatum,doelgroep,gemeld_op"
    row = f"D-1,GM0637,P-1,{GEBOREN.isoformat()},verzuim_18plus,{GEMELD_OP.isoformat()}"
    import_now(
        name="doorstroom",
        organisatie=org,
        actor=coach,
        data=f"{header}\n{row}\n".encode(),
        filename="doorstroom.csv",
        via="test",
    )


def tables_after(door, org, coach, client) -> dict:
    Traject.objects.filter(organisatie=org).delete()
    door(org, coach, client)
    assert Traject.objects.filter(organisatie=org).count() == 1
    return render_json(build_report(org, Schooljaar(2025)))["tabellen"]


def test_the_same_verzuim_18plus_record_gives_the_same_report_through_every_door(org, coach, client):
    browser = tables_after(via_browser, org, coach, client)
    api = tables_after(via_api, org, coach, client)
    csv = tables_after(via_import, org, coach, client)
    verzuim = {row["label"]: row["waarden"]["aantal"] for row in browser["verzuim_18plus"]["rijen"]}
    assert (verzuim["Meldingen verzuim 18+"], verzuim["Jongeren gemeld"]) == (1, 1)
    assert api == browser
    assert csv == browser
