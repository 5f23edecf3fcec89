"""Issue 15, point 11: the smaller findings of the second security round, one test each."""

import re
import struct
import subprocess
import zlib
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from knox.models import AuthToken
from rest_framework.test import APIClient

from cases.constants import AuditAction, Role
from cases.imports.views import MAX_UPLOAD_BYTES
from cases.models import AuditEntry
from tests.doorstroom.factories import TrajectFactory, years_ago
from tests.factories import JongereFactory, MeldingFactory, UserFactory

pytestmark = pytest.mark.django_db


def token_client(user) -> APIClient:
    _instance, token = AuthToken.objects.create(user=user)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    return client


# --- The OpenAPI schema is not served anonymously --------------------------------------------


def test_the_openapi_schema_and_its_page_need_a_login(lpa_a):
    anonymous = Client()
    assert anonymous.get("/api/v1/schema/").status_code == 401
    assert anonymous.get("/api/v1/schema/?format=json").status_code == 401
    docs = anonymous.get(reverse("api-docs"))
    assert docs.status_code == 302
    assert docs["Location"].startswith(reverse("login"))
    schema = token_client(lpa_a).get("/api/v1/schema/?format=json")
    assert schema.status_code == 200
    assert "/api/v1/meldingen/" in schema.json()["paths"]


# --- The API's errors are Dutch ----------------------------------------------------------------

ENGLISH = re.compile(
    r"\b(not|found|no|matches|query|method|allowed|credentials|provided|permission|invalid)\b", re.I
)


def test_the_api_answers_404_and_other_errors_in_dutch(lpa_a, organisatie_a):
    client = token_client(lpa_a)
    teamleider = token_client(UserFactory(username="tl", organisatie=organisatie_a, role=Role.TEAMLEIDER))
    answers = {
        "missing record": client.get("/api/v1/meldingen/987654321/"),
        "missing jongere": client.get("/api/v1/jongeren/987654321/"),
        "unknown address": client.get("/api/v1/bestaat-niet/"),
        "wrong method": client.put("/api/v1/tokens/", {}, format="json"),
        "no login": APIClient().get("/api/v1/meldingen/"),
        "no permission": teamleider.get("/api/v1/meldingen/"),
    }
    for what, response in answers.items():
        assert response["Content-Type"].startswith("application/json"), what
        detail = response.json()["detail"]
        assert not ENGLISH.search(detail), (what, detail)
    for what in ("missing record", "missing jongere", "unknown address"):
        assert answers[what].status_code == 404
        assert answers[what].json()["detail"] == (
            "Niet gevonden. Het bestaat niet, of het hoort niet bij uw organisatie."
        )


# --- X-Request-ID is a bounded token of safe characters -----------------------------------------


@pytest.mark.parametrize(
    "offered",
    ["<script>alert(1)</script>", "a b", "regel\r\nnep", "x" * 33, "ä" * 10, "id;drop", ""],
)
def test_an_unsafe_or_long_request_id_is_replaced_by_a_fresh_one(offered, lpa_a, jongere_a):
    client = Client()
    client.force_login(lpa_a)
    client.get(reverse("dossier", args=[jongere_a.dossier.pk]), HTTP_X_REQUEST_ID=offered)
    entry = AuditEntry.objects.get(gebruiker_id=lpa_a.pk)
    assert entry.trace_id != offered[:32]
    assert re.fullmatch(r"[0-9a-f]{32}", entry.trace_id)


def test_a_proxy_request_id_is_kept(lpa_a, jongere_a):
    client = Client()
    client.force_login(lpa_a)
    nginx_id = "4f1c2b9a0d8e7f6a5b4c3d2e1f0a9b8c"
    client.get(reverse("dossier", args=[jongere_a.dossier.pk]), HTTP_X_REQUEST_ID=nginx_id)
    assert AuditEntry.objects.get(gebruiker_id=lpa_a.pk).trace_id == nginx_id


# --- The reverse-proxy examples allow at least the import limit -------------------------------

SIZE = re.compile(r"(?:client_max_body_size|proxy-body-size:)\s+(\d+)([kmg])", re.I)
UNIT = {"k": 1024, "m": 1024**2, "g": 1024**3}


def test_the_reverse_proxy_examples_allow_the_import_limit():
    found = []
    for doc in ("docs/operations.md", "docs/deployment.md"):
        text = Path(settings.BASE_DIR, doc).read_text()
        found += [(doc, int(n) * UNIT[unit.lower()]) for n, unit in SIZE.findall(text)]
    assert len(found) >= 2, found
    for doc, size in found:
        assert size > MAX_UPLOAD_BYTES, (doc, size)


# --- PDFs refuse every URL without crashing ---------------------------------------------------


def _png() -> bytes:
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00"))
        + chunk(b"IEND", b"")
    )


@pytest.fixture
def local_image(tmp_path) -> str:
    """A file the worker could read if the PDF fetched URLs."""
    path = tmp_path / "geheim.png"
    path.write_bytes(_png())
    return path.as_uri()


def images_in(pdf: bytes, tmp_path) -> int:
    target = tmp_path / "uit.pdf"
    target.write_bytes(pdf)
    listing = subprocess.run(["pdfimages", "-list", str(target)], capture_output=True, text=True, check=True)  # noqa: S603, S607
    return len(listing.stdout.strip().splitlines()) - 2  # two header lines


