"""The Rapportages page: start a run, follow its progress, download its files, retry."""

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone

from cases.constants import AuditAction, Role, Verwerkingsactiviteit
from cases.models import AuditEntry
from cases.rules import Schooljaar
from reporting.models import ReportRun, ReportRunStatus
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def finished_run(organisatie, user, schooljaar=2024):
    run = ReportRun.objects.create(
        organisatie=organisatie,
        schooljaar=schooljaar,
        gestart_door=user,
        status=ReportRunStatus.KLAAR,
        voortgang=100,
        klaar_op=timezone.now(),
        paginas=12,
    )
    run.pdf_bestand.save("pdf.pdf", ContentFile(b"%PDF-1.7 test"), save=False)
    run.json_bestand.save("json.json", ContentFile(b'{"tabellen": {}}'), save=False)
    run.save()
    return run


def test_the_page_offers_the_last_complete_schooljaar_and_lists_only_own_runs(
    client, teamleider_a, teamleider_b, report_files
):
    own = finished_run(teamleider_a.organisatie, teamleider_a, 2023)
    other = finished_run(teamleider_b.organisatie, teamleider_b, 2021)
    client.force_login(teamleider_a)
    response = client.get(reverse("rapportages"))
    html = response.content.decode()
    assert response.status_code == 200
    last = Schooljaar.of(timezone.localdate()).previous()
    assert f'<option value="{last.start_year}" selected>{last}</option>' in html
    assert "Jaarverslag maken" in html
    assert "2023-2024" in html and "Tessa Teamleider" in html
    assert reverse("rapportage_download", args=[own.pk, "pdf"]) in html
    assert "(12 pagina's)" in html
    # Another organisation's run is not listed.
    assert reverse("rapportage_download", args=[other.pk, "pdf"]) not in html
    assert f'id="rapportage-{other.pk}"' not in html


def test_starting_a_run_shows_it_waiting_and_a_second_click_starts_nothing(client, teamleider_a):
    client.force_login(teamleider_a)
    data = {"schooljaar": "2024", "vergelijkingsjaar": "2023"}
    response = client.post(reverse("rapportage_start"), data, follow=True)
    run = ReportRun.objects.get()
    assert (run.schooljaar, run.vergelijkingsjaar, run.gestart_door) == (2024, 2023, teamleider_a)
    html = response.content.decode()
    assert "Het jaarverslag over 2024-2025 wordt gemaakt." in html
    assert f'hx-get="{reverse("rapportage_status", args=[run.pk])}"' in html
    assert 'hx-trigger="every 1s"' in html
    assert "Wachtend" in html and "<progress" in html
    assert "<script>" not in html and "style=" not in html  # ready for a strict CSP

    again = client.post(reverse("rapportage_start"), data, follow=True).content.decode()
    assert "Dit jaarverslag wordt al gemaakt" in again
    assert ReportRun.objects.count() == 1


def test_a_vergelijkingsjaar_after_the_schooljaar_is_an_error_on_the_form(client, teamleider_a):
    client.force_login(teamleider_a)
    response = client.post(reverse("rapportage_start"), {"schooljaar": "2022", "vergelijkingsjaar": "2023"})
    assert response.status_code == 400
    assert "Kies een vergelijkingsjaar dat vóór het schooljaar ligt." in response.content.decode()
    assert not ReportRun.objects.exists()


def test_the_status_partial_polls_until_the_run_is_done(client, teamleider_a, report_files):
    client.force_login(teamleider_a)
    run = ReportRun.objects.create(
        organisatie=teamleider_a.organisatie,
        schooljaar=2024,
        status=ReportRunStatus.BEZIG,
        voortgang=70,
        voortgang_tekst="PDF opmaken",
    )
    busy = client.get(reverse("rapportage_status", args=[run.pk]))
    assert busy.status_code == 200
    assert 'value="70"' in busy.content.decode() and "70% · PDF opmaken" in busy.content.decode()
    run.delete()
    done = finished_run(teamleider_a.organisatie, teamleider_a)
    response = client.get(reverse("rapportage_status", args=[done.pk]))
    assert response.status_code == 286  # htmx stops polling
    assert reverse("rapportage_download", args=[done.pk, "pdf"]) in response.content.decode()


