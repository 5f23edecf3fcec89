"""The optional ouders file: ouders of known jongeren, all or nothing, idempotent, never touching
ouders typed by hand."""

from datetime import date

import pytest

from cases.constants import GegevensBron
from cases.imports import ImportFailed, run_import
from cases.models import Ouder
from cases.ouders.services import ouder_toevoegen
from tests.factories import JongereFactory

from .conftest import csv_bytes

pytestmark = pytest.mark.django_db

HEADER = "bsn,jongere_id,ouder_bsn,voornamen,achternaam,relatie,gezag,straat,huisnummer,postcode,woonplaats"


@pytest.fixture
def jongeren(org):
    noor = JongereFactory(organisatie=org, bsn="111222333", voornamen="Noor", geboortedatum=date(2012, 5, 17))
    sam = JongereFactory(
        organisatie=org, bsn="", extern_id="P-7", voornamen="Sam", geboortedatum=date(2013, 1, 2)
    )
    return noor, sam


def _import(org, *rows):
    return run_import(
        name="ouders", organisatie=org, actor=None, data=csv_bytes(HEADER, *rows), filename="o.csv"
    )


def test_two_households_are_imported_and_a_second_import_changes_nothing(org, jongeren):
    noor, sam = jongeren
    rows = (
        "111222333,,123456782,Maria,Visser,moeder,ja,Dorpsstraat,1,2711ab,Zoetermeer",
        "111222333,,,Kees,de Boer,vader,ja,Stationsweg,12a,2611 AB,Delft",
        ",P-7,,Els,Bos,voogd,,Markt,3,2711 CD,Zoetermeer",
    )
    first = _import(org, *rows)
    assert (first.created, first.updated, first.unchanged) == (3, 0, 0)
    maria = Ouder.objects.get(bsn="123456782")
    assert (maria.jongere, maria.postcode, maria.bron, maria.relatie) == (
        noor,
        "2711 AB",
        GegevensBron.IMPORT,
        "moeder",
    )
    assert Ouder.objects.get(achternaam="Bos").jongere == sam

    second = _import(org, *rows)
    assert (second.created, second.updated, second.unchanged) == (0, 0, 3)
    assert Ouder.objects.count() == 3


def test_a_changed_file_updates_and_deactivates_but_leaves_typed_ouders_alone(org, jongeren):
    noor, _sam = jongeren
    typed = ouder_toevoegen(
        actor=None, jongere=noor, voornamen="Oma", achternaam="Visser", relatie="verzorger"
    )
    _import(
        org,
        "111222333,,123456782,Maria,Visser,moeder,ja,Dorpsstraat,1,2711AB,Zoetermeer",
        "111222333,,,Kees,de Boer,vader,ja,Stationsweg,12a,2611AB,Delft",
    )

    result = _import(org, "111222333,,123456782,Maria,Visser,moeder,ja,Kerkstraat,5,2712AB,Zoetermeer")

    assert (result.created, result.updated) == (0, 1)
    assert Ouder.objects.get(bsn="123456782").straat == "Kerkstraat"
    assert not Ouder.objects.get(achternaam="de Boer").actief
    typed.refresh_from_db()
    assert typed.actief and typed.versie == 1


def test_every_problem_is_reported_and_nothing_written(org, jongeren):
    with pytest.raises(ImportFailed) as failed:
        _import(
            org,
            "999999999,,,Maria,Visser,moeder,ja,Dorpsstraat,1,2711AB,Zoetermeer",
            "111222333,,,Kees,,oom,misschien,Stationsweg,12a,26110,Delft",
            "111222333,,111222333,Piet,Bos,vader,ja,,,,",
        )
    problems = {(p.row, p.column): p.message for p in failed.value.problems}
    assert "geen geldig BSN" in problems[(2, "bsn")]
    assert "verplicht" in problems[(3, "achternaam")]
    assert "onbekende code" in problems[(3, "relatie")]
    assert "ja' of 'nee" in problems[(3, "gezag")]
    assert "4 cijfers en 2 letters" in problems[(3, "postcode")]
    assert not Ouder.objects.exists()


def test_an_unknown_jongere_and_the_jongere_own_bsn_are_refused(org, jongeren):
    with pytest.raises(ImportFailed) as failed:
        _import(
            org,
            ",P-404,,Maria,Visser,moeder,ja,,,,",
            "111222333,,111222333,Piet,Bos,vader,ja,,,,",
        )
    problems = {(p.row, p.column): p.message for p in failed.value.problems}
    assert "geen bekende jongere" in problems[(2, "jongere_id")]
    assert "BSN van de jongere zelf" in problems[(3, "ouder_bsn")]
    assert not Ouder.objects.exists()
