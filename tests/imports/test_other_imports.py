"""Importing vrijstellingen, Doorstroompunt trajecten and population figures."""

import pytest

from cases.imports import ImportFailed
from cases.imports.records import import_now
from doorstroom.models import Traject
from leerplicht.models import Vrijstelling
from reporting.models import Populatie
from tests.imports.conftest import csv_bytes

pytestmark = pytest.mark.django_db


def run(org, name, data):
    return import_now(name=name, organisatie=org, actor=None, data=data, filename=f"{name}.csv", via="test")


def test_vrijstellingen(org):
    header = "extern_id,gemeente,bsn,geboortedatum,grondslag,onderwijs,aangevraagd_op,besluit,besluit_op,geldig_van,geldig_tot"
    record = run(
        org,
        "vrijstellingen",
        csv_bytes(
            header,
            "V-1,GM0637,111222333,2013-02-02,art5a,po,2024-09-01,verleend,2024-09-20,2024-10-01,2025-07-31",
            "V-2,GM0637,123456782,2012-02-02,art11g,po,2024-11-01,,,,",
        ),
    )
    assert record.aangemaakt == 2
    assert Vrijstelling.objects.get(extern_id="V-1").besluit == "verleend"
    assert Vrijstelling.objects.get(extern_id="V-2").in_behandeling
    with pytest.raises(ImportFailed) as failed:
        run(
            org,
            "vrijstellingen",
            csv_bytes(header, "V-3,GM0637,111222333,2013-02-02,art99,po,2024-09-01,,,,"),
        )
    assert "toegestaan: art5a" in failed.value.problems[0].message


def test_doorstroom_trajecten(org):
    header = (
        "extern_id,gemeente,jongere_id,geboortedatum,geslacht,doelgroep,gemeld_op,uitval_op,onderwijsachtergrond,"
        "begeleid,reden_niet_begeleid,uitstroom,uitstroom_detail,afgesloten_op"
    )
    record = run(
        org,
        "doorstroom",
        csv_bytes(
            header,
            "T-1,GM0637,P-1,2005-05-05,m,nieuw_vsv,2024-10-15,2024-10-01,MBO,ja,,Werk regulier,Werk regulier / interne opleiding,2025-06-01",
            "T-2,GM0637,P-2,2004-05-05,v,nieuw_vsv,2024-10-15,2024-10-01,MBO,nee,Niet getraceerd na huisbezoek,,,2025-01-01",
            "T-3,GM0637,P-3,2005-01-05,x,kwetsbare_jongere,2024-11-01,2024-10-01,Entree,,,UWV/GSD/Binnenbaan,,",
        ),
    )
    assert record.aangemaakt == 3
    t1 = Traject.objects.get(extern_id="T-1")
    assert (t1.uitstroom.categorie, t1.uitstroom.label, t1.begeleid) == (
        "Werk regulier",
        "Werk regulier / interne opleiding",
        True,
    )
    assert Traject.objects.get(extern_id="T-3").herkomst.label == "Entree"
    with pytest.raises(ImportFailed) as failed:
        run(
            org,
            "doorstroom",
            csv_bytes(
                header, "T-4,GM0637,P-4,2005-05-05,m,nieuw_vsv,2024-10-15,,,ja,Volgt traject Wajong,,,"
            ),
        )
    assert failed.value.problems[0].column == "reden_niet_begeleid"


def test_populatie(org):
    header = (
        "gemeente,schooljaar,leerplichtigen,kwalificatieplichtigen,boven_leerplichtigen,startpopulatie_vsv"
    )
    record = run(org, "populatie", csv_bytes(header, "GM0637,2024-2025,19163,2100,3400,12000"))
    assert record.aangemaakt == 1
    assert Populatie.objects.get(schooljaar=2024).leerplichtigen == 19163
    again = run(org, "populatie", csv_bytes(header, "Zoetermeer,2024-2025,19200,2100,3400,12000"))
    assert (again.aangemaakt, again.bijgewerkt) == (0, 1)
    with pytest.raises(ImportFailed) as failed:
        run(org, "populatie", csv_bytes(header, "GM0637,2024-2026,1,,,"))
    assert "2024-2025" in failed.value.problems[0].message


def test_an_imported_closed_traject_shows_on_the_dossier_page(org, client):
    from cases.constants import Role
    from tests.factories import UserFactory

    header = "extern_id,gemeente,jongere_id,geboortedatum,doelgroep,gemeld_op,begeleid,afgesloten_op"
    run(org, "doorstroom", csv_bytes(header, "T-9,GM0637,P-9,2005-05-05,oud_vsv,2024-10-15,ja,2025-01-01"))
    traject = Traject.objects.get(extern_id="T-9")
    coach = UserFactory(username="coach-import", organisatie=org, role=Role.DOORSTROOMCOACH)
    client.force_login(coach)
    page = client.get(f"/dossiers/{traject.dossier_id}/").content.decode()
    assert "traject afgesloten (begeleid)" in page and "Geen nazorg gepland" in page
    assert client.get(f"/trajecten/{traject.pk}/").status_code == 200


def test_an_imported_decision_without_a_date_shows_on_the_dossier_page(org, client):
    from tests.factories import UserFactory

    header = "extern_id,gemeente,bsn,geboortedatum,grondslag,aangevraagd_op,besluit"
    run(org, "vrijstellingen", csv_bytes(header, "V-9,GM0637,111222333,2013-02-02,art5b,2024-09-01,verleend"))
    vrijstelling = Vrijstelling.objects.get(extern_id="V-9")
    client.force_login(UserFactory(username="lpa-import", organisatie=org))
    page = client.get(f"/dossiers/{vrijstelling.dossier_id}/").content.decode()
    assert "Besluit: Verleend" in page
