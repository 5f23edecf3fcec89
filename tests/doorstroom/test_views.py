from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from cases.constants import AuditAction, Codelijst, Verwerkingsactiviteit
from cases.models import AuditEntry
from doorstroom.constants import Doelgroep, Stap
from doorstroom.models import Traject
from tests.doorstroom.conftest import code
from tests.doorstroom.factories import TrajectFactory, years_ago
from tests.factories import JongereFactory

pytestmark = pytest.mark.django_db


def page(response) -> str:
    assert response.status_code == 200
    return response.content.decode()


def make_trajecten(org, count, **kwargs):
    return [
        TrajectFactory(dossier=JongereFactory(organisatie=org, geboortedatum=years_ago(19)).dossier, **kwargs)
        for _i in range(count)
    ]


def test_caseload_shows_the_team_and_filters_by_coach_doelgroep_and_step(client, coach, org):
    mine = TrajectFactory(
        dossier=JongereFactory(organisatie=org, voornamen="Mila", achternaam="Mijn").dossier,
        behandelaar=coach,
        stap=Stap.INTAKE_PLANNEN,
    )
    TrajectFactory(
        dossier=JongereFactory(organisatie=org, voornamen="Tom", achternaam="Team").dossier,
        doelgroep=Doelgroep.OUD_VSV,
    )
    client.force_login(coach)
    team = page(client.get(reverse("trajecten")))
    assert "2 trajecten" in team and "Mila Mijn" in team and "Tom Team" in team
    assert "Nog niet toegewezen" in team
    only_mine = page(client.get(reverse("trajecten"), {"behandelaar": "mij"}))
    assert "Mila Mijn" in only_mine and "Tom Team" not in only_mine
    oud = page(client.get(reverse("trajecten"), {"doelgroep": Doelgroep.OUD_VSV}))
    assert "Tom Team" in oud and "Mila Mijn" not in oud
    step = page(client.get(reverse("trajecten"), {"stap": Stap.INTAKE_PLANNEN}))
    assert "1 traject" in step and "Mila Mijn" in step
    assert mine.dossier.jongere.bsn not in team  # the list needs no BSN


def test_caseload_filters_by_gemeente(client, coach, organisatie_b):
    from cases.codelists import seed_codelists
    from tests.factories import UserFactory

    seed_codelists(organisatie_b)
    roermond, roerdalen = organisatie_b.gemeenten.order_by("code")
    user = UserFactory(username="coach-r", organisatie=organisatie_b, role="doorstroomcoach")
    for gemeente, naam in ((roermond, "Roer"), (roerdalen, "Dalen")):
        TrajectFactory(
            dossier=JongereFactory(organisatie=organisatie_b, achternaam=naam, woongemeente=gemeente).dossier
        )
    client.force_login(user)
    html = page(client.get(reverse("trajecten"), {"gemeente": roerdalen.pk}))
    assert "Dalen" in html and "Sam Roer" not in html


def test_caseload_logs_each_listed_jongere(client, coach, org):
    make_trajecten(org, 3)
    client.force_login(coach)
    client.get(reverse("trajecten"))
    entries = AuditEntry.objects.filter(actie=AuditAction.ZOEKEN)
    assert entries.count() == 3
    assert set(entries.values_list("doel", flat=True)) == {Verwerkingsactiviteit.BEGELEIDING_DOORSTROOMPUNT}


def test_caseload_queries_do_not_grow_with_the_number_of_trajecten(client, coach, org):
    client.force_login(coach)
    make_trajecten(org, 5, behandelaar=coach)
    client.get(reverse("trajecten"))  # warm up the session
    with CaptureQueriesContext(connection) as five:
        assert "5 trajecten" in page(client.get(reverse("trajecten")))
    make_trajecten(org, 45, behandelaar=coach, afgesloten=True, nazorg_gesignaleerd_op=timezone.localdate())
    with CaptureQueriesContext(connection) as fifty:
        html = page(client.get(reverse("trajecten")))
    assert "50 trajecten" in html and "Pagina 1 van 2" in html
    assert len(fifty.captured_queries) == len(five.captured_queries)


def test_another_organisations_traject_answers_404(client, coach, coach_b, org, org_b):
    traject = make_trajecten(org_b, 1)[0]
    client.force_login(coach)
    assert client.get(reverse("traject_detail", args=[traject.pk])).status_code == 404
    response = client.post(
        reverse("traject_stap", args=[traject.pk]), {"stap-versie": 1, "stap-naar": Stap.DOSSIER_CHECKEN}
    )
    assert response.status_code == 404
    assert Traject.objects.get().stap == Stap.SIGNALEREN
    assert "1 traject" not in page(client.get(reverse("trajecten")))