def html_with_urls(image_uri: str) -> str:
    return (
        f'<html><head><link rel="stylesheet" href="http://127.0.0.1:9/x.css"></head><body>'
        f'<p>Tekst</p><img src="{image_uri}" style="width:40px"><img src="http://127.0.0.1:9/x.png">'
        f"</body></html>"
    )


def test_the_image_check_sees_a_fetched_image(local_image, tmp_path):
    """The check below is real: WeasyPrint's default fetcher puts the local file in the PDF."""
    from weasyprint import HTML

    assert images_in(HTML(string=html_with_urls(local_image)).write_pdf(), tmp_path) == 1


def test_a_letter_refuses_every_url_without_crashing(local_image, tmp_path):
    from cases.letters.pdf import render_letter_pdf

    pdf = render_letter_pdf(html_with_urls(local_image))
    assert pdf.startswith(b"%PDF")
    assert images_in(pdf, tmp_path) == 0


def test_the_jaarverslag_pdf_refuses_every_url_without_crashing(local_image, tmp_path, monkeypatch):
    from reporting.renderers import pdf as jaarverslag_pdf

    monkeypatch.setattr(
        jaarverslag_pdf, "render_html", lambda report, databasis="": html_with_urls(local_image)
    )
    result = jaarverslag_pdf.render_pdf(report=None)
    assert result.content.startswith(b"%PDF")
    assert result.pages == 1
    assert images_in(result.content, tmp_path) == 0


def test_the_inzageverzoek_pdf_refuses_every_url(local_image, tmp_path, monkeypatch, jongere_a):
    from cases.privacy import inzage

    monkeypatch.setattr(inzage, "render_to_string", lambda template, context: html_with_urls(local_image))
    pdf = inzage.render_inzage_pdf(jongere_a)
    assert pdf.startswith(b"%PDF")
    assert images_in(pdf, tmp_path) == 0


# --- Forms shown again after a refused POST log the read ---------------------------------------


def test_melding_wijzigen_shown_again_after_a_refused_post_is_logged(lpa_a, jongere_a):
    melding = MeldingFactory(dossier=jongere_a.dossier, behandelaar=lpa_a)
    client = Client()
    client.force_login(lpa_a)
    response = client.post(reverse("melding_wijzigen", args=[melding.pk]), {"soort": "bestaat-niet"})
    assert response.status_code == 200  # the form again, with the errors
    assert jongere_a.achternaam in response.content.decode()
    entry = AuditEntry.objects.get(gebruiker_id=lpa_a.pk)
    assert (entry.actie, entry.jongere_id) == (AuditAction.INZIEN, jongere_a.pk)


def test_vrijstelling_nieuw_shown_again_after_a_refused_post_is_logged(lpa_a, jongere_a):
    client = Client()
    client.force_login(lpa_a)
    response = client.post(reverse("vrijstelling_nieuw", args=[jongere_a.dossier.pk]), {"grondslag": "x"})
    assert response.status_code == 200
    assert jongere_a.achternaam in response.content.decode()
    entry = AuditEntry.objects.get(gebruiker_id=lpa_a.pk)
    assert (entry.actie, entry.jongere_id) == (AuditAction.INZIEN, jongere_a.pk)


# --- A doorstroomcoach reads leerplicht history only after overdracht ------------------------


def test_a_doorstroomcoach_does_not_open_the_melding_of_a_nine_year_old(organisatie_a, lpa_a):
    coach = UserFactory(username="coach", organisatie=organisatie_a, role=Role.DOORSTROOMCOACH)
    kind = JongereFactory(organisatie=organisatie_a, geboortedatum=years_ago(9))
    melding = MeldingFactory(dossier=kind.dossier, behandelaar=lpa_a, leeftijd=9)
    page = Client()
    page.force_login(coach)
    api = token_client(coach)
    assert page.get(reverse("melding", args=[melding.pk])).status_code == 404
    assert api.get(f"/api/v1/meldingen/{melding.pk}/").status_code == 404
    assert melding.pk not in {m["id"] for m in api.get("/api/v1/meldingen/").json()["results"]}
    # the leerplichtambtenaar still does
    assert token_client(lpa_a).get(f"/api/v1/meldingen/{melding.pk}/").status_code == 200
    assert not AuditEntry.objects.filter(gebruiker_id=coach.pk, jongere_id=kind.pk).exists()


def test_after_overdracht_the_coach_reads_the_leerplicht_history(organisatie_a, lpa_a):
    coach = UserFactory(username="coach", organisatie=organisatie_a, role=Role.DOORSTROOMCOACH)
    volwassene = JongereFactory(organisatie=organisatie_a, geboortedatum=years_ago(18, days=10))
    melding = MeldingFactory(dossier=volwassene.dossier, behandelaar=lpa_a, leeftijd=16)
    api = token_client(coach)
    assert api.get(f"/api/v1/meldingen/{melding.pk}/").status_code == 404
    TrajectFactory(dossier=volwassene.dossier, behandelaar=coach)
    assert api.get(f"/api/v1/meldingen/{melding.pk}/").status_code == 200
