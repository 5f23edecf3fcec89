"""Pages of meldingen: registration, the werkvoorraad, isolation, query budgets, concurrency."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cases.models import AuditEntry, Inschrijving
from cases.tasks import termijnen_signaleren
from leerplicht.models import Melding
from tests.factories import JongereFactory, MeldingFactory, SchoolFactory

pytestmark = pytest.mark.django_db


def registration(org, **overrides):
    gemeente = org.gemeenten.first()
    data = {
        "jongere-bsn": "",
        "jongere-voornamen": "Yara",
        "jongere-achternaam": "de Vries",
        "jongere-geboortedatum": "2011-04-02",
        "jongere-woongemeente": gemeente.pk,
        "soort": "relatief_wettelijk",
        "ontvangen_op": "2025-10-06",
        "verzuim_van": "2025-09-08",
        "verzuim_tot": "2025-10-03",
        "uren_verzuim": "22",
    }
    data.update(overrides)
    return data


def test_medewerker_registers_a_melding_for_a_new_jongere(client, org, medewerker):
    client.force_login(medewerker)
    response = client.post(reverse("melding_nieuw"), registration(org), follow=True)
    page = response.content.decode()
    assert "De melding is geregistreerd." in page
    melding = Melding.objects.get()
    assert (melding.soort, melding.fase, melding.uren_verzuim, melding.leeftijd) == (
        "relatief_wettelijk",
        "waarnemen",
        22,
        14,
    )
    assert melding.dossier.jongere.volledige_naam == "Yara de Vries"
    assert melding.geregistreerd_door == medewerker
    # a medewerker registers but does not decide: no phase buttons
    assert "Naar Analyseren" not in page


def test_questioned_input_is_shown_and_only_saved_after_confirmation(client, org, lpa):
    client.force_login(lpa)
    data = registration(org, uren_verzuim="10")
    page = client.post(reverse("melding_nieuw"), data).content.decode()
    assert "16 uur of meer in 4 weken; hier staat 10 uur" in page
    assert not Melding.objects.exists()
    client.post(reverse("melding_nieuw"), {**data, "bevestigd": "on"})
    assert Melding.objects.get().uren_verzuim == 10


def test_absoluut_verzuim_for_an_enrolled_jongere_is_questioned(client, org, lpa):
    jongere = JongereFactory(organisatie=org)
    Inschrijving.objects.create(
        jongere=jongere, school=SchoolFactory(), onderwijssoort="vmbo", van=date(2024, 8, 1)
    )
    client.force_login(lpa)
    url = reverse("melding_nieuw") + f"?dossier={jongere.dossier.pk}"
    page = client.post(url, {"soort": "absoluut", "ontvangen_op": "2025-10-06"}).content.decode()
    assert "staat op de ontvangstdatum ingeschreven op een school" in page
    assert not Melding.objects.exists()


def test_a_received_date_in_the_future_is_refused(client, org, lpa):
    client.force_login(lpa)
    tomorrow = (date.today() + timedelta(days=1)).isoformat()
    page = client.post(reverse("melding_nieuw"), registration(org, ontvangen_op=tomorrow)).content.decode()
    assert "De ontvangstdatum ligt in de toekomst" in page
    assert not Melding.objects.exists()


def test_a_known_bsn_attaches_to_the_existing_dossier_and_checks_the_birth_date(client, org, lpa):
    jongere = JongereFactory(organisatie=org, geboortedatum=date(2011, 4, 2))
    client.force_login(lpa)
    page = client.post(
        reverse("melding_nieuw"),
        registration(org, **{"jongere-bsn": jongere.bsn, "jongere-geboortedatum": "2011-04-03"}),
    ).content.decode()
    assert "Bij dit BSN hoort een andere geboortedatum" in page
    client.post(reverse("melding_nieuw"), registration(org, **{"jongere-bsn": jongere.bsn}))
    assert Melding.objects.get().dossier == jongere.dossier


def test_an_invalid_bsn_gets_the_elfproef_message(client, org, lpa):
    client.force_login(lpa)
    page = client.post(
        reverse("melding_nieuw"), registration(org, **{"jongere-bsn": "123456789"})
    ).content.decode()
    assert "voldoet aan de elfproef" in page


def test_werkvoorraad_shows_deadlines_and_signals(client, org, lpa):
    today = date.today()
    overdue = MeldingFactory(
        dossier=JongereFactory(organisatie=org, achternaam="Laat").dossier,
        behandelaar=lpa,
        ontvangen_op=today - timedelta(days=30),
        verzuim_van=today - timedelta(days=35),
    )
    fresh = MeldingFactory(
        dossier=JongereFactory(organisatie=org, achternaam="Vers").dossier,
        behandelaar=lpa,
        soort="zorg",
        ontvangen_op=today - timedelta(days=1),
        verzuim_van=None,
    )
    MeldingFactory(
        dossier=JongereFactory(organisatie=org, achternaam="Dicht").dossier,
        behandelaar=lpa,
        afgesloten=True,
        ontvangen_op=today - timedelta(days=60),
    )
    termijnen_signaleren.apply()  # the daily job stores the deadline signals
    client.force_login(lpa)
    page = client.get(reverse("werkvoorraad")).content.decode()
    assert "2 open meldingen" in page
    assert "Dicht" not in page
    row_overdue = page[page.index("Laat") : page.index("</tr>", page.index("Laat"))]
    assert "Termijn verstreken" in row_overdue and "Mogelijk thuiszitter" in row_overdue
    row_fresh = page[page.index("Vers") : page.index("</tr>", page.index("Vers"))]
    assert "Termijn verstreken" not in row_fresh
    assert (overdue.ontvangen_op + timedelta(days=10)).strftime("%d-%m-%Y") in row_overdue
    assert fresh.pk


def test_werkvoorraad_filters_by_soort_and_defaults_to_own_work(client, org, lpa, medewerker):
    from tests.factories import UserFactory

    collega = UserFactory(username="collega", organisatie=org, role="leerplichtambtenaar")
    MeldingFactory(dossier=JongereFactory(organisatie=org, achternaam="Eigen").dossier, behandelaar=lpa)
    MeldingFactory(
        dossier=JongereFactory(organisatie=org, achternaam="Ander").dossier, behandelaar=collega, soort="luxe"
    )
    client.force_login(lpa)
    own = client.get(reverse("werkvoorraad")).content.decode()
    assert "Eigen" in own and "Ander" not in own
    team = client.get(reverse("werkvoorraad"), {"behandelaar": ""}).content.decode()
    assert "Eigen" in team and "Ander" in team
    luxe = client.get(reverse("werkvoorraad"), {"behandelaar": "", "soort": "luxe"}).content.decode()
    assert "Ander" in luxe and "Eigen" not in luxe


def test_werkvoorraad_filter_lists_a_new_colleague_at_once(client, org, lpa):
    # The option lists come from a cache; adding a leerplichtambtenaar renews them.
    from tests.factories import UserFactory

    client.force_login(lpa)
    assert "Kees Nieuw" not in client.get(reverse("werkvoorraad")).content.decode()
    kees = UserFactory(organisatie=org, first_name="Kees", last_name="Nieuw", role="leerplichtambtenaar")
    page = client.get(reverse("werkvoorraad")).content.decode()
    assert f'<option value="{kees.pk}">Kees Nieuw</option>' in page
    MeldingFactory(dossier=JongereFactory(organisatie=org, achternaam="VanKees").dossier, behandelaar=kees)
    assert "Sam VanKees</a>" in client.get(reverse("werkvoorraad"), {"behandelaar": kees.pk}).content.decode()
    kees.groups.clear()
    assert "Kees Nieuw" not in client.get(reverse("werkvoorraad")).content.decode()
    # No longer a leerplichtambtenaar: choosing him is refused with a message at the field.
    refused = client.get(reverse("werkvoorraad"), {"behandelaar": kees.pk}).content.decode()
    assert "Selecteer een geldige keuze" in refused


def test_werkvoorraad_refuses_a_behandelaar_of_another_organisation(client, org, lpa, lpa_b):
    client.force_login(lpa)
    page = client.get(reverse("werkvoorraad"), {"behandelaar": lpa_b.pk}).content.decode()
    assert "Selecteer een geldige keuze" in page


def test_werkvoorraad_filters_by_school_name_or_brin(client, org, lpa):
    regenboog = SchoolFactory(naam="Basisschool De Regenboog", brin="12AB", vestiging="00")
    nevenvestiging = SchoolFactory(naam="Basisschool De Regenboog", brin="12AB", vestiging="01")
    college = SchoolFactory(naam="Erasmus College", brin="34CD", vestiging="00")
    for school, achternaam in ((regenboog, "Hoofd"), (nevenvestiging, "Neven"), (college, "Erasmus")):
        MeldingFactory(dossier=JongereFactory(organisatie=org, achternaam=achternaam).dossier, school=school)
    client.force_login(lpa)

    def names(school):
        page = client.get(reverse("werkvoorraad"), {"behandelaar": "", "school": school}).content.decode()
        return {n for n in ("Hoofd", "Neven", "Erasmus") if f"Sam {n}</a>" in page}

    assert names("regenboog") == {"Hoofd", "Neven"}
    assert names("12ab") == {"Hoofd", "Neven"}
    assert names("12AB01") == {"Neven"}
    assert names("erasmus") == {"Erasmus"}
    assert names("Montessori") == set()


@pytest.mark.parametrize("url_name", ["werkvoorraad"])
def test_werkvoorraad_query_count_does_not_grow(client, org, lpa, url_name):
    client.force_login(lpa)

    def count_queries():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(reverse(url_name), {"behandelaar": ""}).status_code == 200
        return len(ctx.captured_queries)

    MeldingFactory.create_batch(5, dossier=factory_dossier(org), behandelaar=lpa)
    client.get(reverse(url_name))
    small = count_queries()
    for _ in range(45):
        MeldingFactory(dossier=factory_dossier(org), behandelaar=lpa, school=SchoolFactory())
    assert count_queries() == small


def factory_dossier(org):
    return JongereFactory(organisatie=org).dossier


def test_dossier_page_query_count_does_not_grow_with_meldingen(client, org, lpa):
    jongere = JongereFactory(organisatie=org)
    client.force_login(lpa)
    url = reverse("dossier", args=[jongere.dossier.pk])
    MeldingFactory.create_batch(5, dossier=jongere.dossier)
    client.get(url)
    with CaptureQueriesContext(connection) as small:
        client.get(url)
    MeldingFactory.create_batch(45, dossier=jongere.dossier)
    with CaptureQueriesContext(connection) as large:
        page = client.get(url).content.decode()
    assert len(large.captured_queries) == len(small.captured_queries)
    assert page.count("Relatief verzuim (wettelijk)</a>") == 50


def test_melding_of_another_organisation_is_404(client, org, lpa, lpa_b, organisatie_b):
    melding = MeldingFactory(dossier=JongereFactory(organisatie=org).dossier)
    client.force_login(lpa_b)
    for name in ("melding", "melding_wijzigen"):
        assert client.get(reverse(name, args=[melding.pk])).status_code == 404
    response = client.post(reverse("melding_fase", args=[melding.pk]), {"naar": "analyseren", "versie": 1})
    assert response.status_code == 404
    melding.refresh_from_db()
    assert melding.fase == "waarnemen"


def test_opening_a_melding_is_logged(client, org, lpa):
    melding = MeldingFactory(dossier=JongereFactory(organisatie=org).dossier)
    client.force_login(lpa)
    client.get(reverse("melding", args=[melding.pk]))
    assert (
        AuditEntry.objects.filter(
            actie="inzien", object_type="leerplicht.melding", object_id=melding.pk
        ).count()
        == 1
    )


def test_second_of_two_concurrent_edits_is_refused_and_the_first_is_kept(client, org, lpa):
    melding = MeldingFactory(dossier=JongereFactory(organisatie=org).dossier, uren_verzuim=20)
    form = {"soort": "relatief_wettelijk", "ontvangen_op": "2025-10-01", "versie": melding.versie}
    client.force_login(lpa)
    url = reverse("melding_wijzigen", args=[melding.pk])
    first = client.post(url, {**form, "uren_verzuim": "24", "toelichting": "Eerste"}, follow=True)
    assert "De wijzigingen zijn opgeslagen." in first.content.decode()
    second = client.post(url, {**form, "uren_verzuim": "30", "toelichting": "Tweede"})
    assert "Iemand anders heeft dit intussen gewijzigd" in second.content.decode()
    melding.refresh_from_db()
    assert (melding.uren_verzuim, melding.toelichting, melding.versie) == (24, "Eerste", 2)


def test_stale_phase_change_is_refused(client, org, lpa):
    melding = MeldingFactory(dossier=JongereFactory(organisatie=org).dossier)
    client.force_login(lpa)
    url = reverse("melding_fase", args=[melding.pk])
    client.post(url, {"naar": "analyseren", "versie": 1})
    page = client.post(url, {"naar": "analyseren", "versie": 1}, follow=True).content.decode()
    assert "Iemand anders heeft dit intussen gewijzigd" in page
    assert melding.transities.count() == 1


def test_dates_that_do_not_fit_the_jongere_or_the_closing_are_refused(client, org, lpa):
    melding = MeldingFactory(
        dossier=JongereFactory(organisatie=org, geboortedatum=date(2012, 5, 17)).dossier, afgesloten=True
    )
    client.force_login(lpa)
    url = reverse("melding_wijzigen", args=[melding.pk])
    form = {"soort": "relatief_wettelijk", "versie": melding.versie, "uren_verzuim": "20"}
    page = client.post(url, {**form, "ontvangen_op": "2012-01-01"}).content.decode()
    assert "voor de geboortedatum" in page
    page = client.post(url, {**form, "ontvangen_op": "2025-12-01"}).content.decode()
    assert "na de afsluitdatum (01-11-2025)" in page
    melding.refresh_from_db()
    assert melding.ontvangen_op == date(2025, 10, 1)
