"""Importing meldingen: all or nothing, idempotent on extern_id, every problem at once."""

import pytest
from django.core.management import CommandError, call_command
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cases.imports import ImportFailed
from cases.imports.records import import_now
from cases.models import AuditEntry, ImportRecord, Jongere
from leerplicht.models import Melding, MeldingTransitie
from tests.imports.conftest import csv_bytes

pytestmark = pytest.mark.django_db

HEADER = "extern_id,gemeente,bsn,jongere_id,achternaam,voornamen,geboortedatum,geslacht,soort,ontvangen_op,onderwijssoort,brin,reden,resultaat,afgesloten_op,halt,proces_verbaal,gezin_id"
ROWS = [
    "M-1,GM0637,111222333,,Visser,Noor,2011-04-02,v,relatief_wettelijk,2024-10-01,vmbo,12AB,Herhaald verzuim,Halt,2024-11-15,ja,nee,",
    "M-2,Zoetermeer,,P-77,Bakker,Sem,2015-06-20,m,luxe,2024-12-20,bo_sbo,,vakantie, Proces-verbaal ,2025-01-10,nee,ja,G-1",
    "M-3,GM0637,111222333,,Visser,Noor,2011-04-02,v,zorg,2025-03-01,,,,,,,,",
]


def run(org, data, filename="meldingen.csv"):
    return import_now(name="meldingen", organisatie=org, actor=None, data=data, filename=filename, via="test")


def snapshot():
    return (
        sorted(
            Melding.objects.values_list(
                "extern_id", "soort", "ontvangen_op", "resultaat__label", "fase", "versie", "dossier_id"
            )
        ),
        sorted(Jongere.objects.values_list("pk", "bsn", "extern_id", "geboortedatum", "achternaam")),
        MeldingTransitie.objects.count(),
    )


def test_a_valid_file_creates_jongeren_meldingen_and_history(org):
    record = run(org, csv_bytes(HEADER, *ROWS))
    assert (record.rijen, record.aangemaakt, record.bijgewerkt, record.status) == (3, 3, 0, "klaar")
    assert Jongere.objects.count() == 2  # Noor twice by BSN, Sem by the source key
    m1 = Melding.objects.get(extern_id="M-1")
    assert (m1.fase, m1.resultaat.label, m1.reden.label, m1.halt_verwijzing, m1.school.naam, m1.leeftijd) == (
        "afgesloten",
        "Halt",
        "Herhaald verzuim",
        True,
        "Het Lyceum",
        13,
    )
    m2 = Melding.objects.get(extern_id="M-2")
    # labels match case-insensitively, surrounding spaces ignored
    assert (m2.reden.label, m2.resultaat.label, m2.proces_verbaal, m2.gezin_id) == (
        "Vakantie",
        "Proces-verbaal",
        True,
        "G-1",
    )
    assert Melding.objects.get(extern_id="M-3").fase == "waarnemen"
    assert list(MeldingTransitie.objects.filter(melding=m1).values_list("van", "naar")) == [
        ("", "afgesloten")
    ]
    assert AuditEntry.objects.filter(actie="aanmaken", object_type="leerplicht.melding").count() == 3
    assert ImportRecord.objects.get().checksum == record.checksum


def test_importing_the_same_file_twice_changes_nothing(org):
    data = csv_bytes(HEADER, *ROWS)
    run(org, data)
    before = snapshot()
    second = run(org, data)
    assert (second.aangemaakt, second.bijgewerkt, second.ongewijzigd) == (0, 0, 3)
    assert snapshot() == before


def test_an_overlapping_file_updates_by_extern_id_and_records_the_change(org):
    run(org, csv_bytes(HEADER, *ROWS))
    changed = ROWS[2].replace("2025-03-01,,,,,", "2025-03-01,,,,Naar school,2025-04-01")
    record = run(org, csv_bytes(HEADER, changed))
    assert (record.aangemaakt, record.bijgewerkt) == (0, 1)
    melding = Melding.objects.get(extern_id="M-3")
    assert (melding.resultaat.label, melding.fase, melding.versie) == ("Naar school", "afgesloten", 2)
    assert AuditEntry.objects.filter(actie="wijzigen", object_id=melding.pk).count() == 1
    assert Melding.objects.count() == 3


def test_every_problem_is_reported_at_once_and_nothing_is_written(org):
    bad = [
        ROWS[0],
        "M-4,GM9999,111222333,,Visser,Noor,2011-04-02,v,relatief_wettelijk,2024-10-01,,,,,,,,",
        "M-5,GM0637,123456789,,X,Y,2012-01-01,,spijbelen,2024-10-01,,,,,,,,",
        "M-6,GM0637,,P-9,X,Y,31-13-2012,,zorg,2024-10-01,,,Onzin,,,,,",
    ]
    with pytest.raises(ImportFailed) as failed:
        run(org, csv_bytes(HEADER, *bad))
    found = {(p.row, p.column) for p in failed.value.problems}
    assert {(3, "gemeente"), (4, "bsn"), (5, "geboortedatum")} <= found
    messages = " ".join(p.message for p in failed.value.problems)
    assert (
        "geen gemeente van deze organisatie" in messages
        and "elfproef" in messages
        and "JJJJ-MM-DD" in messages
    )
    assert not Melding.objects.exists() and not Jongere.objects.exists()
    assert ImportRecord.objects.get().status == "geweigerd"


