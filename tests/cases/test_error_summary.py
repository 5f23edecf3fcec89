"""One error summary per page (issue 19 item 3): a form's error that belongs to no single field
is shown in the shared summary at the top (templates/includes/foutoverzicht.html), not a second
time in a box of the page's own."""

import pytest
from django.urls import reverse

from cases.ouders.services import ouder_toevoegen
from tests.cases.test_ouder_views import FORM

pytestmark = pytest.mark.django_db


def test_a_stale_save_shows_its_message_once_in_the_summary(client, lpa_a, jongere_a):
    ouder = ouder_toevoegen(actor=lpa_a, jongere=jongere_a, voornamen="Maria", achternaam="Visser")
    client.force_login(lpa_a)
    url = reverse("ouder_bewerken", args=[ouder.pk])
    assert client.post(url, {**FORM, "versie": 1, "telefoon": "0791111111"}).status_code == 302

    page = client.post(url, {**FORM, "versie": 1, "telefoon": "0792222222"}).content.decode()

    assert page.count('role="alert"') == 1
    assert page.count("Iemand anders heeft dit intussen gewijzigd") == 1
    summary = page[page.index('id="foutoverzicht"') : page.index("</div>", page.index('id="foutoverzicht"'))]
    assert "Iemand anders heeft dit intussen gewijzigd" in summary
