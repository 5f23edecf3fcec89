"""The school register from DUO's address files (manage.py import_scholen): new and known schools,
both generations of DUO's column names, all or nothing with Dutch problems per line, and the
gemeente it gives deciding a school's region."""

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from cases.constants import Role
from cases.models import Gemeente, School
from tests.factories import SchoolFactory, UserFactory

pytestmark = pytest.mark.django_db

# As DUO's "Adressen alle vestigingen" files: semicolons, capitals, VESTIGINGSCODE as 2 digits (or
# as BRIN plus 2 digits), the hoofdvestiging numbered 00.
NIEUW = (
    "PROVINCIE;INSTELLINGSCODE;VESTIGINGSCODE;VESTIGINGSNAAM;STRAATNAAM;PLAATSNAAM;GEMEENTENUMMER;"
    "GEMEENTENAAM;ONDERWIJSSTRUCTUUR\n"
    "Zuid-Holland;12AB;01;Erasmus College;Erasmusweg 1;ZOETERMEER;0637;ZOETERMEER;VBO/MAVO/HAVO/VWO\n"
    "Zuid-Holland;34CD;00;Het Lyceum Rokkeveen;Rokkeveenseweg 2;ROKKEVEEN;637;ZOETERMEER;HAVO/VWO\n"
    "Zuid-Holland;56EF;56EF00;Hofstad Lyceum;Hofweg 3;'S-GRAVENHAGE;0518;'S-GRAVENHAGE;VWO\n"
)


def importeer(tmp_path, inhoud: str, *opties, encoding="utf-8"):
    bestand = tmp_path / "vestigingen.csv"
    bestand.write_bytes(inhoud.encode(encoding))
    call_command("import_scholen", str(bestand), *opties)


def test_a_register_file_adds_new_schools_and_updates_known_ones_but_not_their_contact(
    tmp_path, capsys, organisatie_a
):
    bekend = SchoolFactory(
        brin="12AB", vestiging="01", naam="Erasmus Coll.", plaats="", contact_email="verzuim@erasmus.nl"
    )
    # Added by hand with an empty vestiging: DUO's 00 is the same hoofdvestiging, not a second school.
    met_de_hand = SchoolFactory(brin="34CD", vestiging="", naam="Lyceum Rokkeveen", plaats="Zoetermeer")
    importeer(tmp_path, NIEUW)

    assert (
        "1 scholen nieuw, 2 bijgewerkt, 0 ongewijzigd; 1 gemeente(n) toegevoegd." in capsys.readouterr().out
    )
    bekend.refresh_from_db()
    zoetermeer = Gemeente.objects.get(code="GM0637")  # the organisation's, kept with its own name
    assert (bekend.naam, bekend.plaats, bekend.gemeente, bekend.contact_email) == (
        "Erasmus College",
        "Zoetermeer",
        zoetermeer,
        "verzuim@erasmus.nl",
    )
    assert bekend.onderwijssoorten == ["vmbo", "havo", "vwo"]
    rokkeveen = School.objects.get(brin="34CD")
    assert (rokkeveen.pk, rokkeveen.naam, rokkeveen.plaats, rokkeveen.gemeente) == (
        met_de_hand.pk,
        "Het Lyceum Rokkeveen",
        "Rokkeveen",
        zoetermeer,
    )
    den_haag = School.objects.get(brin="56EF")
    assert (den_haag.plaats, den_haag.gemeente.code, den_haag.gemeente.naam) == (
        "'s-Gravenhage",
        "GM0518",
        "'s-Gravenhage",
    )

    importeer(tmp_path, NIEUW)  # next month's file, unchanged
    assert (
        "0 scholen nieuw, 0 bijgewerkt, 3 ongewijzigd; 0 gemeente(n) toegevoegd." in capsys.readouterr().out
    )


