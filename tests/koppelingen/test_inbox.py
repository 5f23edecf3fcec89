"""The inbox's own rules: retention of the raw content and the gemeente restriction."""

from datetime import date, timedelta

import pytest
from django.urls import reverse

from cases.constants import Role
from koppelingen import services
from koppelingen.constants import SignaalStatus
from koppelingen.duo import service
from koppelingen.models import Signaal
from tests.factories import GemeenteFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_the_raw_content_of_handled_signals_is_emptied_after_the_retention_term(org, drie_meldingen):
    service.document_verwerken(organisatie=org, inhoud=drie_meldingen, via="upload")
    afgehandeld, wachtend = Signaal.objects.order_by("extern_id")
    Signaal.objects.filter(pk=afgehandeld.pk).update(status=SignaalStatus.AFGEWEZEN, afwijsreden="dubbel")
    later = date.today() + timedelta(days=5 * 365 + 1)
    assert services.bewaartermijn_toepassen(today=later) == 1
    assert services.bewaartermijn_toepassen(today=later) == 0
    afgehandeld.refresh_from_db()
    wachtend.refresh_from_db()
    assert afgehandeld.inhoud == {} and afgehandeld.afwijsreden == "dubbel"
    assert wachtend.inhoud["meldingnummer"] == "VM-2026-0002"  # still waiting: kept


def test_a_user_restricted_to_another_gemeente_sees_none_of_these_signals(client, org, drie_meldingen):
    andere = GemeenteFactory(code="GM1234", naam="Andersdorp")
    org.gemeenten.add(andere)
    beperkt = UserFactory(username="beperkt", organisatie=org, role=Role.LEERPLICHTAMBTENAAR)
    beperkt.gemeenten.add(andere)
    service.document_verwerken(organisatie=org, inhoud=drie_meldingen, via="upload")
    client.force_login(beperkt)
    assert "Te beoordelen (0)" in client.get(reverse("binnengekomen")).content.decode()
    assert client.get(reverse("signaal", args=[Signaal.objects.first().pk])).status_code == 404
