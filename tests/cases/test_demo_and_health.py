import pytest
from django.contrib.auth import authenticate
from django.core.management import CommandError, call_command
from django.test import RequestFactory
from django.urls import reverse

from cases.models import Jongere, Organisatie, Ouder, User
from cases.rules import is_valid_bsn
from tests.doorstroom.demo_checks import check_doorstroom_demo
from tests.reporting.demo_pdf_checks import check_demo_jaarverslag

pytestmark = pytest.mark.django_db


def test_the_demo_data_as_its_users_meet_it(capsys, tmp_path):
    """One load of the demo data (the slowest setup of the suite, so it is loaded once), then
    everything a demo user relies on, in turn."""
    call_command("demo_data")
    _every_role_has_a_login_in_both_organisations(capsys)
    _demo_data_is_loaded_once()
    _the_regional_demo_organisation_has_its_own_people_and_schools()
    check_doorstroom_demo()
    check_demo_jaarverslag(tmp_path)


def _every_role_has_a_login_in_both_organisations(capsys):
    for suffix, slug in (("", "zoetermeer"), ("-regio", "roermond")):
        for username, group in [
            ("lpa", "Leerplichtambtenaar"),
            ("coach", "Doorstroomcoach"),
            ("medewerker", "Administratief medewerker"),
            ("teamleider", "Teamleider"),
            ("beheerder", "Functioneel beheerder"),
        ]:
            # django-axes checks every attempt, so authentication gets the request
            request = RequestFactory().post("/inloggen/")
            user = authenticate(request, username=username + suffix, password="demo")
            assert user is not None, username + suffix
            assert user.organisatie.slug == slug
            assert list(user.groups.values_list("name", flat=True)) == [group]
    assert Organisatie.objects.get(slug="roermond").gemeenten.count() == 4
    for organisatie in Organisatie.objects.all():  # letters: default templates and a letterhead
        assert organisatie.briefsjablonen.filter(actief=True).count() == 5
        assert organisatie.briefhoofd_adres.startswith("Postbus")
    assert Jongere.objects.count() >= 300
    assert all(is_valid_bsn(bsn) for bsn in Jongere.objects.values_list("bsn", flat=True))
    assert "lpa-regio" in capsys.readouterr().out


def _demo_data_is_loaded_once():
    counts = (Jongere.objects.count(), User.objects.count())
    _demo_has_ouders_a_5a_statement_and_mostly_timely_meldingen()
    call_command("demo_data")
    assert (Jongere.objects.count(), User.objects.count()) == counts


def test_demo_data_is_refused_outside_development(settings):
    settings.DEMO_DATA_ALLOWED = False
    with pytest.raises(CommandError, match="ontwikkelinstellingen"):
        call_command("demo_data")


def test_health_check_reaches_postgresql_and_redis(client):
    response = client.get(reverse("gezondheid"))
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "redis": "ok"}


def test_health_check_reports_an_unreachable_redis(client, settings):
    settings.REDIS_URL = "redis://127.0.0.1:1/0"
    response = client.get(reverse("gezondheid"))
    assert response.status_code == 503
    assert response.json()["redis"] == "onbereikbaar"


def _demo_has_ouders_a_5a_statement_and_mostly_timely_meldingen():
    """Issue 16: ouders (some living apart), a 5a vrijstelling with its statement, and open
    meldingen that are mostly within their terms (the signal must mean something)."""
    from django.db.models import Count

    from cases.constants import Signaal
    from leerplicht.constants import Besluit, Fase, Grondslag
    from leerplicht.models import Melding, Vrijstelling

    for organisatie in Organisatie.objects.all():
        adressen = (
            Ouder.objects.filter(organisatie=organisatie, actief=True)
            .values("jongere_id")
            .annotate(n=Count("postcode", distinct=True))
        )
        assert any(row["n"] == 2 for row in adressen), organisatie  # two households
        open_meldingen = Melding.objects.filter(organisatie=organisatie).exclude(fase=Fase.AFGESLOTEN)
        verlopen = open_meldingen.filter(signaal=Signaal.VERLOPEN).count()
        assert open_meldingen.count() >= 10
        assert 0 < verlopen <= open_meldingen.count() // 3, (verlopen, open_meldingen.count())
        vrijstelling = Vrijstelling.objects.get(
            organisatie=organisatie,
            grondslag=Grondslag.ART5A,
            documenten__omschrijving__contains="Verklaring 5a",
        )
        assert vrijstelling.besluit == Besluit.VERLEEND


def _the_regional_demo_organisation_has_its_own_people_and_schools():
    from leerplicht.models import Melding

    names = {
        slug: set(User.objects.filter(organisatie__slug=slug).values_list("first_name", "last_name"))
        for slug in ("zoetermeer", "roermond")
    }
    assert not names["zoetermeer"] & names["roermond"]
    plaatsen = set(
        Melding.objects.filter(organisatie__slug="roermond", school__isnull=False).values_list(
            "school__plaats", flat=True
        )
    )
    assert plaatsen == {"Roermond"}
