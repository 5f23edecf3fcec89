"""Every page runs the same number of SQL queries for small and larger data
(issue #8); the API endpoints are in tests/api/test_query_budgets.py. Covered elsewhere: werkvoorraad and dossier-with-meldingen (tests/leerplicht,
tests/cases/test_dossier_page.py), caseload (tests/doorstroom), letter templates (tests/letters),
the jaarverslag tables (tests/reporting)."""

import itertools
import re
from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from knox.models import AuthToken

from cases.constants import AuditAction, Codelijst, Role, Verwerkingsactiviteit
from cases.models import Actie, ImportRecord, Inschrijving
from cases.privacy.audit import log_access
from doorstroom.constants import Stap
from doorstroom.models import StapWijziging
from leerplicht.constants import Route
from leerplicht.models import MeldingActie, MeldingRoute, MeldingTransitie, Vrijstelling
from leerplicht.views import AANVRAGEN_OP_WERKVOORRAAD
from reporting.models import ReportRun
from tests.doorstroom.factories import BenaderingFactory, TrajectFactory, years_ago
from tests.factories import (
    ActieFactory,
    MeldingFactory,
    SchoolFactory,
    UserFactory,
)
from tests.query_budget import (
    PAGE_SIZE,
    Budget,
    World,
    check_budget,
    count_pattern,
    heading_total,
    make_document,
    make_import,
    marker,
    markers_in,
    repeat,
)


@pytest.fixture
def world(organisatie_a, client):
    return World(organisatie_a, client)


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


def stored_search(w, terms):
    """The results page of a search as the browser shows it after the post: GET ?zoekopdracht=."""
    w.client.force_login(w.lpa)
    url = w.client.post(reverse("jongeren"), terms)["Location"]
    return lambda: w.client.get(url)


def jongeren_search_by_name(w):
    return Budget(
        stored_search(w, {"q": "qz"}),
        repeat(w.jongere),
        total=heading_total("jongeren gevonden"),
        page_size=PAGE_SIZE,
    )


def jongeren_search_by_bsn(w):
    """One jongere found among many: the result stays one row."""
    target = w.jongere(bsn="123456782")
    return Budget(
        stored_search(w, {"q": target.bsn}),
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

    return Budget(
        w.page(w.lpa, reverse("werkvoorraad")),
        repeat(make),
        page_size=AANVRAGEN_OP_WERKVOORRAAD,
        expect=lambda n: min(n, AANVRAGEN_OP_WERKVOORRAAD),  # the most urgent; the rest on their page
    )


def aanvragen_list(w):
    """The page with every open aanvraag, paged, with a count."""

    def make():
        Vrijstelling.objects.create(
            dossier=w.jongere().dossier,
            grondslag="art5a",
            onderwijs="vo",
            gemeente=w.gemeente,
            aangevraagd_op=timezone.localdate() - timedelta(days=20),
            behandelaar=w.lpa,
        )

    return Budget(
        w.page(w.lpa, reverse("aanvragen")),
        repeat(make),
        total=heading_total("aanvragen in behandeling"),
        page_size=PAGE_SIZE,
    )


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


def binnengekomen(w):
    """The inbox: signals waiting for a person, each naming its jongere."""
    from koppelingen.models import Signaal

    def make():
        n = w.next()
        Signaal.objects.create(
            organisatie=w.org,
            bron="duo_verzuim",
            soort="verzuimmelding",
            extern_id=f"VM-{n}",
            inhoud={},
            voorstel="nieuwe_melding",
            jongere=w.jongere(),
            gemeente=w.gemeente,
            bewaren_tot=timezone.localdate() + timedelta(days=365),
        )

    return Budget(w.page(w.lpa, reverse("binnengekomen")), repeat(make), page_size=PAGE_SIZE)


def dossier_ouders(w):
    """A dossier with its ouders/verzorgers (art. 2 Lpw) and their lines on the timeline."""
    from cases.constants import OuderWijzigingSoort
    from cases.models import Ouder, OuderWijziging

    jongere = w.jongere(achternaam="Eigen", geboortedatum=years_ago(12))

    def make():
        ouder = Ouder.objects.create(
            organisatie=w.org, jongere=jongere, achternaam=marker(w.next()), voornamen="Sam"
        )
        OuderWijziging.objects.create(
            ouder=ouder, soort=OuderWijzigingSoort.TOEGEVOEGD, bron="handmatig", gebruiker=w.lpa
        )

    return Budget(w.page(w.lpa, reverse("dossier", args=[jongere.dossier.pk])), repeat(make))


PAGES = {
    "start": start_page,
    "jongeren-naam": jongeren_search_by_name,
    "jongeren-bsn": jongeren_search_by_bsn,
    "meldingen": meldingen_list,
    "melding": melding_detail_history,
    "vrijstelling": vrijstelling_detail,
    "traject_detail": traject_detail,
    "dossier": dossier_everything,
    "dossier-ouders": dossier_ouders,
    "binnengekomen": binnengekomen,
    "werkvoorraad-aanvragen": werkvoorraad_aanvragen,
    "aanvragen": aanvragen_list,
    "teamoverzicht": teamoverzicht,
    "rapportages": rapportages,
    "imports": imports,
    "import_detail": import_detail,
    "api-tokens": api_tokens_page,
}


@pytest.mark.parametrize("name", PAGES)
def test_page_queries_do_not_grow_with_the_data(world, name):
    check_budget(PAGES[name](world))
