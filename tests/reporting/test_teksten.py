"""The teamleider writes the jaarverslag's words: Markdown, sanitised, with a preview, stored per
organisation and schooljaar, last year's text as a start, and a warning for BSN-like numbers."""

import pytest

from cases.constants import Role
from reporting.models import JaarverslagTekst
from reporting.teksten import bsn_like_numbers, to_html
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

URL = "/rapportages/teksten/"


def test_markdown_becomes_safe_html():
    html = to_html(
        "# Kop\n\nEen **vet** woord en <script>alert(1)</script> [link](http://x.nl)\n\n- een\n- twee"
    )
    assert "<h3>Kop</h3>" in html and "<strong>vet</strong>" in html and "<li>een</li>" in html
    assert "<script" not in html and "href" not in html and "<a" not in html


def test_bsn_like_numbers_are_the_ones_passing_the_elfproef():
    assert bsn_like_numbers("BSN 111222333 en 123 456 782") == ["•••••••33", "•••••••82"]
    assert bsn_like_numbers("telefoon 0612345678, postcode 2711 AB, 123456789") == []


def test_teamleider_writes_previews_and_saves_with_a_bsn_warning(client, teamleider_a):
    client.force_login(teamleider_a)
    page = client.get(URL + "?schooljaar=2024")
    assert page.status_code == 200
    assert "Voorwoord" in page.content.decode() and "Redenen absoluut verzuim" in page.content.decode()

    preview = client.post(
        URL,
        {
            "schooljaar": "2024",
            "actie": "voorbeeld",
            "tekst__voorwoord": "Een **goed** jaar <script>x</script>",
        },
    )
    body = preview.content.decode()
    assert "<strong>goed</strong>" in body and "<script>x</script>" not in body
    assert not JaarverslagTekst.objects.exists()  # a preview stores nothing

    saved = client.post(
        URL,
        {
            "schooljaar": "2024",
            "actie": "opslaan",
            "tekst__voorwoord": "Jongere 111222333 is weer naar school.",
            "tekst__tabel:absoluut_redenen": "Vooral wachtlijsten.",
        },
        follow=True,
    )
    body = saved.content.decode()
    warnings = [
        line
        for line in body.splitlines()
        if "Deze tekst bevat een nummer dat op een burgerservicenummer lijkt" in line
    ]
    assert warnings, body
    for line in warnings:
        assert "111222333" not in line and "•••••••33" in line, line
    stored = dict(JaarverslagTekst.objects.values_list("sleutel", "tekst"))
    assert stored == {
        "voorwoord": "Jongere 111222333 is weer naar school.",
        "tabel:absoluut_redenen": "Vooral wachtlijsten.",
    }
    assert all(
        t.schooljaar == 2024 and t.organisatie == teamleider_a.organisatie
        for t in JaarverslagTekst.objects.all()
    )


def test_last_years_texts_are_offered_as_a_start(client, teamleider_a):
    JaarverslagTekst.objects.create(
        organisatie=teamleider_a.organisatie,
        schooljaar=2023,
        sleutel="voorwoord",
        tekst="Vorig jaar schreven we dit.",
    )
    client.force_login(teamleider_a)
    body = client.get(URL + "?schooljaar=2024").content.decode()
    assert "teksten van vorig schooljaar als begin" in body and "Vorig jaar schreven we dit." in body
    assert not JaarverslagTekst.objects.filter(schooljaar=2024).exists()


def test_texts_of_another_organisation_are_not_shown_and_others_may_not_write(
    client, teamleider_a, teamleider_b, lpa_a
):
    JaarverslagTekst.objects.create(
        organisatie=teamleider_b.organisatie, schooljaar=2024, sleutel="voorwoord", tekst="Geheim van B"
    )
    client.force_login(teamleider_a)
    assert "Geheim van B" not in client.get(URL + "?schooljaar=2024").content.decode()
    client.force_login(lpa_a)
    assert client.get(URL).status_code == 403


def test_the_report_carries_the_texts_of_its_year(teamleider_a):
    from cases.rules import Schooljaar
    from reporting.renderers.pdf import render_html
    from reporting.tables import build_report

    organisatie = teamleider_a.organisatie
    JaarverslagTekst.objects.create(
        organisatie=organisatie, schooljaar=2024, sleutel="voorwoord", tekst="Dit *jaar*."
    )
    JaarverslagTekst.objects.create(
        organisatie=organisatie, schooljaar=2023, sleutel="voorwoord", tekst="Oud."
    )
    html = render_html(build_report(organisatie, Schooljaar(2024)))
    assert "Dit <em>jaar</em>." in html and "Oud." not in html


def test_a_beheerder_uploads_a_png_logo_only(client, organisatie_a):
    from io import BytesIO

    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    from reporting.models import Huisstijl

    beheerder = UserFactory(
        username="beheerder-logo", organisatie=organisatie_a, role=Role.FUNCTIONEEL_BEHEERDER
    )
    beheerder.is_staff = True
    beheerder.save()
    client.force_login(beheerder)
    fake = SimpleUploadedFile("logo.png", b"<svg onload=alert(1)>", content_type="image/png")
    refused = client.post("/beheer/reporting/huisstijl/add/", {"logo": fake, "logo_tekst": "Logo"})
    assert "moet een PNG- of JPEG-afbeelding zijn" in refused.content.decode()
    buffer = BytesIO()
    Image.new("RGB", (10, 10), "red").save(buffer, "PNG")
    png = SimpleUploadedFile("logo.png", buffer.getvalue(), content_type="image/png")
    client.post("/beheer/reporting/huisstijl/add/", {"logo": png, "logo_tekst": "Logo A"})
    huisstijl = Huisstijl.objects.get()
    assert huisstijl.organisatie == organisatie_a and huisstijl.logo_tekst == "Logo A"
    huisstijl.logo.delete(save=False)
