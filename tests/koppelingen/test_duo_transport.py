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


def _drie_gemeenten() -> dict:
    from tests.koppelingen.documenten import DAAN, NOOR, duo_document, duo_melding

    anders = {**NOOR, "bsn": "111222357", "voornamen": "Mila"}
    return duo_document(
        duo_melding("VM-Z", NOOR, "16_uur", gemeentecode="GM0637", uren=17),
        duo_melding("VM-R", DAAN, "16_uur", gemeentecode="GM0957", uren=19),
        duo_melding("VM-X", anders, "luxe", gemeentecode="GM0599", dagen=2),
    )


def _verbind(settings, duo, pki):
    settings.DUO_VERZUIM_URL = duo.url
    settings.DUO_VERZUIM_CERT, settings.DUO_VERZUIM_KEY = str(pki.client_cert), str(pki.client_key)
    settings.DUO_VERZUIM_CA = str(pki.ca)


def test_each_fetched_melding_goes_to_the_organisation_of_the_woongemeente(settings, org, organisatie_b, pki):
    settings.DUO_VERZUIM_ORGANISATIE = ""
    with DuoStandin(pki, document=_drie_gemeenten()) as duo:
        _verbind(settings, duo, pki)
        runs = service.ophalen()
        again = service.ophalen()
    by_org = {run.organisatie: run for run in runs}
    assert (by_org[org].nieuw, by_org[organisatie_b].nieuw) == (1, 1)
    assert dict(Signaal.objects.values_list("extern_id", "organisatie__slug")) == {
        "VM-Z": "zoetermeer",
        "VM-R": "roermond",
    }
    # The melding for a gemeente nobody here serves is not lost silently: a Dutch error names the
    # gemeente (not the person), and it is not stored, so the next fetch offers it again.
    niemand = by_org[None]
    assert niemand.status == RunStatus.MISLUKT
    assert (
        "1 verzuimmelding(en) over jongeren in gemeenten die geen organisatie hier bedient (GM0599)"
        in niemand.fout
    )
    assert "Mila" not in niemand.fout and "111222357" not in niemand.fout
    assert sum(run.nieuw for run in again) == 0 and Signaal.objects.count() == 2


def test_duo_verzuim_organisatie_receives_the_uncovered_ones_on_its_doorsturen_list(
    settings, org, organisatie_b, pki
):
    settings.DUO_VERZUIM_ORGANISATIE = org.slug
    with DuoStandin(pki, document=_drie_gemeenten()) as duo:
        _verbind(settings, duo, pki)
        runs = service.ophalen()
    assert all(run.status == RunStatus.GESLAAGD for run in runs)
    signalen = {s.extern_id: s for s in Signaal.objects.select_related("organisatie")}
    assert (signalen["VM-X"].organisatie, signalen["VM-X"].doorsturen) == (org, True)
    assert (signalen["VM-Z"].organisatie, signalen["VM-Z"].doorsturen) == (org, False)
    assert (signalen["VM-R"].organisatie, signalen["VM-R"].doorsturen) == (organisatie_b, False)
