from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cases.constants import ActieSoort
from cases.models import Toewijzing
from cases.ouders.services import ouder_toevoegen
from leerplicht.services import melding_transition
from tests.factories import ActieFactory, MeldingFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_dossier_shows_personal_data_status_and_timeline_newest_first(client, lpa_a, jongere_a):
    ActieFactory(
        dossier=jongere_a.dossier, soort=ActieSoort.VERZUIMGESPREK, datum=date(2025, 9, 1), gebruiker=lpa_a
    )
    ActieFactory(
        dossier=jongere_a.dossier, soort=ActieSoort.HUISBEZOEK, datum=date(2025, 10, 1), gebruiker=lpa_a
    )
    client.force_login(lpa_a)
    page = client.get(reverse("dossier", args=[jongere_a.dossier.pk])).content.decode()
    assert jongere_a.bsn in page
    assert "17-05-2012" in page
    assert "Leerplichtig" in page  # born 2012: leerplichtig until the end of schooljaar 2027-2028
    timeline = page[page.index('<ol class="app-timeline">') :]
    assert timeline.index("Huisbezoek") < timeline.index("Verzuimgesprek")


def test_recording_an_action_puts_it_on_the_timeline(client, lpa_a, jongere_a):
    client.force_login(lpa_a)
    response = client.post(
        reverse("actie_toevoegen", args=[jongere_a.dossier.pk]),
        {"soort": ActieSoort.FORMELE_WAARSCHUWING, "datum": "2025-11-03", "omschrijving": "Brief verstuurd."},
        follow=True,
    )
    page = response.content.decode()
    assert "De actie is vastgelegd." in page
    assert "Formele waarschuwing / waarschuwingsbrief" in page and "03-11-2025" in page
    assert jongere_a.dossier.acties.get().gebruiker == lpa_a


def test_an_action_in_the_future_is_refused_in_dutch(client, lpa_a, jongere_a):
    client.force_login(lpa_a)
    tomorrow = (date.today() + timedelta(days=1)).isoformat()
    response = client.post(
        reverse("actie_toevoegen", args=[jongere_a.dossier.pk]),
        {"soort": ActieSoort.HUISBEZOEK, "datum": tomorrow},
        follow=True,
    )
    assert "kan niet in de toekomst liggen" in response.content.decode()
    assert not jongere_a.dossier.acties.exists()


def test_dossier_page_query_count_does_not_grow_with_the_timeline(client, lpa_a, jongere_a):
    client.force_login(lpa_a)
    url = reverse("dossier", args=[jongere_a.dossier.pk])
    ActieFactory.create_batch(2, dossier=jongere_a.dossier, gebruiker=lpa_a)
    client.get(url)  # warm up the session
    with CaptureQueriesContext(connection) as small:
        client.get(url)
    ActieFactory.create_batch(30, dossier=jongere_a.dossier, gebruiker=lpa_a)
    with CaptureQueriesContext(connection) as large:
        client.get(url)
    assert len(large.captured_queries) == len(small.captured_queries)


def test_the_dossier_page_names_who_did_what_without_reading_their_password_hashes(client, lpa_a, jongere_a):
    # The timeline names the user of every line ("door", "toegewezen aan"). It used to read each of
    # those users' whole row, password hash included, for a name.
    collega = UserFactory(organisatie=lpa_a.organisatie, first_name="Karin", last_name="de Vries")
    dossier = jongere_a.dossier
    ActieFactory(dossier=dossier, soort=ActieSoort.HUISBEZOEK, gebruiker=collega)
    ouder_toevoegen(
        actor=collega, jongere=jongere_a, voornamen="Maria", achternaam="Visser", relatie="moeder"
    )
    melding = MeldingFactory(dossier=dossier)
    melding_transition(actor=collega, melding_id=melding.pk, versie=melding.versie, naar="analyseren")
    Toewijzing.objects.create(
        organisatie=lpa_a.organisatie, dossier=dossier, onderwerp="melding", object_id=melding.pk,
        naar=lpa_a, door=collega,
    )  # fmt: skip
    client.force_login(lpa_a)
    client.get(reverse("dossier", args=[dossier.pk]))  # warm up the session
    with CaptureQueriesContext(connection) as captured:
        page = client.get(reverse("dossier", args=[dossier.pk])).content.decode()

    timeline = page[page.index('<ol class="app-timeline">') :]
    assert timeline.count("Karin de Vries") == 4  # the action, the ouder, the phase, the assignment
    assert "toegewezen aan " + lpa_a.get_full_name() in timeline
    # Any alias: a second or third join of cases_user is "T3", "T4" in Django's SQL.
    reading_hashes = [
        q["sql"]
        for q in captured.captured_queries
        if '."password"' in q["sql"] and not q["sql"].split(" FROM ", 1)[1].startswith('"cases_user"')
    ]
    assert reading_hashes == []  # only the logged-in user's own row (the session check) has it


def test_unknown_page_answers_in_dutch_without_echoing_the_url(client, lpa_a):
    client.force_login(lpa_a)
    response = client.get("/bestaat-niet-123456782/")
    assert response.status_code == 404
    page = response.content.decode()
    assert "Niet gevonden" in page and "123456782" not in page


def test_a_refused_action_keeps_what_was_typed_with_an_error_summary(client, lpa_a, jongere_a):
    # Before: a redirect that emptied and collapsed the form. Now the page comes back with the
    # form open, the typed text in it, and a summary at the top linking to the field.
    client.force_login(lpa_a)
    tomorrow = (date.today() + timedelta(days=1)).isoformat()
    response = client.post(
        reverse("actie_toevoegen", args=[jongere_a.dossier.pk]),
        {"soort": ActieSoort.HUISBEZOEK, "datum": tomorrow, "omschrijving": "Moeder sprak over pesten."},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Moeder sprak over pesten." in page
    assert f'value="{tomorrow}"' in page
    assert '<details class="app-form-row" open>' in page
    summary = page[page.index('id="foutoverzicht"') : page.index("</div>", page.index('id="foutoverzicht"'))]
    assert "Controleer uw invoer: er is 1 probleem" in summary
    assert 'href="#id_datum"' in summary and "kan niet in de toekomst liggen" in summary
    assert 'tabindex="-1"' in summary
    assert not jongere_a.dossier.acties.exists()


def test_no_error_summary_on_a_page_without_errors(client, lpa_a, jongere_a):
    client.force_login(lpa_a)
    assert (
        'id="foutoverzicht"'
        not in client.get(reverse("dossier", args=[jongere_a.dossier.pk])).content.decode()
    )