def test_unknown_and_missing_columns_are_refused(org):
    with pytest.raises(ImportFailed) as failed:
        run(org, csv_bytes("extern_id,gemeente,bsn,geboortedatum,soort,ontvangen_op,schooll", ROWS[2]))
    assert any(p.column == "schooll" and "onbekende kolom" in p.message for p in failed.value.problems)
    with pytest.raises(ImportFailed) as failed:
        run(
            org,
            csv_bytes(
                "extern_id,gemeente,bsn,geboortedatum,ontvangen_op",
                "M-1,GM0637,111222333,2011-04-02,2024-10-01",
            ),
        )
    assert any(p.column == "soort" and "verplichte kolom" in p.message for p in failed.value.problems)


def test_semicolons_bom_and_dutch_dates_are_accepted(org):
    header = HEADER.replace(",", ";")
    row = "M-9;GM0637;111222333;;Visser;Noor;02-04-2011;v;zorg;01-10-2024;;;;;;;;"
    record = run(org, csv_bytes(header, row, bom=True))
    assert record.aangemaakt == 1
    assert str(Melding.objects.get().ontvangen_op) == "2024-10-01"


def test_xlsx_with_the_same_header_is_accepted(org):
    from io import BytesIO

    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(HEADER.split(","))
    for row in ROWS:
        sheet.append(row.split(","))
    buffer = BytesIO()
    workbook.save(buffer)
    assert run(org, buffer.getvalue(), "meldingen.xlsx").aangemaakt == 3


def test_conflicting_birth_dates_for_one_jongere_are_an_error(org):
    rows = [ROWS[0], ROWS[2].replace("2011-04-02", "2011-04-03")]
    with pytest.raises(ImportFailed) as failed:
        run(org, csv_bytes(HEADER, *rows))
    assert [(p.row, p.column) for p in failed.value.problems] == [(3, "geboortedatum")]
    run(org, csv_bytes(HEADER, ROWS[0]))
    with pytest.raises(ImportFailed, match="problem"):
        run(org, csv_bytes(HEADER, ROWS[2].replace("2011-04-02", "2011-04-03")))


def test_a_10000_row_file_with_one_bad_row_writes_nothing_and_names_that_row(org):
    rows = [
        f"M-{i},GM0637,,P-{i},Jansen,Kim,2011-01-01,,relatief_licht,2024-10-01,vmbo,,,,,,,"
        for i in range(10_000)
    ]
    rows[7_499] = rows[7_499].replace("relatief_licht", "relatief_zwaar")
    with pytest.raises(ImportFailed) as failed:
        run(org, csv_bytes(HEADER, *rows))
    assert [(p.row, p.column, p.value) for p in failed.value.problems] == [(7_501, "soort", "relatief_zwaar")]
    assert not Melding.objects.exists() and not Jongere.objects.exists()


def test_command_line_prints_counts_or_every_problem(org, tmp_path, capsys):
    good = tmp_path / "goed.csv"
    good.write_bytes(csv_bytes(HEADER, *ROWS))
    call_command("import_csv", "meldingen", str(good), "--organisatie", "zoetermeer")
    assert "3 rijen verwerkt: 3 nieuw, 0 bijgewerkt, 0 ongewijzigd." in capsys.readouterr().out
    bad = tmp_path / "fout.csv"
    bad.write_bytes(csv_bytes(HEADER, ROWS[0].replace("2024-10-01", "2024-13-01")))
    with pytest.raises(CommandError, match="Er is niets opgeslagen"):
        call_command("import_csv", "meldingen", str(bad), "--organisatie", "zoetermeer")
    assert "rij 2, kolom 'ontvangen_op'" in capsys.readouterr().err
    with pytest.raises(CommandError, match="geen organisatie"):
        call_command("import_csv", "meldingen", str(good), "--organisatie", "bestaat-niet")


cells = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=12)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    header=st.lists(st.sampled_from(HEADER.split(",") + ["x", ""]), min_size=1, max_size=20),
    rows=st.lists(st.lists(cells, max_size=20), max_size=5),
    delimiter=st.sampled_from([",", ";"]),
)
def test_arbitrary_csv_never_crashes_or_writes_half(org, header, rows, delimiter):
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter)
    writer.writerow(header)
    writer.writerows(rows)
    before = (Melding.objects.count(), Jongere.objects.count())
    try:
        record = run(org, buffer.getvalue().encode("utf-8"))
    except ImportFailed as failed:
        assert failed.problems and all(p.message for p in failed.problems)
        assert (Melding.objects.count(), Jongere.objects.count()) == before
    else:
        assert Melding.objects.count() == before[0] + record.aangemaakt


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=300))
def test_arbitrary_bytes_never_crash(org, data):
    with pytest.raises(ImportFailed):
        run(org, data)
    assert not Melding.objects.exists()


def test_a_file_with_a_nul_character_is_refused_with_a_dutch_message(org):
    with pytest.raises(ImportFailed) as failed:
        run(org, b"extern_id;bsn\x00;soort\nm1;123456782;absoluut\n")
    assert "lijkt geen CSV-bestand" in failed.value.problems[0].message
    assert not Melding.objects.exists()
