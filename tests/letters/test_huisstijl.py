"""Beheer › Briefhoofd en logo (issue 19 item 7): the beheerder sets the letterhead and uploads
one logo; letters and the jaarverslag show it. A wrong file is refused in Dutch and nothing is
stored."""

import base64
import io
import subprocess
import tempfile
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from cases import registry
from cases.beheer.huisstijl import MAX_LOGO_BYTES
from cases.constants import BriefSoort
from cases.letters.models import BriefSjabloon
from cases.letters.pdf import render_letter_pdf
from cases.letters.services import letter_html, letter_values
from reporting import selectors as reporting_selectors
from reporting.models import Huisstijl

pytestmark = pytest.mark.django_db

URL = reverse("beheer_huisstijl")
BRIEFHOOFD = {
    "briefhoofd_adres": "Postbus 15\n2700 AA Zoetermeer",
    "briefhoofd_telefoon": "14 079",
    "briefhoofd_email": "leerplicht@zoetermeer.nl",
    "ondertekening_naam": "Mr. A. de Boer",
    "ondertekening_functie": "Teamleider Leerplicht",
    "logo_tekst": "Logo gemeente Zoetermeer",
}


def png_bytes() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (60, 30), (0, 90, 160)).save(buffer, "PNG")
    return buffer.getvalue()


def pdf_images(pdf: bytes) -> list[list[str]]:
    """The images in a PDF as poppler's pdfimages lists them (page, num, type, width, height, ...)."""
    with tempfile.NamedTemporaryFile(suffix=".pdf") as handle:
        handle.write(pdf)
        handle.flush()
        out = subprocess.run(["pdfimages", "-list", handle.name], capture_output=True, check=True, text=True)
    return [line.split() for line in out.stdout.splitlines()[2:] if line.strip()]


def stored_files(private_media) -> list:
    return [p for p in private_media.rglob("*") if p.is_file()]


def test_only_a_beheerder_opens_the_page(client, lpa, beheerder):
    client.force_login(lpa)
    assert client.get(URL).status_code == 403
    client.force_login(beheerder)
    assert "Briefhoofd en logo" in client.get(URL).content.decode()


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (
            SimpleUploadedFile("logo.png", b"<svg onload=alert(1)></svg>", "image/png"),
            "moet een PNG- of JPEG-afbeelding zijn",
        ),
        (
            SimpleUploadedFile("logo.svg", b"<svg xmlns='http://www.w3.org/2000/svg'/>", "image/svg+xml"),
            "ook SVG",
        ),
        (
            SimpleUploadedFile("groot.png", b"\x89PNG\r\n\x1a\n" + b"0" * MAX_LOGO_BYTES, "image/png"),
            "te groot",
        ),
    ],
)
def test_a_wrong_logo_is_refused_in_dutch_and_nothing_is_stored(
    client, beheerder, private_media, upload, message
):
    client.force_login(beheerder)
    response = client.post(URL, {**BRIEFHOOFD, "logo": upload})

    page = response.content.decode()
    assert response.status_code == 400
    assert message in page
    assert page.count('id="foutoverzicht"') == 1
    assert 'value="Mr. A. de Boer"' in page  # what was typed stays
    assert not Huisstijl.objects.exists()
    assert stored_files(private_media) == []
    beheerder.organisatie.refresh_from_db()
    assert beheerder.organisatie.ondertekening_naam == ""


def test_the_logo_and_letterhead_are_on_the_letter_and_the_jaarverslag(client, beheerder, lpa, melding):
    logo = png_bytes()
    client.force_login(beheerder)
    response = client.post(
        URL, {**BRIEFHOOFD, "logo": SimpleUploadedFile("logo.png", logo, "image/png")}, follow=True
    )
    assert "Het briefhoofd en het logo zijn opgeslagen." in response.content.decode()
    data_uri = "data:image/png;base64," + base64.b64encode(logo).decode()

    # The preview of a letter, as the leerplichtambtenaar makes it.
    client.force_login(lpa)
    sjabloon = BriefSjabloon.objects.get(organisatie=lpa.organisatie, soort=BriefSoort.WAARSCHUWING)
    preview = client.post(
        reverse("melding_brief", args=[melding.pk]), {"sjabloon": sjabloon.pk, "voorbeeld": "1"}
    ).content.decode()
    assert f'src="{data_uri}"' in preview and 'alt="Logo gemeente Zoetermeer"' in preview
    assert "Postbus 15<br>2700 AA Zoetermeer" in preview
    assert "Mr. A. de Boer" in preview and "Teamleider Leerplicht" in preview

    # The PDF holds the image.
    values = letter_values(
        actor=lpa, source=registry.letter_sources["melding"], obj=melding, datum=date.today()
    )
    pdf = render_letter_pdf(letter_html(sjabloon=sjabloon, values=values, actor=lpa))
    images = pdf_images(pdf)
    assert [(row[3], row[4]) for row in images] == [("60", "30")]

    # The jaarverslag's cover reads the same logo.
    assert reporting_selectors.logo_data_uri(organisatie=lpa.organisatie) == (
        data_uri,
        "Logo gemeente Zoetermeer",
    )


def test_a_new_logo_replaces_the_old_file(
    client, beheerder, private_media, django_capture_on_commit_callbacks
):
    client.force_login(beheerder)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(URL, {**BRIEFHOOFD, "logo": SimpleUploadedFile("a.png", png_bytes(), "image/png")})
        client.post(URL, {**BRIEFHOOFD, "logo": SimpleUploadedFile("b.png", png_bytes(), "image/png")})
    assert len(stored_files(private_media)) == 1
    assert Huisstijl.objects.count() == 1


def test_a_logo_whose_file_is_gone_leaves_the_jaarverslag_and_letters_without_it(melding, lpa):
    # E.g. a database restored without its document store: the report still builds, without logo.
    Huisstijl.objects.create(organisatie=lpa.organisatie, logo="huisstijl/weg/logo.png", logo_tekst="Logo")
    from cases.rules import Schooljaar
    from reporting.tables import build_report

    report = build_report(lpa.organisatie, Schooljaar.of(date.today()))
    assert (report.logo, report.logo_tekst) == ("", "")
    assert reporting_selectors.logo_data_uri(organisatie=lpa.organisatie) == ("", "")
