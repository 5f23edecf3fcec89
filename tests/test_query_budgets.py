"""Every page and list endpoint runs the same number of SQL queries for small and larger data
(issue #8). Covered elsewhere: werkvoorraad and dossier-with-meldingen (tests/leerplicht,
tests/cases/test_dossier_page.py), caseload (tests/doorstroom), letter templates (tests/letters),
the jaarverslag tables (tests/reporting)."""

import itertools
import re
from datetime import date, timedelta

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone
from knox.models import AuthToken
from rest_framework.test import APIClient

from cases.audit import log_access
from cases.constants import AuditAction, Codelijst, Role, Verwerkingsactiviteit
from cases.models import Actie, CodeItem, Document, ImportRecord, Inschrijving
from doorstroom.constants import Stap
from doorstroom.models import StapWijziging
from leerplicht.constants import Route
from leerplicht.models import MeldingActie, MeldingRoute, MeldingTransitie, Vrijstelling
from reporting.models import Populatie, ReportRun
from tests.doorstroom.factories import BenaderingFactory, TrajectFactory, years_ago
from tests.factories import (
    ActieFactory,
    JongereFactory,
    MeldingFactory,
    SchoolFactory,
    UserFactory,
)
from tests.query_budget import Budget, check_budget, marker, markers_in

API_PAGE_SIZE = 50
PAGE_SIZE = 25


class World:
    """One organisation with a user per role; `next()` numbers the created records."""

    def __init__(self, organisatie, client):
        self.org = organisatie
        self.client = client
        self.gemeente = organisatie.gemeenten.first()
        self.lpa = UserFactory(username="budget-lpa", organisatie=organisatie, role=Role.LEERPLICHTAMBTENAAR)
        self.coach = UserFactory(username="budget-coach", organisatie=organisatie, role=Role.DOORSTROOMCOACH)
        self.teamleider = UserFactory(username="budget-tl", organisatie=organisatie, role=Role.TEAMLEIDER)
        # Reads both teams' records, as the dossier of a jongere handed over at 18 shows them.
        self.both = UserFactory(
            username="budget-both", organisatie=organisatie, role=Role.LEERPLICHTAMBTENAAR
        )
        self.both.groups.add(Group.objects.get(name=str(Role.DOORSTROOMCOACH.label)))
        self._numbers = itertools.count(1)

    def next(self) -> int:
        return next(self._numbers)

    def jongere(self, **kwargs):
        n = self.next()
        kwargs.setdefault("achternaam", marker(n))
        return JongereFactory(organisatie=self.org, woongemeente=self.gemeente, **kwargs)

    def code(self, lijst):
        return CodeItem.objects.create(organisatie=self.org, lijst=lijst, label=f"Code {self.next()}")

    def page(self, user, url, method="get", data=None):
        self.client.force_login(user)
        return lambda: getattr(self.client, method)(url, data or {})

    def api(self, user, url, method="get", data=None):
        _instance, token = AuthToken.objects.create(user=user)
        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
        return lambda: getattr(client, method)(url, data or {}, format="json" if method == "post" else None)


@pytest.fixture
def world(organisatie_a, client):
    return World(organisatie_a, client)


def repeat(make):
    """`add(k)`: call `make()` k times."""

    def add(k):
        for _ in range(k):
            make()

    return add


def count_pattern(pattern: str):
    return lambda response: len(set(re.findall(pattern, response.content.decode())))


def heading_total(text: str):
    """The total a list page reports in its heading, e.g. '28 meldingen'."""

    def total(response):
        match = re.search(rf"(\d+) {text}", response.content.decode())
        return int(match.group(1)) if match else None

    return total


def api_results(response) -> int:
    return len(response.json()["results"])


def api_count(response) -> int:
    return response.json()["count"]


def api_budget(fetch, add, **kwargs) -> Budget:
    return Budget(fetch, add, shown=api_results, total=api_count, page_size=API_PAGE_SIZE, **kwargs)


# ---------------------------------------------------------------------------------------- pages


def start_page(w):
    """The dossiers opened most recently (at most 10)."""

    def add(k):
        for _ in range(k):
            jongere = w.jongere()
            log_access(
                actor=w.lpa,
                action=AuditAction.INZIEN,
                purpose=Verwerkingsactiviteit.HANDHAVING_LEERPLICHT,
                jongere=jongere,
                obj=jongere.dossier,
            )

    return Budget(w.page(w.lpa, reverse("start")), add, large=10, page_size=10)


def jongeren_search_by_name(w):
    return Budget(
        w.page(w.lpa, reverse("jongeren"), "post", {"q": "qz"}),
        repeat(w.jongere),
        total=heading_total("jongeren gevonden"),
        page_size=PAGE_SIZE,
    )


def jongeren_search_by_bsn(w):
    """One jongere found among many: the result stays one row."""
    target = w.jongere(bsn="123456782")
    return Budget(
        w.page(w.lpa, reverse("jongeren"), "post", {"q": target.bsn}),
        repeat(w.jongere),
        expect=lambda n: 1,
    )


