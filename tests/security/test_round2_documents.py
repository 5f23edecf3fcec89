"""Issue 15 point 9: an uploaded document's type is read from its content, not the browser's word.

An `.html` page or an `invoice.pdf.exe` starting with `MZ`, sent as application/pdf, must be
refused with a Dutch message naming the allowed kinds; an accepted file is stored and served
with the detected type and a matching extension.
"""

import io
import zipfile

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook
from PIL import Image

from cases.models import Document
from tests.api.conftest import seed_organisation, token_client

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
HTML = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 200


@pytest.fixture
def seed(organisatie_a):
    return seed_organisation(organisatie_a, "a")


def image(fmt: str) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (2, 2), "red").save(buffer, fmt)
    return buffer.getvalue()


def zipped(members: list[tuple[str, str]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, text in members:
            # ODF wants its `mimetype` member first and uncompressed.
            archive.writestr(zipfile.ZipInfo(name) if name == "mimetype" else name, text)
    return buffer.getvalue()


def xlsx() -> bytes:
    buffer = io.BytesIO()
    Workbook().save(buffer)
    return buffer.getvalue()


# A Word 97-2003 file: the OLE compound-file header, and the Word FIB signature in sector 1.
DOC = bytes.fromhex("D0CF11E0A1B11AE1") + b"\x00" * 504 + b"\xec\xa5\xc1\x00" + b"\x00" * 200

ACCEPTED = [
    ("scan.png", image("PNG"), "image/png", "scan.png"),
    ("foto.jpeg", image("JPEG"), "image/jpeg", "foto.jpg"),
    ("foto", image("GIF"), "image/gif", "foto.gif"),
    ("foto.bin", image("WEBP"), "image/webp", "foto.webp"),
    (
        "verslag.docx",
        zipped([("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<w:document/>")]),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "verslag.docx",
    ),
    ("lijst.xlsx", xlsx(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "lijst.xlsx"),
    (
        "brief.odt",
        zipped([("mimetype", "application/vnd.oasis.opendocument.text"), ("content.xml", "<x/>")]),
        "application/vnd.oasis.opendocument.text",
        "brief.odt",
    ),
    ("oud.doc", DOC, "application/msword", "oud.doc"),
    ("notitie.txt", "Gesprek met moeder, één uur.\n".encode(), "text/plain; charset=utf-8", "notitie.txt"),
    # A real PDF under a misleading name and browser type: stored as what it is.
    ("verklaring.html", PDF, "application/pdf", "verklaring.pdf"),
]


def upload_page(client, seed, name: str, content: bytes, browser_type: str = "application/pdf"):
    client.force_login(seed.lpa)
    return client.post(
        reverse("vrijstelling_document", args=[seed.vrijstelling.pk]),
        {"bestand": SimpleUploadedFile(name, content, content_type=browser_type)},
        follow=True,
    )


@pytest.mark.parametrize(
    "name, content",
    [
        ("verklaring.pdf", HTML),
        ("invoice.pdf.exe", EXE),
        ("afbeelding.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
        ("archief.pdf", zipped([("a.txt", "geen document")])),
        ("macro.pdf", b"\x00\x01binary\x02\x03"),
    ],
    ids=["html", "exe", "svg", "zip", "binary"],
)
def test_the_page_refuses_a_file_whose_content_is_not_an_allowed_kind(client, seed, name, content):
    page = upload_page(client, seed, name, content).content.decode()
    assert "Dit bestandstype is niet toegestaan" in page
    assert "Toegestaan zijn PDF, afbeeldingen (JPG, PNG, GIF, WebP)" in page
    assert not Document.objects.exists()


@pytest.mark.parametrize(
    "name, content", [("verklaring.pdf", HTML), ("invoice.pdf.exe", EXE)], ids=["html", "exe"]
)
def test_the_api_refuses_a_file_whose_content_is_not_an_allowed_kind(seed, name, content):
    client, _token = token_client(seed.lpa)
    response = client.post(
        f"/api/v1/vrijstellingen/{seed.vrijstelling.pk}/documenten/",
        {"bestand": SimpleUploadedFile(name, content, content_type="application/pdf")},
        format="multipart",
    )
    assert response.status_code == 400
    assert "Dit bestandstype is niet toegestaan" in response.json()["detail"]
    assert not Document.objects.exists()


@pytest.mark.parametrize("name, content, content_type, stored_name", ACCEPTED, ids=[a[3] for a in ACCEPTED])
def test_an_allowed_kind_is_stored_and_served_as_detected(
    client, seed, name, content, content_type, stored_name
):
    page = upload_page(client, seed, name, content, browser_type="text/html").content.decode()
    assert "Het document is toegevoegd." in page
    document = Document.objects.get()
    assert (document.content_type, document.naam) == (content_type, stored_name)
    response = client.get(reverse("document_download", args=[document.pk]))
    assert response["Content-Type"] == content_type
    assert response["Content-Disposition"] == f'attachment; filename="{stored_name}"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == content


def test_a_document_stored_earlier_with_a_browser_type_is_served_as_an_opaque_download(client, seed):
    document = Document(
        dossier=seed.jongere.dossier,
        naam="verklaring.html",
        content_type="text/html",
        grootte=len(HTML),
        geupload_door=seed.lpa,
    )
    document.bestand.save("x", ContentFile(HTML), save=False)
    document.save()
    client.force_login(seed.lpa)
    response = client.get(reverse("document_download", args=[document.pk]))
    assert response["Content-Type"] == "application/octet-stream"
    assert response["Content-Disposition"].startswith("attachment;")