def test_the_older_column_names_and_a_windows_encoded_file_are_read(tmp_path):
    oud = (
        "BRIN NUMMER,VESTIGINGSNUMMER,INSTELLINGSNAAM,PLAATSNAAM,GEMEENTENUMMER,GEMEENTENAAM\n"
        "78GH,1,Basisschool Het Café,BLEISWIJK,1621,LANSINGERLAND\n"
        "79GH,,De IJsvogel,CAPELLE AAN DEN IJSSEL,502,CAPELLE AAN DEN IJSSEL\n"
        "80GH,00,De Zandloper,'T ZANDT,24,LOPPERSUM\n"
    )
    importeer(tmp_path, oud, encoding="cp1252")
    ijsvogel = School.objects.get(brin="79GH")
    assert (ijsvogel.vestiging, ijsvogel.plaats, ijsvogel.gemeente.code) == (
        "",
        "Capelle aan den IJssel",
        "GM0502",
    )
    school = School.objects.get(brin="78GH")
    assert (school.brin, school.vestiging, school.naam, school.plaats) == (
        "78GH",
        "01",
        "Basisschool Het Café",
        "Bleiswijk",
    )
    assert (school.gemeente.code, school.gemeente.naam) == ("GM1621", "Lansingerland")
    assert School.objects.get(brin="80GH").plaats == "'t Zandt"


def test_a_file_with_problems_is_refused_in_dutch_per_line_and_nothing_is_written(tmp_path, capsys):
    slecht = NIEUW + (
        "Zuid-Holland;1;1X;Geen Brin;Weg 1;DELFT;0503;DELFT;VWO\n"
        "Zuid-Holland;90IJ;90IJ00;;Weg 2;DELFT;zes;DELFT;VWO\n"
        "Zuid-Holland;12AB;12AB01;Erasmus College;Erasmusweg 1;ZOETERMEER;0637;ZOETERMEER;VWO\n"
        "Zuid-Holland;91IJ;00;Het Lyceum;Weg 3;DELFT;0503;DELFT;VWO;extra;;\n"
    )
    with pytest.raises(CommandError, match="Geweigerd: 4 probleem/problemen. Er is niets opgeslagen."):
        importeer(tmp_path, slecht)
    fouten = capsys.readouterr().err
    assert (
        "Regel 5: BRIN '1' is geen BRIN-code (4 tekens, bijvoorbeeld 12AB); vestiging '1X' is geen vestigingsnummer (2 cijfers)."
        in fouten
    )
    assert "Regel 6: de naam is leeg; gemeentenummer 'zes' is geen CBS-gemeentenummer" in fouten
    assert "Regel 7: 12AB01 stond al op regel 2." in fouten
    assert "Regel 8: deze regel heeft meer cellen dan de kopregel." in fouten  # a stray ; shifts columns
    assert not School.objects.exists() and not Gemeente.objects.exists()


def test_a_file_that_is_not_a_register_file_says_which_columns_it_needs(tmp_path, capsys):
    with pytest.raises(CommandError):
        importeer(tmp_path, "bsn;naam\n123456782;Jan\n")
    assert (
        "Kolom(men) INSTELLINGSCODE (of BRIN NUMMER / BRINNUMMER), VESTIGINGSNAAM (of INSTELLINGSNAAM), "
        "GEMEENTENUMMER ontbreken." in capsys.readouterr().err
    )
    with pytest.raises(CommandError):
        importeer(tmp_path, "INSTELLINGSCODE;VESTIGINGSNAAM;GEMEENTENUMMER\n12AB;\x00;0637\n")
    assert "lijkt geen CSV-bestand" in capsys.readouterr().err
    with pytest.raises(CommandError):
        importeer(tmp_path, "")
    assert "Het bestand is leeg." in capsys.readouterr().err
    (tmp_path / "werkmap.xlsx").write_bytes(b"PK\x03\x04\x81\x8d\x8f\x90\x9d")
    with pytest.raises(CommandError):
        call_command("import_scholen", str(tmp_path / "werkmap.xlsx"))
    assert "geen CSV-tekst (UTF-8 of Windows-1252)" in capsys.readouterr().err
    with pytest.raises(CommandError, match="bestaat niet"):
        call_command("import_scholen", str(tmp_path / "weg.csv"))


