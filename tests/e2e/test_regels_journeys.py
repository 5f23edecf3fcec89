"""The law's refusals as a user meets them in Chromium, each page checked with axe-core
(docs/regels.md): a relatief verzuim melding for a 36-year-old, a Halt route for a 9-year-old,
and the back button plus a resubmit after registering a melding."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from cases.models import Jongere
from leerplicht.models import Melding
from tests.e2e.test_leerplicht_journeys import login, team  # noqa: F401 (fixture)
from tests.factories import JongereFactory, MeldingFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def born_years_ago(years: int):
    today = timezone.localdate()
    return (today - timedelta(days=30)).replace(year=today.year - years)


def test_relatief_verzuim_for_a_36_year_old_is_refused_with_the_reason(page, team, assert_accessible):  # noqa: F811
    login(page, "lpa")
    page.goto("/meldingen/nieuw/")
    page.get_by_label("Voornamen").fill("Karin")
    page.get_by_label("Achternaam").fill("Volwassen")
    page.get_by_label("Geboortedatum").fill(born_years_ago(36).isoformat())
    page.get_by_label("Soort melding").select_option("relatief_wettelijk")
    page.get_by_label("Uren verzuim").fill("20")
    page.get_by_role("button", name="Registreren").click()
    # The reason is in the error summary at the top (a link to the field) and next to the field.
    reason = re.compile(r"36 jaar\. Meldingen van de leerplicht gaan over jongeren van 5 tot 18 jaar")
    page.locator("#foutoverzicht").get_by_role("link", name=reason).wait_for()
    page.locator("#id_soort").locator(
        "xpath=ancestor::*[contains(@class,'utrecht-form-field')][1]"
    ).get_by_text(reason).wait_for()
    assert_accessible(page)
    assert not Melding.objects.exists()
    assert not Jongere.objects.filter(achternaam="Volwassen").exists()


def test_a_halt_route_for_a_9_year_old_is_refused(page, team, assert_accessible):  # noqa: F811
    jongere = JongereFactory(
        organisatie=team["org"], voornamen="Daan", achternaam="Jong", geboortedatum=born_years_ago(9)
    )
    melding = MeldingFactory(
        dossier=jongere.dossier, fase="plannen", ontvangen_op=timezone.localdate() - timedelta(days=10)
    )
    login(page, "lpa")
    page.goto(f"/meldingen/{melding.pk}/")
    page.get_by_text("Route kiezen").click()
    page.get_by_label("Route", exact=True).select_option("halt")
    page.get_by_label("Instemming jongere met Halt").check()
    page.get_by_label("Instemming ouder(s) met Halt").check()
    page.get_by_role("button", name="Route vastleggen").click()
    page.get_by_role("alert").filter(has_text="Halt kan pas vanaf 12 jaar; deze jongere is 9 jaar").wait_for()
    assert_accessible(page)
    assert not melding.routes.exists()


def fill_melding(page):
    page.get_by_label("Soort melding").select_option("relatief_wettelijk")
    page.get_by_label("Uren verzuim").fill("20")


def test_back_and_resubmit_leave_one_melding(page, team, assert_accessible):  # noqa: F811
    jongere = JongereFactory(
        organisatie=team["org"], voornamen="Sem", achternaam="Terug", geboortedatum=born_years_ago(13)
    )
    login(page, "lpa")
    page.goto(f"/meldingen/nieuw/?dossier={jongere.dossier.pk}")
    fill_melding(page)
    page.get_by_role("button", name="Registreren").click()
    page.get_by_text("De melding is geregistreerd.").wait_for()
    page.go_back()
    page.get_by_role("button", name="Registreren").wait_for()
    if page.get_by_label("Uren verzuim").input_value() == "":
        fill_melding(page)  # the browser did not keep the form: the user types it again
    page.get_by_role("button", name="Registreren").click()
    # Either the same form (same key: nothing new) or a new one (asks about the running melding)
    page.get_by_text(
        re.compile("Dit formulier was al verstuurd|Er loopt al een melding relatief verzuim")
    ).wait_for()
    assert_accessible(page)
    assert Melding.objects.count() == 1