def test_a_leerplichtambtenaar_may_not_open_the_caseload(client, lpa):
    client.force_login(lpa)
    assert client.get(reverse("trajecten")).status_code == 403


def test_traject_page_shows_the_routekaart_and_logs_the_view(client, coach, volwassene):
    traject = TrajectFactory(dossier=volwassene.dossier, stap=Stap.DOELGROEP_VASTSTELLEN)
    client.force_login(coach)
    html = page(client.get(reverse("traject_detail", args=[traject.pk])))
    assert "Mila de Vries" in html and "3. Doelgroep vaststellen" in html and "huidige stap" in html
    # A nieuwe vsv'er may only continue to the intake from step 3.
    select = html[html.index('name="stap-naar"') : html.index("</select>", html.index('name="stap-naar"'))]
    assert "4. Intakegesprek plannen" in select and "12." not in select
    entry = AuditEntry.objects.get(actie=AuditAction.INZIEN)
    assert (entry.object_type, entry.doel) == (
        "doorstroom.traject",
        Verwerkingsactiviteit.BEGELEIDING_DOORSTROOMPUNT,
    )


def test_stepping_back_without_reason_shows_the_dutch_message_and_changes_nothing(client, coach, volwassene):
    traject = TrajectFactory(dossier=volwassene.dossier, stap=Stap.MONITOREN)
    client.force_login(coach)
    response = client.post(
        reverse("traject_stap", args=[traject.pk]),
        {"stap-versie": traject.versie, "stap-naar": Stap.SYSTEEM_IN_KAART, "stap-reden": ""},
        follow=True,
    )
    assert "Geef een reden op voor de stap van" in page(response)
    assert Traject.objects.get().stap == Stap.MONITOREN


def test_a_stale_edit_is_refused_with_the_dutch_message_and_the_first_edit_stays(
    client, coach, volwassene, org
):
    traject = TrajectFactory(dossier=volwassene.dossier, stap=Stap.INTAKE_PLANNEN)
    url = reverse("traject_gegevens", args=[traject.pk])
    form = {
        "gegevens-versie": traject.versie,
        "gegevens-gemeld_op": traject.gemeld_op.isoformat(),
        "gegevens-bron": "ketenpartner",
    }
    client.force_login(coach)
    first = client.post(url, {**form, "gegevens-toelichting": "Eerste: gemeld door het ROC."}, follow=True)
    assert "De gegevens van het traject zijn opgeslagen." in page(first)
    second = client.post(
        url, {**form, "gegevens-toelichting": "Tweede: gemeld door de wijkcoach."}, follow=True
    )
    html = page(second)
    assert "Iemand anders heeft dit intussen gewijzigd. Uw wijziging is niet opgeslagen" in html
    stored = Traject.objects.get()
    assert (stored.toelichting, stored.versie) == ("Eerste: gemeld door het ROC.", 2)


def test_a_stale_plan_is_refused_too(client, coach, volwassene):
    traject = TrajectFactory(dossier=volwassene.dossier, stap=Stap.PRIVACY, versie=3)
    client.force_login(coach)
    response = client.post(
        reverse("traject_plan", args=[traject.pk]),
        {"plan-versie": 2, "plan-afspraken": "Te laat."},
        follow=True,
    )
    assert "Iemand anders heeft dit intussen gewijzigd" in page(response)
    assert not hasattr(Traject.objects.get(), "plan")


def test_closing_with_a_missing_outflow_keeps_the_form_with_its_error(client, coach, volwassene):
    traject = TrajectFactory(dossier=volwassene.dossier, stap=Stap.UITVOEREN)
    client.force_login(coach)
    response = client.post(
        reverse("traject_afsluiten", args=[traject.pk]),
        {"afsluiten-versie": 1, "afsluiten-begeleid": "ja", "afsluiten-afgesloten_op": timezone.localdate()},
    )
    html = page(response)
    assert "Kies waar de begeleide jongere naartoe uitstroomt." in html
    assert Traject.objects.get().afgesloten_op is None


def test_closing_in_the_browser_shows_the_outflow_and_the_nazorg_date(client, coach, volwassene, org):
    traject = TrajectFactory(dossier=volwassene.dossier, stap=Stap.MONITOREN)
    werk = code(org, Codelijst.DSP_UITSTROOM, "Werk regulier / interne opleiding")
    today = timezone.localdate()
    client.force_login(coach)
    response = client.post(
        reverse("traject_afsluiten", args=[traject.pk]),
        {
            "afsluiten-versie": 1,
            "afsluiten-begeleid": "ja",
            "afsluiten-uitstroom": werk.pk,
            "afsluiten-afgesloten_op": today.isoformat(),
        },
        follow=True,
    )
    html = page(response)
    assert "Het traject is afgesloten" in html
    assert "Werk regulier: Werk regulier / interne opleiding" in html
    assert Traject.objects.get().nazorg_op.strftime("%d-%m-%Y") in html


