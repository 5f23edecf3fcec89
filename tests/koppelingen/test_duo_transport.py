"""The two transports of DUO verzuimmeldingen: HTTPS with mutual TLS and a watched directory."""

import json

import pytest

from koppelingen.constants import RunStatus, UitberichtStatus
from koppelingen.duo import service
from koppelingen.models import Signaal, Uitbericht
from tests.koppelingen.pki import make_pki
from tests.koppelingen.standin import DuoStandin

pytestmark = pytest.mark.django_db


@pytest.fixture
def pki(tmp_path):
    return make_pki(tmp_path / "pki")


def test_fetching_over_mutual_tls_fills_the_inbox(settings, org, pki, drie_meldingen):
    with DuoStandin(pki, document=json.loads(drie_meldingen)) as duo:
        settings.DUO_VERZUIM_URL = duo.url
        settings.DUO_VERZUIM_CERT, settings.DUO_VERZUIM_KEY = str(pki.client_cert), str(pki.client_key)
        settings.DUO_VERZUIM_CA = str(pki.ca)
        settings.DUO_VERZUIM_ORGANISATIE = org.slug
        [run] = service.ophalen()
        assert (run.status, run.via, run.nieuw) == (RunStatus.GESLAAGD, "http", 2)
        [again] = service.ophalen()
        assert again.nieuw == 0
    assert Signaal.objects.count() == 2


def test_a_certificate_duo_does_not_trust_is_refused_with_a_dutch_message(settings, org, pki, drie_meldingen):
    with DuoStandin(pki, document=json.loads(drie_meldingen)) as duo:
        settings.DUO_VERZUIM_URL = duo.url
        settings.DUO_VERZUIM_CERT = str(pki.other_client_cert)
        settings.DUO_VERZUIM_KEY = str(pki.other_client_key)
        settings.DUO_VERZUIM_CA = str(pki.ca)
        settings.DUO_VERZUIM_ORGANISATIE = org.slug
        [run] = service.ophalen()
    assert run.status == RunStatus.MISLUKT
    assert run.fout in (
        "De beveiligde verbinding met DUO is mislukt: controleer het certificaat en de CA.",
        "DUO is niet bereikbaar op het ingestelde adres.",
    )
    assert Signaal.objects.count() == 0


def test_an_unreachable_duo_is_a_dutch_error_not_a_crash(settings, org):
    settings.DUO_VERZUIM_URL = "https://127.0.0.1:9"  # discard port: nothing listens
    settings.DUO_VERZUIM_CERT = "/dev/null"
    settings.DUO_VERZUIM_ORGANISATIE = org.slug
    settings.DUO_TIMEOUT = 2
    [run] = service.ophalen()
    assert run.status == RunStatus.MISLUKT
    assert "DUO" in run.fout and "Traceback" not in run.fout


def test_the_watched_directory_is_read_and_status_messages_are_written_as_files(
    settings, org, lpa, tmp_path, drie_meldingen
):
    inbox_dir, out_dir = tmp_path / "duo-in", tmp_path / "duo-uit"
    inbox_dir.mkdir()
    (inbox_dir / "week48.json").write_bytes(drie_meldingen)
    settings.DUO_VERZUIM_MAP, settings.DUO_VERZUIM_UITMAP = str(inbox_dir), str(out_dir)
    settings.DUO_VERZUIM_ORGANISATIE = org.slug
    [run] = service.ophalen()
    assert (run.via, run.nieuw) == ("map", 2)

    bericht = Uitbericht.objects.create(
        organisatie=org, duo_meldingnummer="VM-2026-0001", duo_status="in_behandeling"
    )
    assert service.uitbericht_versturen(bericht_id=bericht.pk)
    written = json.loads((out_dir / f"{bericht.sleutel}.json").read_text())
    assert (written["meldingnummer"], written["status"]) == ("VM-2026-0001", "in_behandeling")
    bericht.refresh_from_db()
    assert bericht.toestand == UitberichtStatus.VERSTUURD


def test_without_a_connection_a_message_waits_and_says_why(settings, org):
    settings.DUO_VERZUIM_URL = settings.DUO_VERZUIM_MAP = ""
    settings.KOPPELINGEN_MAX_POGINGEN = 2
    bericht = Uitbericht.objects.create(
        organisatie=org, duo_meldingnummer="VM-1", duo_status="in_behandeling"
    )
    assert not service.uitbericht_versturen(bericht_id=bericht.pk)
    bericht.refresh_from_db()
    assert (bericht.toestand, bericht.laatste_fout) == (
        UitberichtStatus.TE_VERSTUREN,
        "Er is geen verbinding met DUO ingesteld.",
    )
    assert not service.uitbericht_versturen(bericht_id=bericht.pk)
    bericht.refresh_from_db()
    assert (bericht.toestand, bericht.pogingen) == (UitberichtStatus.MISLUKT, 2)
