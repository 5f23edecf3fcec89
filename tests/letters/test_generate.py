"""Making a letter: preview, background PDF stored in the dossier, the action on the timeline,
and nobody outside the organisation can reach it."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from cases.constants import ActieSoort, AuditAction, BriefSoort, BriefStatus, Role
from cases.letters.models import Brief, BriefSjabloon
from cases.models import Actie, AuditEntry, Document
from cases.tasks import brief_maken
from leerplicht.models import MeldingActie, Vrijstelling
from tests.factories import UserFactory

from .conftest import pdf_text

pytestmark = pytest.mark.django_db


def sjabloon(organisatie, soort=BriefSoort.WAARSCHUWING) -> BriefSjabloon:
    return BriefSjabloon.objects.get(organisatie=organisatie, soort=soort)


def make(client, url, sjabloon_pk, **extra):
    return client.post(url, {"sjabloon": sjabloon_pk, "maken": "1", **extra})


def test_the_page_offers_the_melding_letters_and_previews_with_the_real_data(client, lpa, melding):
    client.force_login(lpa)
    url = reverse("melding_brief", args=[melding.pk])
    page = client.get(url).content.decode()
    assert "Formele waarschuwing" in page and "Uitnodiging verzuimgesprek" in page
    assert "Uitnodiging Doorstroompunt" not in page  # a traject letter, not a melding one
    preview = client.post(url, {"sjabloon": sjabloon(lpa.organisatie).pk, "voorbeeld": "1"}).content.decode()
    assert "Waarschuwing schoolverzuim Noor Visser" in preview
    assert "Erasmus College heeft op 1 oktober 2025 gemeld" in preview
    assert "24 uur" in preview and "Lotte Pauwels" in preview
    assert not Brief.objects.exists()
    assert AuditEntry.objects.filter(actie=AuditAction.INZIEN, object_type="leerplicht.melding").count() == 2


def test_a_warning_letter_is_a_pdf_in_the_dossier_and_the_formele_waarschuwing_of_the_melding(
    client, lpa, melding, jongere_a
):
    client.force_login(lpa)
    response = make(client, reverse("melding_brief", args=[melding.pk]), sjabloon(lpa.organisatie).pk)
    brief = Brief.objects.get()
    assert response.status_code == 302 and response.url == reverse("brief", args=[brief.pk])
    assert brief.status == BriefStatus.WACHTEND

    brief_maken.apply(args=[brief.pk])  # what the worker does

    brief.refresh_from_db()
    assert brief.status == BriefStatus.KLAAR and brief.html == ""
    document = Document.objects.get(dossier=jongere_a.dossier)
    assert brief.document == document and document.content_type == "application/pdf"
    assert document.naam == f"waarschuwing-{timezone.localdate():%Y-%m-%d}.pdf"  # no name in the file name
    text = pdf_text(document.bestand.read())
    assert "Noor Visser" in text
    assert date_format(timezone.localdate(), "j F Y") in text
    assert "Lotte Pauwels" in text and "Leerplicht Zoetermeer" in text
    # The same action as a formele waarschuwing registered by hand: linked to the melding.
    link = MeldingActie.objects.get(melding=melding)
    assert link.actie.soort == ActieSoort.FORMELE_WAARSCHUWING and link.actie == brief.actie
    assert link.actie.datum == timezone.localdate() and link.actie.gebruiker == lpa
    # A second delivery of the task makes nothing twice.
    brief_maken.apply(args=[brief.pk])
    assert Document.objects.count() == 1 and Actie.objects.count() == 1

    page = client.get(reverse("brief", args=[brief.pk])).content.decode()
    assert reverse("document_download", args=[document.pk]) in page
    dossier = client.get(reverse("dossier", args=[jongere_a.dossier.pk])).content.decode()
    assert reverse("document_download", args=[document.pk]) in dossier
    assert "Formele waarschuwing / waarschuwingsbrief" in dossier  # on the timeline

    download = client.get(reverse("document_download", args=[document.pk]))
    assert download.status_code == 200
    assert "Noor Visser" in pdf_text(b"".join(download.streaming_content))
    assert AuditEntry.objects.filter(actie=AuditAction.INZIEN, object_type="cases.document").count() == 1


def test_the_status_partial_polls_until_the_letter_is_done(client, lpa, melding):
    client.force_login(lpa)
    make(client, reverse("melding_brief", args=[melding.pk]), sjabloon(lpa.organisatie).pk)
    brief = Brief.objects.get()
    page = client.get(reverse("brief", args=[brief.pk])).content.decode()
    assert f'hx-get="{reverse("brief_status", args=[brief.pk])}"' in page
    assert "De brief wordt gemaakt" in page
    assert client.get(reverse("brief_status", args=[brief.pk])).status_code == 200
    brief_maken.apply(args=[brief.pk])
    done = client.get(reverse("brief_status", args=[brief.pk]))
    assert done.status_code == 286  # htmx stops polling
    assert "Brief downloaden" in done.content.decode()
    assert "Noor" not in done.content.decode()


def test_a_failing_render_says_so_in_dutch_and_records_nothing(client, lpa, melding, monkeypatch):
    client.force_login(lpa)
    make(client, reverse("melding_brief", args=[melding.pk]), sjabloon(lpa.organisatie).pk)
    brief = Brief.objects.get()

    def broken(html):
        raise RuntimeError("weasyprint kapot")

    monkeypatch.setattr("cases.letters.pdf.render_letter_pdf", broken)
    brief_maken.apply(args=[brief.pk])
    brief.refresh_from_db()
    assert brief.status == BriefStatus.MISLUKT
    assert "Het maken van de brief is mislukt" in brief.foutmelding
    assert not Document.objects.exists() and not Actie.objects.exists()


def test_another_organisation_gets_404_on_making_viewing_and_downloading(client, lpa, lpa_b, melding):
    client.force_login(lpa)
    make(client, reverse("melding_brief", args=[melding.pk]), sjabloon(lpa.organisatie).pk)
    brief = Brief.objects.get()
    brief_maken.apply(args=[brief.pk])
    brief.refresh_from_db()
    log_before = AuditEntry.objects.count()

    client.force_login(lpa_b)
    urls = [
        reverse("melding_brief", args=[melding.pk]),
        reverse("brief", args=[brief.pk]),
        reverse("brief_status", args=[brief.pk]),
        reverse("document_download", args=[brief.document.pk]),
    ]
    for url in urls:
        assert client.get(url).status_code == 404, url
    assert make(client, urls[0], sjabloon(lpa_b.organisatie).pk).status_code == 404
    assert make(client, urls[0], sjabloon(lpa.organisatie).pk).status_code == 404
    assert Brief.objects.count() == 1
    assert AuditEntry.objects.count() == log_before


def test_registering_is_not_deciding_a_medewerker_cannot_make_letters(client, melding, organisatie_a):
    medewerker = UserFactory(username="mw", organisatie=organisatie_a, role=Role.ADMINISTRATIEF_MEDEWERKER)
    client.force_login(medewerker)
    assert client.get(reverse("melding_brief", args=[melding.pk])).status_code == 403
    assert "Brief maken" not in client.get(reverse("melding", args=[melding.pk])).content.decode()


def test_an_inactive_or_foreign_template_is_refused(client, lpa, melding, organisatie_b):
    client.force_login(lpa)
    url = reverse("melding_brief", args=[melding.pk])
    inactive = sjabloon(lpa.organisatie)
    inactive.actief = False
    inactive.save()
    assert make(client, url, inactive.pk).status_code == 400
    assert make(client, url, sjabloon(organisatie_b).pk).status_code == 400
    traject_letter = sjabloon(lpa.organisatie, BriefSoort.UITNODIGING_DOORSTROOMPUNT)
    assert make(client, url, traject_letter.pk).status_code == 400
    assert not Brief.objects.exists()


def test_a_besluit_letter_waits_for_the_decision_and_names_the_right_to_object(client, lpa, jongere_a):
    vrijstelling = Vrijstelling.objects.create(
        dossier=jongere_a.dossier,
        grondslag="art11g",
        gemeente=jongere_a.woongemeente,
        aangevraagd_op=timezone.localdate(),
    )
    client.force_login(lpa)
    url = reverse("vrijstelling_brief", args=[vrijstelling.pk])
    besluit = sjabloon(lpa.organisatie, BriefSoort.BESLUIT_VRIJSTELLING)
    response = make(client, url, besluit.pk)
    assert "Leg eerst het besluit vast" in response.content.decode()
    Vrijstelling.objects.filter(pk=vrijstelling.pk).update(
        besluit="verleend", besluit_op=timezone.localdate()
    )
    make(client, url, besluit.pk)
    brief = Brief.objects.get()
    brief_maken.apply(args=[brief.pk])
    brief.refresh_from_db()
    text = " ".join(pdf_text(brief.document.bestand.read()).split())
    assert "binnen zes weken" in text and "college van burgemeester en wethouders" in text
    assert brief.actie.soort == ActieSoort.BRIEF and brief.actie.dossier == jongere_a.dossier


def test_a_coach_invites_a_jongere_to_the_doorstroompunt(client, traject):
    traject, coach = traject
    client.force_login(coach)
    url = reverse("traject_brief", args=[traject.pk])
    assert "Uitnodiging Doorstroompunt" in client.get(url).content.decode()
    make(client, url, sjabloon(coach.organisatie, BriefSoort.UITNODIGING_DOORSTROOMPUNT).pk)
    brief = Brief.objects.get()
    brief_maken.apply(args=[brief.pk])
    brief.refresh_from_db()
    assert "Beste Mila" in pdf_text(brief.document.bestand.read())
    assert brief.actie.soort == ActieSoort.BRIEF


def test_the_dossier_lists_documents_in_a_fixed_number_of_queries(client, lpa, jongere_a):
    from django.core.files.base import ContentFile

    def add_documents(n):
        for i in range(n):
            document = Document(
                dossier=jongere_a.dossier,
                naam=f"brief-{i}.pdf",
                content_type="application/pdf",
                grootte=4,
                geupload_door=lpa,
            )
            document.bestand.save("x.pdf", ContentFile(b"%PDF"), save=False)
            document.save()

    client.force_login(lpa)
    url = reverse("dossier", args=[jongere_a.dossier.pk])
    add_documents(1)
    client.get(url)
    with CaptureQueriesContext(connection) as small:
        client.get(url)
    add_documents(8)
    with CaptureQueriesContext(connection) as large:
        page = client.get(url).content.decode()
    assert page.count('href="/documenten/') == 9
    assert len(large.captured_queries) == len(small.captured_queries)


def test_a_maker_who_lost_access_gets_no_letter_and_no_file_stays_behind(client, lpa, melding, private_media):
    client.force_login(lpa)
    make(client, reverse("melding_brief", args=[melding.pk]), sjabloon(lpa.organisatie).pk)
    brief = Brief.objects.get()
    lpa.groups.clear()  # e.g. moved to another team before the worker got to it
    brief_maken.apply(args=[brief.pk])
    brief.refresh_from_db()
    assert brief.status == BriefStatus.MISLUKT and brief.html == ""
    assert not Document.objects.exists() and not Actie.objects.exists()
    assert not [p for p in private_media.rglob("*") if p.is_file()]


def test_a_double_click_makes_one_letter(client, lpa, melding):
    client.force_login(lpa)
    url = reverse("melding_brief", args=[melding.pk])
    first = make(client, url, sjabloon(lpa.organisatie).pk)
    second = make(client, url, sjabloon(lpa.organisatie).pk)
    assert first.url == second.url
    assert Brief.objects.count() == 1
    brief_maken.apply(args=[Brief.objects.get().pk])
    make(client, url, sjabloon(lpa.organisatie).pk)  # once made, a new letter may be made
    assert Brief.objects.count() == 2