def test_several_files_are_imported_together_or_not_at_all(tmp_path, capsys):
    goed, slecht = tmp_path / "vo.csv", tmp_path / "bo.csv"
    goed.write_text(NIEUW, encoding="utf-8")
    slecht.write_text(NIEUW.replace("Hofstad Lyceum", ""), encoding="utf-8")
    with pytest.raises(CommandError, match="Er is niets opgeslagen"):
        call_command("import_scholen", str(goed), str(slecht))
    assert f"{slecht}: Regel 4: de naam is leeg." in capsys.readouterr().err
    assert not School.objects.exists()


def test_a_trial_run_counts_and_writes_nothing(tmp_path, capsys):
    importeer(tmp_path, NIEUW, "--proef")
    uitvoer = capsys.readouterr().out
    assert "3 scholen nieuw" in uitvoer and "(proef: niets opgeslagen)" in uitvoer
    assert not School.objects.exists() and not Gemeente.objects.exists()


def test_a_school_in_a_village_of_the_gemeente_is_in_the_region(client, tmp_path, organisatie_a, lpa_a):
    # Rokkeveen is part of gemeente Zoetermeer. By place name alone it was not the region's: the
    # typeahead put it after the rest of the country and the beheerder could not keep its contact.
    importeer(tmp_path, NIEUW)
    client.force_login(lpa_a)
    resultaten = client.get(reverse("school_zoeken"), {"q": "lyceum"}).json()["resultaten"]
    assert [(r["label"], r["regio"]) for r in resultaten] == [
        ("Het Lyceum Rokkeveen (34CD00), Rokkeveen", True),
        ("Hofstad Lyceum (56EF00), 's-Gravenhage", False),
    ]
    beheerder = UserFactory(username="beheerder", organisatie=organisatie_a, role=Role.FUNCTIONEEL_BEHEERDER)
    client.force_login(beheerder)
    rokkeveen = School.objects.get(brin="34CD")
    page = client.get(reverse("beheer_scholen"), {"regio": "1"}).content.decode()
    assert "Het Lyceum Rokkeveen" in page and "Hofstad Lyceum" not in page
    form = client.get(reverse("beheer_school", args=[rokkeveen.pk])).context["form"]
    response = client.post(
        reverse("beheer_school", args=[rokkeveen.pk]),
        {"basis": form.initial["basis"], "contact_email": "verzuim@lyceum.nl", "contact_telefoon": ""},
    )
    assert response.status_code == 302
    rokkeveen.refresh_from_db()
    assert rokkeveen.contact_email == "verzuim@lyceum.nl"


def test_without_a_gemeente_the_plaats_still_decides(client, lpa_a):
    # Schools added by hand (before a register import) have no gemeente.
    SchoolFactory(naam="De Regenboog", brin="12AA", vestiging="00", plaats="Zoetermeer")
    SchoolFactory(naam="De Regenboog", brin="11AA", vestiging="00", plaats="Roermond")
    client.force_login(lpa_a)
    resultaten = client.get(reverse("school_zoeken"), {"q": "regenboog"}).json()["resultaten"]
    assert [r["regio"] for r in resultaten] == [True, False]


def test_an_organisation_created_after_the_import_names_its_gemeente_as_given(tmp_path):
    importeer(tmp_path, NIEUW)  # adds GM0518 as DUO writes it
    call_command(
        "create_organisatie", "den-haag", "--naam", "Leerplicht Den Haag", "--gemeente", "GM0518=Den Haag"
    )
    gemeente = Gemeente.objects.get(code="GM0518")
    assert gemeente.naam == "Den Haag"
    assert gemeente.scholen.get().naam == "Hofstad Lyceum"
