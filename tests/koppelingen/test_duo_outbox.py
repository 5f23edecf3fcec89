"""Status back to DUO through the outbox, sent by a real Celery worker to a loopback stand-in
that speaks HTTPS with mutual TLS; the first send fails, the retry delivers it exactly once."""

import pytest

from cases.constants import Codelijst
from koppelingen import services as inbox
from koppelingen.constants import DuoStatus, UitberichtStatus
from koppelingen.duo import service
from koppelingen.models import Signaal, Uitbericht
from leerplicht import services as leerplicht_services
from leerplicht.constants import Fase
from leerplicht.models import Melding
from tests.koppelingen.pki import make_pki
from tests.koppelingen.standin import DuoStandin
from tests.reporting.worker import Worker, purge_queue, wait_for

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def workers(tmp_path, transactional_db):
    started = []

    def start(**env):
        worker = Worker(tmp_path / f"worker-{len(started) + 1}.log", **env)
        started.append(worker)
        return worker.start()

    purge_queue()
    yield start
    for worker in started:
        worker.stop()
    purge_queue()


def _verstuurd(bericht_pk):
    def check():
        return Uitbericht.objects.get(pk=bericht_pk).toestand == UitberichtStatus.VERSTUURD

    return check


def test_leaving_waarnemen_sends_in_behandeling_once_even_when_the_first_send_fails(
    org, lpa, drie_meldingen, workers, tmp_path
):
    pki = make_pki(tmp_path / "pki")
    with DuoStandin(pki, fail_next=1) as duo:
        worker = workers(
            DUO_VERZUIM_URL=duo.url,
            DUO_VERZUIM_CERT=pki.client_cert,
            DUO_VERZUIM_KEY=pki.client_key,
            DUO_VERZUIM_CA=pki.ca,
            KOPPELINGEN_RETRY_DELAY=0.5,
        )
        service.document_verwerken(organisatie=org, inhoud=drie_meldingen, via="upload")
        for signaal in Signaal.objects.all():
            inbox.signaal_accepteren(actor=lpa, signaal_id=signaal.pk)
        assert Uitbericht.objects.count() == 0  # a new melding is not news for DUO

        melding = Melding.objects.get(duo_meldingnummer="VM-2026-0001")
        melding = leerplicht_services.melding_transition(
            actor=lpa, melding_id=melding.pk, versie=melding.versie, naar=Fase.ANALYSEREN
        )
        bericht = Uitbericht.objects.get()
        assert (bericht.duo_meldingnummer, bericht.duo_status) == ("VM-2026-0001", DuoStatus.IN_BEHANDELING)

        wait_for(_verstuurd(bericht.pk), timeout=60, message=f"not sent:\n{worker.output()}")
        bericht.refresh_from_db()
        assert bericht.pogingen == 2
        assert len(duo.pogingen) == 2  # the 503, then the retry
        assert [(m["meldingnummer"], m["status"]) for m in duo.ontvangen] == [
            ("VM-2026-0001", "in_behandeling")
        ]

        # Back to Waarnemen and forward again: DUO already knows; nothing new in the outbox.
        melding = leerplicht_services.melding_transition(
            actor=lpa, melding_id=melding.pk, versie=melding.versie, naar=Fase.WAARNEMEN, reden="Te vroeg"
        )
        melding = leerplicht_services.melding_transition(
            actor=lpa, melding_id=melding.pk, versie=melding.versie, naar=Fase.ANALYSEREN
        )
        assert Uitbericht.objects.count() == 1

        # Closing sends "afgesloten" with the reason mapped from the result.
        resultaat = org.codes.get(lijst=Codelijst.RESULTAAT_RELATIEF, label="Naar school")
        leerplicht_services.melding_transition(
            actor=lpa,
            melding_id=melding.pk,
            versie=melding.versie,
            naar=Fase.AFGESLOTEN,
            reden="Weer naar school",
            resultaat=resultaat,
        )
        afgesloten = Uitbericht.objects.get(duo_status=DuoStatus.AFGESLOTEN)
        wait_for(_verstuurd(afgesloten.pk), timeout=60, message=f"not sent:\n{worker.output()}")
        assert [(m["status"], m["reden"]) for m in duo.ontvangen] == [
            ("in_behandeling", ""),
            ("afgesloten", "terug_naar_school"),
        ]
    # The luxe melding never left Waarnemen: nothing was sent for it.
    assert not Uitbericht.objects.filter(duo_meldingnummer="VM-2026-0002").exists()