def test_dossier_page_shows_trajecten_steps_on_the_timeline(client, coach, volwassene):
    from doorstroom import services

    traject = TrajectFactory(dossier=volwassene.dossier, gemeld_op=timezone.localdate() - timedelta(days=3))
    services.stap_wijzigen(actor=coach, traject=traject, naar=Stap.DOSSIER_CHECKEN)
    client.force_login(coach)
    html = page(client.get(reverse("dossier", args=[volwassene.dossier.pk])))
    assert "Doorstroompunt: traject Nieuwe voortijdig schoolverlater gemeld" in html
    assert "Routekaart: 2. Dossier en gegevens controleren" in html
    assert reverse("traject_detail", args=[traject.pk]) in html


def test_dossier_of_an_18_year_old_offers_overdracht_to_the_lpa_and_not_for_a_child(client, lpa, org):
    adult = JongereFactory(organisatie=org, geboortedatum=years_ago(18, days=10))
    child = JongereFactory(organisatie=org, geboortedatum=years_ago(14))
    client.force_login(lpa)
    assert "Overdragen aan Doorstroompunt" in page(client.get(reverse("dossier", args=[adult.dossier.pk])))
    assert "Overdragen aan Doorstroompunt" not in page(
        client.get(reverse("dossier", args=[child.dossier.pk]))
    )
    response = client.post(
        reverse("traject_overdragen", args=[adult.dossier.pk]),
        {"overdracht-doelgroep": Doelgroep.NIEUW_VSV, "overdracht-toelichting": "Geen opleiding."},
        follow=True,
    )
    html = page(response)
    assert "De jongere is overgedragen aan het Doorstroompunt." in html
    assert "Overdragen aan Doorstroompunt" not in html  # now running: no second overdracht
    assert Traject.objects.get().dossier == adult.dossier


def test_a_coach_starts_a_traject_from_the_dossier(client, coach, volwassene, org):
    client.force_login(coach)
    response = client.post(
        reverse("traject_starten", args=[volwassene.dossier.pk]),
        {
            "start-doelgroep": Doelgroep.OUD_VSV,
            "start-gemeld_op": timezone.localdate().isoformat(),
            "start-reden": code(org, Codelijst.DSP_REDEN_UITVAL, "Gebrek aan motivatie").pk,
            "start-behandelaar": coach.pk,
        },
        follow=True,
    )
    html = page(response)
    assert "Het traject is gestart bij stap 1 van de Routekaart." in html
    traject = Traject.objects.get()
    assert (traject.behandelaar, traject.reden.label) == (coach, "Gebrek aan motivatie")


def test_an_empty_traject_start_form_creates_nothing(client, coach, volwassene):
    """The form as the page shows it, sent without a choice: the date is filled in, the
    doelgroep is not preselected, so nothing may be created."""
    client.force_login(coach)
    response = client.post(
        reverse("traject_starten", args=[volwassene.dossier.pk]),
        {"start-gemeld_op": timezone.localdate().isoformat(), "start-doelgroep": ""},
        follow=True,
    )
    assert "Kies een doelgroep; zonder doelgroep wordt geen traject gestart." in page(response)
    assert not Traject.objects.exists()
    dossier_page = page(client.get(reverse("dossier", args=[volwassene.dossier.pk])))
    assert '<option value="" selected>— Kies —</option>' in dossier_page


def test_verzuim_18plus_page_records_a_melding_and_a_waarschuwingsbrief(client, coach, volwassene, org):
    traject = TrajectFactory(dossier=volwassene.dossier, doelgroep=Doelgroep.VERZUIM_18PLUS)
    today = timezone.localdate().isoformat()
    client.force_login(coach)
    url = reverse("traject_detail", args=[traject.pk])
    assert "Verzuim 18+" in page(client.get(url))
    too_few = client.post(
        reverse("traject_verzuimmelding", args=[traject.pk]),
        {"melding-gemeld_op": today, "melding-uren": 10, "melding-weken": 4},
    )
    assert "16 uur of meer in 4 weken" in page(too_few)
    client.post(
        reverse("traject_verzuimmelding", args=[traject.pk]),
        {"melding-gemeld_op": today, "melding-uren": 20, "melding-weken": 4},
    )
    brief = code(org, Codelijst.DSP_ACTIE_VERZUIM_18PLUS, "Waarschuwingsbrief")
    response = client.post(
        reverse("traject_verzuimactie", args=[traject.pk]),
        {"verzuimactie-actie": brief.pk, "verzuimactie-datum": today},
        follow=True,
    )
    html = page(response)
    assert "20 uur in 4 weken" in html and "Waarschuwingsbrief" in html
    assert traject.verzuimacties.get().actie == brief