def meldingen_list(w):
    def make():
        MeldingFactory(dossier=w.jongere().dossier, behandelaar=w.lpa, school=SchoolFactory())

    return Budget(
        w.page(w.lpa, reverse("meldingen")),
        repeat(make),
        total=heading_total("meldingen"),
        page_size=PAGE_SIZE,
    )


def melding_detail_history(w):
    """Transitions, actions and routes of one melding."""
    melding = MeldingFactory(dossier=w.jongere(achternaam="Eigen").dossier, behandelaar=w.lpa)
    routes = iter(Route)

    def add(k):
        for _ in range(k):
            n = w.next()
            MeldingTransitie.objects.create(
                melding=melding,
                van="waarnemen",
                naar="analyseren",
                reden=marker(n),
                gebruiker=UserFactory(organisatie=w.org),
            )
            actie = Actie.objects.create(
                dossier=melding.dossier,
                soort="verzuimgesprek",
                datum=date(2025, 10, 2),
                omschrijving=marker(w.next()),
                gebruiker=UserFactory(organisatie=w.org),
            )
            MeldingActie.objects.create(
                melding=melding, actie=actie, jgz_in_staat=w.code(Codelijst.JGZ_IN_STAAT)
            )
        for route in itertools.islice(routes, 2):  # every route once: the first growth has 2
            MeldingRoute.objects.create(
                melding=melding,
                route=route,
                toelichting="Afwijkend",
                gekozen_door=UserFactory(organisatie=w.org),
            )

    def shown(response):
        assert response.content.decode().count("(Afwijkend)") in (2, 4)  # the routes
        return markers_in(response) // 2  # a transition and an action per add

    return Budget(w.page(w.lpa, reverse("melding", args=[melding.pk])), add, shown=shown)


def make_document(dossier, user, naam="verklaring.pdf"):
    return Document.objects.create(
        dossier=dossier,
        bestand="documenten/niet-geopend",
        naam=naam,
        content_type="application/pdf",
        grootte=10,
        geupload_door=user,
    )


def vrijstelling_detail(w):
    jongere = w.jongere()
    vrijstelling = Vrijstelling.objects.create(
        dossier=jongere.dossier,
        grondslag="art5a",
        onderwijs="vo",
        gemeente=w.gemeente,
        aangevraagd_op=timezone.localdate() - timedelta(days=20),
        behandelaar=w.lpa,
    )

    def make():
        document = make_document(jongere.dossier, UserFactory(organisatie=w.org), f"{marker(w.next())}.pdf")
        vrijstelling.documenten.add(document)

    return Budget(
        w.page(w.lpa, reverse("vrijstelling", args=[vrijstelling.pk])),
        repeat(make),
        shown=count_pattern(r"Qz\d{3}q\.pdf"),
    )


def traject_detail(w):
    traject = TrajectFactory(
        dossier=w.jongere(achternaam="Eigen", geboortedatum=years_ago(19, 40)).dossier, behandelaar=w.coach
    )

    def add(k):
        for _ in range(k):
            BenaderingFactory(
                traject=traject, toelichting=marker(w.next()), door=UserFactory(organisatie=w.org)
            )
            StapWijziging.objects.create(
                traject=traject,
                van_stap=Stap.SIGNALEREN,
                naar_stap=Stap.DOSSIER_CHECKEN,
                reden=marker(w.next()),
                door=UserFactory(organisatie=w.org),
            )

    # A benadering and a step per add, each named by its own marker.
    return Budget(
        w.page(w.coach, reverse("traject_detail", args=[traject.pk])),
        add,
        shown=lambda response: markers_in(response) // 2,
    )


def dossier_everything(w):
    """Meldingen, vrijstellingen, trajecten, actions, documents and enrolments on one dossier
    (tests/cases/test_dossier_page.py grows meldingen and actions only)."""
    jongere = w.jongere(achternaam="Eigen", geboortedatum=years_ago(17))
    dossier = jongere.dossier

    def make():
        colleague = UserFactory(organisatie=w.org)
        MeldingFactory(dossier=dossier, behandelaar=colleague, school=SchoolFactory())
        Vrijstelling.objects.create(
            dossier=dossier,
            grondslag="art5a",
            onderwijs="vo",
            gemeente=w.gemeente,
            aangevraagd_op=timezone.localdate() - timedelta(days=20),
            behandelaar=colleague,
        )
        TrajectFactory(dossier=dossier, behandelaar=colleague)
        ActieFactory(dossier=dossier, gebruiker=colleague, omschrijving=f"Actie {marker(w.next())}")
        make_document(dossier, colleague)
        Inschrijving.objects.create(
            jongere=jongere,
            school=SchoolFactory(naam=f"School {marker(w.next())}"),
            onderwijssoort="vmbo",
            van=date(2024, 8, 1),
        )

    def shown(response):
        html = response.content.decode()
        counts = {
            kind: len(set(re.findall(pattern, html)))
            for kind, pattern in [
                ("meldingen", r"/meldingen/(\d+)/"),
                ("vrijstellingen", r"/vrijstellingen/(\d+)/"),
                ("trajecten", r"/trajecten/(\d+)/"),
                ("acties", r"Actie (Qz\d{3}q)"),
                ("documenten", r"/documenten/(\d+)/"),
                ("inschrijvingen", r"School (Qz\d{3}q)"),
            ]
        }
        assert len(set(counts.values())) == 1, counts
        return counts["meldingen"]

    return Budget(w.page(w.both, reverse("dossier", args=[dossier.pk])), repeat(make), shown=shown)


