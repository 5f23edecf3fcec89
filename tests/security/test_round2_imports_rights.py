# ruff: noqa: F811 (the fixtures org and users are imported from imports_world)
"""Security round 2, point 2: an imported row needs the right the same write needs in the
browser, and the user's gemeente restriction applies. Before the fix the import only needed
`cases.add_importrecord`, whatever the file contained."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from cases.imports import ImportFailed
from leerplicht.constants import Fase
from leerplicht.models import Melding, Vrijstelling
from reporting.models import Populatie
from tests.api.conftest import token_client
from tests.security.imports_world import MELDING_HEADER, csv, imported, org, users  # noqa: F401

pytestmark = pytest.mark.django_db

CLOSED = "extern_id,gemeente,bsn,geboortedatum,soort,ontvangen_op,resultaat,afgesloten_op"
VRIJSTELLING = "extern_id,gemeente,bsn,geboortedatum,grondslag,aangevraagd_op,besluit,besluit_op"
POPULATIE = "gemeente,schooljaar,leerplichtigen"


def messages(failed: ImportFailed) -> str:
    return " | ".join(f"{p.column}: {p.message}" for p in failed.problems)


def test_a_medewerker_cannot_close_a_melding_by_importing_columns(org, users):
    row = "M-1,GM0957,100023757,2011-04-02,absoluut,2025-10-01,(Terug) naar school,2025-11-01"
    failed = imported(org, users["medewerker"], "meldingen", csv(CLOSED, row))
    assert isinstance(failed, ImportFailed)
    text = messages(failed)
    assert "afgesloten_op: Meldingen afsluiten vraagt het recht 'leerplicht.change_melding'" in text
    assert "resultaat: Een resultaat vastleggen vraagt het recht 'leerplicht.change_melding'" in text
    assert not Melding.objects.exists()
    # Registering an open melding is the medewerker's job, as in the browser.
    record = imported(org, users["medewerker"], "meldingen", csv(MELDING_HEADER, row.rsplit(",", 2)[0]))
    assert record.aangemaakt == 1 and Melding.objects.get().fase == Fase.WAARNEMEN


def test_a_medewerker_cannot_change_an_existing_melding_by_import(org, users):
    row = "M-1,GM0957,100023757,2011-04-02,absoluut,2025-10-01"
    imported(org, users["lpa"], "meldingen", csv(MELDING_HEADER, row))
    changed = row.replace("absoluut", "thuiszitter")
    failed = imported(org, users["medewerker"], "meldingen", csv(MELDING_HEADER, changed))
    assert isinstance(failed, ImportFailed)
    assert "Meldingen wijzigen vraagt het recht 'leerplicht.change_melding'" in messages(failed)
    assert Melding.objects.get().soort == "absoluut"
    # The same file again changes nothing, so it needs no right to change.
    assert imported(org, users["medewerker"], "meldingen", csv(MELDING_HEADER, row)).ongewijzigd == 1


def test_a_medewerker_cannot_grant_a_vrijstelling_by_import(org, users):
    row = "V-1,GM0957,100039595,2012-01-01,art5a,2025-09-01,verleend,2025-09-15"
    failed = imported(org, users["medewerker"], "vrijstellingen", csv(VRIJSTELLING, row))
    assert isinstance(failed, ImportFailed)
    assert (
        "besluit: Een besluit over een vrijstelling nemen vraagt het recht 'leerplicht.change_vrijstelling'"
        in (messages(failed))
    )
    assert not Vrijstelling.objects.exists()
    assert imported(org, users["lpa"], "vrijstellingen", csv(VRIJSTELLING, row)).aangemaakt == 1


def test_a_coach_cannot_create_a_melding_by_import(org, users):
    failed = imported(
        org,
        users["coach"],
        "meldingen",
        csv(MELDING_HEADER, "M-9,GM0957,100126704,2011-04-02,absoluut,2025-10-01"),
    )
    assert isinstance(failed, ImportFailed)
    assert "Meldingen registreren vraagt het recht 'leerplicht.add_melding'" in messages(failed)
    assert not Melding.objects.exists()


def test_a_coach_cannot_create_a_melding_over_the_api_either(org, users):
    client, _token = token_client(users["coach"])
    data = csv(MELDING_HEADER, "M-9,GM0957,100126704,2011-04-02,absoluut,2025-10-01")
    response = client.post(
        "/api/v1/imports/",
        {"soort": "meldingen", "bestand": SimpleUploadedFile("m.csv", data)},
        format="multipart",
    )
    assert response.status_code == 400
    assert "leerplicht.add_melding" in response.json()["problemen"][0]["melding"]
    assert not Melding.objects.exists()


def test_a_leerplichtambtenaar_cannot_write_population_figures(org, users):
    failed = imported(org, users["lpa"], "populatie", csv(POPULATIE, "GM0957,2024-2025,9000"))
    assert isinstance(failed, ImportFailed)
    assert "Populatiecijfers invoeren vraagt het recht 'reporting.add_populatie'" in messages(failed)
    assert not Populatie.objects.exists()
    # The administration keeps them (cases/roles.py).
    assert (
        imported(org, users["medewerker"], "populatie", csv(POPULATIE, "GM0957,2024-2025,9000")).aangemaakt
        == 1
    )


def test_a_user_restricted_to_one_gemeente_cannot_create_a_melding_in_another(org, users):
    failed = imported(
        org,
        users["lpa_roermond"],
        "meldingen",
        csv(MELDING_HEADER, "M-5,GM1669,100174218,2011-04-02,absoluut,2025-10-01"),
    )
    assert isinstance(failed, ImportFailed)
    problem = failed.problems[0]
    assert (problem.column, problem.value) == ("gemeente", "GM1669")
    assert "valt buiten uw gemeenten; u mag alleen gegevens importeren van: Roermond." in problem.message
    assert not Melding.objects.exists()
    ok = imported(
        org,
        users["lpa_roermond"],
        "meldingen",
        csv(MELDING_HEADER, "M-5,GM0957,100174218,2011-04-02,absoluut,2025-10-01"),
    )
    assert ok.aangemaakt == 1


def test_a_restricted_user_cannot_update_a_record_of_a_jongere_in_another_gemeente(org, users):
    imported(
        org,
        users["lpa"],
        "meldingen",
        csv(MELDING_HEADER, "M-6,GM1669,100372193,2011-04-02,absoluut,2025-10-01"),
    )
    # Same extern_id, another jongere in the user's own gemeente: would move the melding over.
    failed = imported(
        org,
        users["lpa_roermond"],
        "meldingen",
        csv(MELDING_HEADER, "M-6,GM0957,100419707,2011-04-02,zorg,2025-10-01"),
    )
    assert isinstance(failed, ImportFailed)
    assert "dit record hoort bij een jongere buiten uw gemeenten" in messages(failed)
    assert Melding.objects.get(extern_id="M-6").soort == "absoluut"
