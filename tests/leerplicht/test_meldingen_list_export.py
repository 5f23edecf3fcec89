"""The meldingen list (open and closed) and the CSV/XLSX exports of meldingen and jongeren."""

import csv
import io
from datetime import date

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from cases.models import AuditEntry
from tests.factories import JongereFactory, MeldingFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def meldingen(org):
    open_ = MeldingFactory(
        dossier=JongereFactory(organisatie=org, achternaam="Open").dossier, ontvangen_op=date(2025, 9, 10)
    )
    closed = MeldingFactory(
        dossier=JongereFactory(organisatie=org, achternaam="Dicht").dossier,
        ontvangen_op=date(2024, 10, 1),
        afgesloten=True,
    )
    return open_, closed


def test_the_list_shows_open_and_closed_and_filters_by_schooljaar(client, lpa, meldingen):
    client.force_login(lpa)
    page = client.get(reverse("meldingen")).content.decode()
    assert "2 meldingen" in page and "Open" in page and "Dicht" in page
    page = client.get(reverse("meldingen"), {"schooljaar": "2024"}).content.decode()
    assert "1 melding" in page and "Dicht" in page and ">Sam Open" not in page


def test_a_large_list_says_more_than_the_count_limit_and_shows_the_newest(client, lpa, org, monkeypatch):
    # A city has 150,000 meldingen: the list counts up to a limit instead of all of them.
    monkeypatch.setattr("leerplicht.views.MELDINGEN_TELLEN_TOT", 3)
    for day, naam in enumerate(["Eerste", "Tweede", "Derde", "Vierde"], start=1):
        MeldingFactory(
            dossier=JongereFactory(organisatie=org, achternaam=naam).dossier, ontvangen_op=date(2025, 9, day)
        )
    client.force_login(lpa)
    page = client.get(reverse("meldingen")).content.decode()
    assert "Meer dan 3 meldingen" in page and "U ziet de nieuwste 3" in page
    # The newest three, newest first; the oldest is reached through a filter.
    assert page.index("Vierde") < page.index("Derde") < page.index("Tweede")
    assert "Eerste" not in page
    # A filter that leaves fewer than the limit gives the exact count again.
    page = client.get(reverse("meldingen"), {"status": "open"}).content.decode()
    assert "4 meldingen" not in page and "Meer dan 3" in page
    page = client.get(reverse("meldingen"), {"schooljaar": "2024"}).content.decode()
    assert "0 meldingen" in page


def test_csv_export_has_the_filtered_rows_and_is_logged(client, lpa, meldingen):
    client.force_login(lpa)
    response = client.get(reverse("meldingen"), {"status": "afgesloten", "export": "csv"})
    assert response["Content-Disposition"].startswith('attachment; filename="meldingen-')
    text = response.content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert rows[0][:5] == ["bsn", "achternaam", "voornamen", "geboortedatum", "soort"]
    assert len(rows) == 2 and rows[1][1] == "Dicht" and rows[1][5] == "01-10-2024"
    assert (
        AuditEntry.objects.filter(actie="exporteren", jongere_id=meldingen[1].dossier.jongere_id).count() == 1
    )


def test_xlsx_export_of_a_jongeren_search(client, lpa, meldingen):
    client.force_login(lpa)
    response = client.post(reverse("jongeren"), {"q": "Dicht", "export": "xlsx"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = list(sheet.values)
    assert values[0][:3] == ("bsn", "achternaam", "tussenvoegsel")
    assert [row[1] for row in values[1:]] == ["Dicht"]
    assert AuditEntry.objects.filter(actie="exporteren").count() == 1