def werkvoorraad_aanvragen(w):
    """The werkvoorraad's open requests for vrijstelling (at most one page); the meldingen part
    is budgeted in tests/leerplicht/test_views.py."""

    def make():
        Vrijstelling.objects.create(
            dossier=w.jongere().dossier,
            grondslag="art5a",
            onderwijs="vo",
            gemeente=w.gemeente,
            aangevraagd_op=timezone.localdate() - timedelta(days=20),
            behandelaar=w.lpa,
        )

    return Budget(w.page(w.lpa, reverse("werkvoorraad")), repeat(make), page_size=PAGE_SIZE)


def teamoverzicht(w):
    """A row per behandelaar: more behandelaars, more rows."""

    def make():
        lpa = UserFactory(organisatie=w.org, role=Role.LEERPLICHTAMBTENAAR, last_name=marker(w.next()))
        MeldingFactory(dossier=w.jongere(achternaam="Anoniem").dossier, behandelaar=lpa)
        coach = UserFactory(organisatie=w.org, role=Role.DOORSTROOMCOACH, last_name=marker(w.next()))
        TrajectFactory(dossier=w.jongere(achternaam="Anoniem").dossier, behandelaar=coach)

    # A leerplichtambtenaar and a coach per add, each named once.
    return Budget(
        w.page(w.teamleider, reverse("teamoverzicht")),
        repeat(make),
        shown=lambda response: markers_in(response) // 2,
    )


def rapportages(w):
    years = itertools.count(2000)

    def make():
        ReportRun.objects.create(
            organisatie=w.org, schooljaar=next(years), formaten=["json"], gestart_door=w.lpa, status="klaar"
        )

    return Budget(
        w.page(w.lpa, reverse("rapportages")),
        repeat(make),
        shown=count_pattern(r'id="rapportage-(\d+)"'),
        page_size=25,
    )


def make_import(w, **kwargs):
    n = w.next()
    return ImportRecord.objects.create(
        organisatie=w.org,
        soort="meldingen",
        bestandsnaam=kwargs.pop("bestandsnaam", f"{marker(n)}.csv"),
        checksum=f"{n:064d}",
        gebruiker=kwargs.pop("gebruiker", None) or UserFactory(organisatie=w.org),
        via="browser",
        status=kwargs.pop("status", ImportRecord.Status.KLAAR),
        **kwargs,
    )


def imports(w):
    return Budget(w.page(w.lpa, reverse("imports")), repeat(lambda: make_import(w)), page_size=25)


def import_detail(w):
    record = make_import(w, status=ImportRecord.Status.GEWEIGERD, gebruiker=w.lpa, bestandsnaam="fout.csv")

    def add(k):
        record.problemen += [
            {"rij": i + 2, "kolom": "bsn", "waarde": "1", "melding": marker(w.next())} for i in range(k)
        ]
        record.save()

    return Budget(w.page(w.lpa, reverse("import_detail", args=[record.pk])), add)


def api_tokens_page(w):
    def shown(response):
        html = response.content.decode()
        return sum(token.token_key[:8] in html for token in AuthToken.objects.filter(user=w.lpa))

    return Budget(
        w.page(w.lpa, reverse("api-tokens")),
        repeat(lambda: AuthToken.objects.create(user=w.lpa)),
        shown=shown,
    )


PAGES = {
    "start": start_page,
    "jongeren-naam": jongeren_search_by_name,
    "jongeren-bsn": jongeren_search_by_bsn,
    "meldingen": meldingen_list,
    "melding": melding_detail_history,
    "vrijstelling": vrijstelling_detail,
    "traject_detail": traject_detail,
    "dossier": dossier_everything,
    "werkvoorraad-aanvragen": werkvoorraad_aanvragen,
    "teamoverzicht": teamoverzicht,
    "rapportages": rapportages,
    "imports": imports,
    "import_detail": import_detail,
    "api-tokens": api_tokens_page,
}


@pytest.mark.parametrize("name", PAGES)
def test_page_queries_do_not_grow_with_the_data(world, name):
    check_budget(PAGES[name](world))


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