def test_the_verzuim_section_is_absent_for_other_doelgroepen(client, coach, volwassene):
    traject = TrajectFactory(dossier=volwassene.dossier, doelgroep=Doelgroep.OUD_VSV)
    client.force_login(coach)
    assert 'id="melding-form"' not in page(client.get(reverse("traject_detail", args=[traject.pk])))
    response = client.post(
        reverse("traject_verzuimmelding", args=[traject.pk]),
        {"melding-gemeld_op": timezone.localdate().isoformat(), "melding-uren": 20, "melding-weken": 4},
    )
    assert "horen bij een traject verzuim 18+" in page(response)


def selected_option(html: str, name: str) -> str:
    start = html.index(f'name="{name}"')
    select = html[start : html.index("</select>", start)]
    option = select[: select.index(" selected")]
    return option[option.rindex(">", 0, option.rindex('value="')) + 1 :]


def test_naar_stap_defaults_to_the_next_step_not_a_step_back(client, coach, volwassene):
    # From step 9 the form used to preselect step 4 (sorted first) and then ask for a reason.
    traject = TrajectFactory(dossier=volwassene.dossier, stap=Stap.UITVOEREN)
    client.force_login(coach)
    html = page(client.get(reverse("traject_detail", args=[traject.pk])))
    assert f'value="{Stap.MONITOREN}" selected' in html
    assert "4. Intakegesprek plannen (terug, met reden)" in html


def test_one_click_moves_to_the_next_step_with_an_optional_note(client, coach, volwassene):
    traject = TrajectFactory(dossier=volwassene.dossier, stap=Stap.INTAKE_PLANNEN)
    client.force_login(coach)
    html = page(client.get(reverse("traject_detail", args=[traject.pk])))
    assert "Door naar 5. Systeem in kaart brengen" in html
    response = client.post(
        reverse("traject_volgende_stap", args=[traject.pk]),
        {"volgende-versie": traject.versie, "volgende-naar": Stap.SYSTEEM_IN_KAART, "volgende-notitie": ""},
        follow=True,
    )
    assert "Het traject staat nu op de volgende stap." in page(response)
    assert Traject.objects.get().stap == Stap.SYSTEEM_IN_KAART
    client.post(
        reverse("traject_volgende_stap", args=[traject.pk]),
        {
            "volgende-versie": traject.versie + 1,
            "volgende-naar": Stap.PRIVACY,
            "volgende-notitie": "Ouders mee.",
        },
    )
    stored = Traject.objects.get()
    assert stored.stap == Stap.PRIVACY
    assert stored.stapwijzigingen.order_by("-tijdstip", "-pk").first().reden == "Ouders mee."


def test_a_coach_records_an_outcome_and_moves_on_in_one_form(client, coach, volwassene):
    traject = TrajectFactory(dossier=volwassene.dossier, stap=Stap.SIGNALEREN)
    client.force_login(coach)
    html = page(client.get(reverse("traject_detail", args=[traject.pk])))
    assert "Daarna door naar 2. Dossier en gegevens controleren" in html
    response = client.post(
        reverse("traject_benadering", args=[traject.pk]),
        {
            "benadering-soort": "telefoon",
            "benadering-datum": timezone.localdate().isoformat(),
            "benadering-uitkomst": "bereikt",
            "benadering-toelichting": "Afspraak gemaakt.",
            "benadering-door_naar": "on",
            "benadering-versie": traject.versie,
        },
        follow=True,
    )
    assert "De contactpoging is vastgelegd." in page(response)
    stored = Traject.objects.get()
    assert stored.stap == Stap.DOSSIER_CHECKEN
    assert stored.benaderingen.get().toelichting == "Afspraak gemaakt."


def test_outcome_and_step_are_both_refused_on_a_stale_page(client, coach, volwassene):
    traject = TrajectFactory(dossier=volwassene.dossier, stap=Stap.SIGNALEREN, versie=2)
    client.force_login(coach)
    response = client.post(
        reverse("traject_benadering", args=[traject.pk]),
        {
            "benadering-soort": "telefoon",
            "benadering-datum": timezone.localdate().isoformat(),
            "benadering-uitkomst": "bereikt",
            "benadering-door_naar": "on",
            "benadering-versie": 1,
        },
        follow=True,
    )
    assert "Iemand anders heeft dit intussen gewijzigd" in page(response)
    stored = Traject.objects.get()
    assert stored.stap == Stap.SIGNALEREN and not stored.benaderingen.exists()
