"""The OCW leerplichttelling per gemeente, from the same definitions and controle; and the
definitions page lists every definition."""

from io import BytesIO
from pathlib import Path

import pytest
from openpyxl import load_workbook

from cases.constants import Codelijst
from leerplicht.models import Melding
from reporting.tables.definities import DEFINITIES
from tests.reporting.test_tables_build import ROERMOND, add_meldingen, organisation

DOC = Path(__file__).resolve().parents[2] / "docs" / "jaarverslag-definities.md"


def test_every_definition_is_documented():
    text = DOC.read_text(encoding="utf-8")
    missing = [key for key in DEFINITIES if f"`{key}`" not in text]
    assert missing == []


@pytest.mark.django_db
def test_the_telling_of_one_gemeente_counts_its_own_meldingen(client, teamleider_a):
    organisatie = organisation("telling", ROERMOND, variant="roermond")
    teamleider_a.organisatie = organisatie
    teamleider_a.save()
    halt = organisatie.codes.get(lijst=Codelijst.RESULTAAT_RELATIEF, label="Afgedaan met Halt-straf")
    add_meldingen(organisatie, 8, resultaat=halt)  # 2 per gemeente, relatief (wettelijk)
    roermond = organisatie.gemeenten.get(code="GM0957")
    first = Melding.objects.filter(organisatie=organisatie, gemeente=roermond).order_by("pk").first()
    Melding.objects.filter(pk=first.pk).update(proces_verbaal=True)
    client.force_login(teamleider_a)

    response = client.get("/rapportages/leerplichttelling/?schooljaar=2024&gemeente=GM0957")
    assert response.status_code == 200
    assert 'filename="leerplichttelling-GM0957-2024-2025.xlsx"' in response["Content-Disposition"]
    rows = list(load_workbook(BytesIO(response.content)).active.iter_rows(values_only=True))
    values = {row[0]: row[1] for row in rows if row and row[0]}
    assert values["Relatief verzuim (wettelijk): meldingen"] == 2
    assert values["Absoluut verzuim: leerlingen"] == 0
    assert values["Processen-verbaal"] == 1
    assert values["Leerplichtigen 5-16 jaar"] is None  # no population entered
    assert "Alle tabellen tellen op en spreken elkaar niet tegen." in values
    # A gemeente of another organisation is not there.
    assert client.get("/rapportages/leerplichttelling/?schooljaar=2024&gemeente=GM0637").status_code == 404
