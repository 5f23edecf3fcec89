"""Every API list endpoint, and every detail endpoint with nested lists, runs the same number of
SQL queries for small and larger data (issue #8). The pages are in tests/test_query_budgets.py."""

import itertools
from datetime import timedelta

import pytest
from django.utils import timezone
from knox.models import AuthToken

from cases.constants import Codelijst, Role
from cases.models import CodeItem
from doorstroom.constants import Stap
from doorstroom.models import StapWijziging
from leerplicht.constants import Route
from leerplicht.models import MeldingActie, MeldingRoute, MeldingTransitie, Vrijstelling
from reporting.models import Populatie, ReportRun
from tests.doorstroom.factories import BenaderingFactory, TrajectFactory, years_ago
from tests.factories import (
    ActieFactory,
    MeldingFactory,
    SchoolFactory,
    UserFactory,
)
from tests.query_budget import (
    Budget,
    World,
    api_budget,
    api_count,
    api_results,
    check_budget,
    make_document,
    make_import,
    marker,
    repeat,
)


@pytest.fixture
def world(organisatie_a, client):
    return World(organisatie_a, client)


# ------------------------------------------------------------------------------------------ API


def api_jongeren(w):
    return api_budget(w.api(w.lpa, "/api/v1/jongeren/"), repeat(w.jongere))


def api_jongeren_zoeken(w):
    return api_budget(w.api(w.lpa, "/api/v1/jongeren/zoeken/", "post", {"naam": "qz"}), repeat(w.jongere))


def api_acties(w):
    dossier = w.jongere().dossier

    def make():
        ActieFactory(dossier=dossier, gebruiker=UserFactory(organisatie=w.org))

    return api_budget(w.api(w.lpa, "/api/v1/acties/"), repeat(make))


def api_meldingen(w):
    def make():
        MeldingFactory(
            dossier=w.jongere().dossier, behandelaar=UserFactory(organisatie=w.org), school=SchoolFactory()
        )

    return api_budget(w.api(w.lpa, "/api/v1/meldingen/"), repeat(make))


def api_vrijstellingen(w):
    def make():
        jongere = w.jongere()
        vrijstelling = Vrijstelling.objects.create(
            dossier=jongere.dossier,
            grondslag="art5a",
            onderwijs="vo",
            gemeente=w.gemeente,
            aangevraagd_op=timezone.localdate() - timedelta(days=20),
            behandelaar=UserFactory(organisatie=w.org),
        )
        vrijstelling.documenten.add(make_document(jongere.dossier, w.lpa))

    return api_budget(w.api(w.lpa, "/api/v1/vrijstellingen/"), repeat(make))


def api_trajecten(w):
    def make():
        TrajectFactory(
            dossier=w.jongere(geboortedatum=years_ago(19, 40)).dossier,
            behandelaar=UserFactory(organisatie=w.org, role=Role.DOORSTROOMCOACH),
        )

    return api_budget(w.api(w.coach, "/api/v1/trajecten/?status=alle"), repeat(make))


def api_codelijsten(w):
    def make():
        CodeItem.objects.create(organisatie=w.org, lijst=Codelijst.RESULTAAT_RELATIEF, label=marker(w.next()))

    return api_budget(w.api(w.lpa, "/api/v1/codelijsten/"), repeat(make))


def api_scholen(w):
    return api_budget(w.api(w.lpa, "/api/v1/scholen/"), repeat(SchoolFactory))


def api_populatie(w):
    years = itertools.count(1970)

    def make():
        Populatie.objects.create(gemeente=w.gemeente, schooljaar=next(years), leerplichtigen=1000)

    return api_budget(w.api(w.lpa, "/api/v1/populatie/"), repeat(make))


def api_imports(w):
    return api_budget(w.api(w.lpa, "/api/v1/imports/"), repeat(lambda: make_import(w)))


def api_rapportages(w):
    years = itertools.count(2000)

    def make():
        ReportRun.objects.create(
            organisatie=w.org,
            schooljaar=next(years),
            formaten=["json"],
            gestart_door=UserFactory(organisatie=w.org),
            status="klaar",
        )

    return api_budget(w.api(w.lpa, "/api/v1/rapportages/"), repeat(make))


def api_tokens(w):
    """The user's own tokens; the one the client authenticates with is one of them."""
    return Budget(
        w.api(w.lpa, "/api/v1/tokens/"),
        repeat(lambda: AuthToken.objects.create(user=w.lpa)),
        shown=lambda r: api_results(r) - 1,
        total=lambda r: api_count(r) - 1,
    )


