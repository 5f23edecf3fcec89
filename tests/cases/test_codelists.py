import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command

from cases.constants import Codelijst
from cases.models import CodeItem, Organisatie

pytestmark = pytest.mark.django_db


def labels(organisatie, lijst):
    return list(organisatie.codes.filter(lijst=lijst).order_by("volgorde").values_list("label", flat=True))


def test_create_organisatie_seeds_the_zoetermeer_lists_in_report_order(capsys):
    call_command(
        "create_organisatie",
        "zoetermeer",
        "--naam",
        "Leerplicht Zoetermeer",
        "--gemeente",
        "GM0637=Zoetermeer",
    )
    organisatie = Organisatie.objects.get(slug="zoetermeer")
    assert [g.code for g in organisatie.gemeenten.all()] == ["GM0637"]
    # Tabel 1 of the Zoetermeer report, in its order.
    assert labels(organisatie, Codelijst.REDEN_ABSOLUUT)[:3] == [
        "Niet aangemeld op een school",
        "Wachtlijst taalklas/ISK",
        "Aanvraag vrijstelling",
    ]
    naar_school = organisatie.codes.get(lijst=Codelijst.RESULTAAT_ABSOLUUT, label="(Terug) naar school")
    assert naar_school.samenvatting == "Naar school"
    assert labels(organisatie, Codelijst.DSP_UITSTROOM)[:3] == ["Mbo", "VO/VSO", "VAVO/HAVO"]
    assert organisatie.codes.get(lijst=Codelijst.DSP_UITSTROOM, label="Mbo").categorie == "Onderwijs"
    assert "Organisatie 'zoetermeer' aangemaakt voor 1 gemeente(n)" in capsys.readouterr().out


def test_roermond_variant_replaces_the_results_it_has_and_keeps_the_others():
    call_command(
        "create_organisatie",
        "roermond",
        "--naam",
        "Subregio Roermond",
        "--codelijsten",
        "roermond",
        "--gemeente",
        "GM0957=Roermond",
        "--gemeente",
        "GM1669=Roerdalen",
        "--gemeente",
        "GM1711=Echt-Susteren",
        "--gemeente",
        "GM1641=Maasgouw",
    )
    organisatie = Organisatie.objects.get(slug="roermond")
    assert organisatie.gemeenten.count() == 4
    assert labels(organisatie, Codelijst.RESULTAAT_RELATIEF)[0] == "Afgedaan met Halt-straf"
    assert labels(organisatie, Codelijst.RESULTAAT_LUXE) == [
        "Formele waarschuwing",
        "Proces-verbaal",
        "Ter kennisname dossier",
        "Niet verwijtbaar",
        "Overdracht andere gemeente",  # closes open meldingen of a jongere who moved away
    ]
    assert labels(organisatie, Codelijst.RESULTAAT_JONGEREN_IN_BEELD)[-1] == "Werktraject/Jobcoach"


def test_create_organisatie_refuses_an_existing_slug_and_a_bad_gemeente():
    call_command("create_organisatie", "echt", "--naam", "Echt", "--gemeente", "GM1711=Echt-Susteren")
    with pytest.raises(CommandError, match="bestaat al"):
        call_command("create_organisatie", "echt", "--naam", "Nog een", "--gemeente", "GM1711=Echt-Susteren")
    with pytest.raises(CommandError, match="CODE=Naam"):
        call_command("create_organisatie", "nieuw", "--naam", "Nieuw", "--gemeente", "GM0637")
    with pytest.raises(CommandError, match="GM gevolgd door 4 cijfers"):
        call_command("create_organisatie", "nieuw", "--naam", "Nieuw", "--gemeente", "0637=Zoetermeer")
    assert not Organisatie.objects.filter(slug="nieuw").exists()


def test_codes_are_retired_not_deleted(organisatie_a):
    call_command("create_organisatie", "delft", "--naam", "Delft", "--gemeente", "GM0503=Delft")
    code = CodeItem.objects.filter(organisatie__slug="delft").first()
    with pytest.raises(ValidationError, match="uitgefaseerd"):
        code.delete()
    code.actief = False
    code.save()
    assert CodeItem.objects.filter(pk=code.pk, actief=False).exists()