def test_a_download_is_served_privately_and_logged(client, teamleider_a, report_files):
    run = finished_run(teamleider_a.organisatie, teamleider_a)
    client.force_login(teamleider_a)
    response = client.get(reverse("rapportage_download", args=[run.pk, "pdf"]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="jaarverslag-zoetermeer-2024-2025.pdf"'
    assert b"".join(response.streaming_content) == b"%PDF-1.7 test"
    entry = AuditEntry.objects.get()
    assert (entry.actie, entry.doel, entry.jongere_id) == (
        AuditAction.EXPORTEREN,
        Verwerkingsactiviteit.VERANTWOORDING,
        None,
    )
    assert (entry.object_type, entry.object_id) == ("reporting.reportrun", run.pk)
    # A format that was not made, or an unknown one, is not there.
    assert client.get(reverse("rapportage_download", args=[run.pk, "xlsx"])).status_code == 404
    assert client.get(reverse("rapportage_download", args=[run.pk, "exe"])).status_code == 404


def test_another_organisations_run_is_404_everywhere(client, teamleider_a, teamleider_b, report_files):
    run = finished_run(teamleider_a.organisatie, teamleider_a)
    client.force_login(teamleider_b)
    assert client.get(reverse("rapportage_download", args=[run.pk, "pdf"])).status_code == 404
    assert client.get(reverse("rapportage_status", args=[run.pk])).status_code == 404
    assert client.post(reverse("rapportage_opnieuw", args=[run.pk])).status_code == 404
    assert not AuditEntry.objects.exists()


def test_users_without_the_permission_get_403(client, organisatie_a):
    medewerker = UserFactory(organisatie=organisatie_a, role=Role.ADMINISTRATIEF_MEDEWERKER)
    client.force_login(medewerker)
    assert client.get(reverse("rapportages")).status_code == 403
    assert client.post(reverse("rapportage_start"), {"schooljaar": "2024"}).status_code == 403
    assert not ReportRun.objects.exists()


def test_a_failed_run_shows_its_error_and_can_be_retried(client, teamleider_a):
    run = ReportRun.objects.create(
        organisatie=teamleider_a.organisatie,
        schooljaar=2024,
        status=ReportRunStatus.MISLUKT,
        foutmelding="Het maken van de rapportage is mislukt door een technische fout.",
    )
    client.force_login(teamleider_a)
    html = client.get(reverse("rapportages")).content.decode()
    assert "Mislukt" in html and "mislukt door een technische fout" in html
    assert "Opnieuw proberen" in html
    response = client.post(reverse("rapportage_opnieuw", args=[run.pk]), follow=True)
    assert "wordt opnieuw gemaakt" in response.content.decode()
    run.refresh_from_db()
    assert (run.status, run.foutmelding) == (ReportRunStatus.WACHTEND, "")


def test_the_three_year_comparison_is_an_option_of_the_form_and_a_run_of_its_own(
    client, teamleider_a, report_files
):
    from reporting.models import ReportRun
    from reporting.tasks import render_report_run

    client.force_login(teamleider_a)
    client.post(reverse("rapportage_start"), {"schooljaar": "2024"})
    client.post(reverse("rapportage_start"), {"schooljaar": "2024", "drie_jaren": "on"})
    runs = list(ReportRun.objects.order_by("pk"))
    assert [r.drie_jaren for r in runs] == [False, True]
    render_report_run.apply(args=[runs[1].pk])
    runs[1].refresh_from_db()
    import json

    tables = json.loads(runs[1].json_bestand.read())["tabellen"]
    assert list(tables["kerncijfers_drie_jaren"]["kolommen"]) == ["2022-2023", "2023-2024", "2024-2025"]