def api_melding_detail(w):
    """The melding with its routes, transitions and actions."""
    melding = MeldingFactory(dossier=w.jongere().dossier, behandelaar=w.lpa)
    routes = iter(Route)

    def add(k):
        for _ in range(k):
            MeldingTransitie.objects.create(
                melding=melding, van="waarnemen", naar="analyseren", gebruiker=UserFactory(organisatie=w.org)
            )
            actie = ActieFactory(dossier=melding.dossier, gebruiker=UserFactory(organisatie=w.org))
            MeldingActie.objects.create(
                melding=melding,
                actie=actie,
                jgz_in_staat=w.code(Codelijst.JGZ_IN_STAAT),
                jgz_follow_up=w.code(Codelijst.JGZ_FOLLOW_UP),
            )
        for route in itertools.islice(routes, 2):
            MeldingRoute.objects.create(
                melding=melding, route=route, gekozen_door=UserFactory(organisatie=w.org)
            )

    def shown(response):
        data = response.json()
        assert len(data["routes"]) in (2, 4)  # every route once: 2 in the first growth, then all 4
        assert len(data["transities"]) == len(data["acties"])
        return len(data["acties"])

    return Budget(w.api(w.lpa, f"/api/v1/meldingen/{melding.pk}/"), add, shown=shown)


def api_traject_detail(w):
    traject = TrajectFactory(dossier=w.jongere(geboortedatum=years_ago(19, 40)).dossier, behandelaar=w.coach)

    def add(k):
        for _ in range(k):
            BenaderingFactory(traject=traject, door=UserFactory(organisatie=w.org))
            StapWijziging.objects.create(
                traject=traject,
                van_stap=Stap.SIGNALEREN,
                naar_stap=Stap.DOSSIER_CHECKEN,
                door=UserFactory(organisatie=w.org),
            )

    def shown(response):
        data = response.json()
        assert len(data["stapwijzigingen"]) == len(data["benaderingen"]) + 1  # + the start
        return len(data["benaderingen"])

    return Budget(w.api(w.coach, f"/api/v1/trajecten/{traject.pk}/"), add, shown=shown)


def api_vrijstelling_detail(w):
    jongere = w.jongere()
    vrijstelling = Vrijstelling.objects.create(
        dossier=jongere.dossier,
        grondslag="art5a",
        onderwijs="vo",
        gemeente=w.gemeente,
        aangevraagd_op=timezone.localdate() - timedelta(days=20),
    )

    def make():
        vrijstelling.documenten.add(make_document(jongere.dossier, UserFactory(organisatie=w.org)))

    return Budget(
        w.api(w.lpa, f"/api/v1/vrijstellingen/{vrijstelling.pk}/"),
        repeat(make),
        shown=lambda r: len(r.json()["documenten"]),
    )


def api_dossier_detail(w):
    """The dossier's timeline: actions, meldingen with their transitions, vrijstellingen, trajecten."""
    dossier = w.jongere(geboortedatum=years_ago(17)).dossier

    def make():
        melding = MeldingFactory(dossier=dossier, behandelaar=w.lpa)
        MeldingTransitie.objects.create(
            melding=melding, van="", naar="waarnemen", gebruiker=UserFactory(organisatie=w.org)
        )
        Vrijstelling.objects.create(
            dossier=dossier,
            grondslag="art5a",
            onderwijs="vo",
            gemeente=w.gemeente,
            aangevraagd_op=timezone.localdate() - timedelta(days=20),
            behandelaar=UserFactory(organisatie=w.org),
        )
        TrajectFactory(dossier=dossier, behandelaar=UserFactory(organisatie=w.org))
        ActieFactory(dossier=dossier, gebruiker=UserFactory(organisatie=w.org))

    def shown(response):
        soorten = [entry["soort"] for entry in response.json()["tijdlijn"]]
        assert soorten.count("melding") == soorten.count("actie")
        return soorten.count("actie")

    return Budget(w.api(w.both, f"/api/v1/dossiers/{dossier.pk}/"), repeat(make), shown=shown)


ENDPOINTS = {
    "jongeren": api_jongeren,
    "jongeren-zoeken": api_jongeren_zoeken,
    "acties": api_acties,
    "meldingen": api_meldingen,
    "vrijstellingen": api_vrijstellingen,
    "trajecten": api_trajecten,
    "codelijsten": api_codelijsten,
    "scholen": api_scholen,
    "populatie": api_populatie,
    "imports": api_imports,
    "rapportages": api_rapportages,
    "tokens": api_tokens,
    "melding-detail": api_melding_detail,
    "traject-detail": api_traject_detail,
    "vrijstelling-detail": api_vrijstelling_detail,
    "dossier-detail": api_dossier_detail,
}


@pytest.mark.parametrize("name", ENDPOINTS)
def test_api_queries_do_not_grow_with_the_data(world, name):
    check_budget(ENDPOINTS[name](world))
