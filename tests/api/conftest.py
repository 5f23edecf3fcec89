"""A small organisation A with one record of every kind, a second organisation B, and API
clients that authenticate with personal tokens (knox)."""

from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from django.contrib.auth.models import Permission
from django.utils import timezone
from knox.models import AuthToken
from rest_framework.test import APIClient

from cases.codelists import seed_codelists
from cases.constants import Codelijst, Role
from cases.models import Actie, CodeItem, ImportRecord
from cases.ouders.services import ouder_toevoegen
from doorstroom.models import Traject
from leerplicht.models import Melding, MeldingTransitie, Vrijstelling
from reporting.models import Populatie, ReportRun
from tests.doorstroom.factories import TrajectFactory, years_ago
from tests.factories import ActieFactory, JongereFactory, MeldingFactory, SchoolFactory, UserFactory

ALL_ROLES = [Role.LEERPLICHTAMBTENAAR, Role.DOORSTROOMCOACH, Role.ADMINISTRATIEF_MEDEWERKER]


def token_client(user) -> tuple[APIClient, str]:
    _instance, token = AuthToken.objects.create(user=user)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    return client, token


def power_user(username, organisatie):
    """A user holding every role that reads or writes records, plus the populatie permissions."""
    user = UserFactory(username=username, organisatie=organisatie, role=Role.LEERPLICHTAMBTENAAR)
    for role in ALL_ROLES:
        from django.contrib.auth.models import Group

        user.groups.add(Group.objects.get(name=str(role.label)))
    user.user_permissions.add(
        *Permission.objects.filter(
            content_type__app_label="reporting", codename__in=["add_populatie", "change_populatie"]
        )
    )
    return user


@dataclass
class Seed:
    organisatie: object
    lpa: object
    coach: object
    jongere: object
    volwassene: object
    melding: Melding
    vrijstelling: Vrijstelling
    traject: Traject
    actie: Actie
    populatie: Populatie
    code: CodeItem
    school: object
    import_record: ImportRecord
    report_run: ReportRun
    ouder: object = None

    def ids(self) -> dict[str, set]:
        """The records of this organisation per API resource (router basename)."""
        return {
            "jongere": {self.jongere.pk, self.volwassene.pk},
            "dossier": {self.jongere.dossier.pk, self.volwassene.dossier.pk},
            "actie": {self.actie.pk},
            "melding": {self.melding.pk},
            "vrijstelling": {self.vrijstelling.pk},
            "traject": {self.traject.pk},
            "codeitem": set(self.organisatie.codes.values_list("pk", flat=True)),
            "populatie": {self.populatie.pk},
            "import": {self.import_record.pk},
            "reportrun": {self.report_run.pk},
            "ouder": {self.ouder.pk},
        }


def seed_organisation(organisatie, prefix: str) -> Seed:
    seed_codelists(organisatie)
    lpa = power_user(f"{prefix}-lpa", organisatie)
    coach = UserFactory(username=f"{prefix}-coach", organisatie=organisatie, role=Role.DOORSTROOMCOACH)
    jongere = JongereFactory(organisatie=organisatie, voornamen="Noor", geboortedatum=date(2012, 5, 17))
    volwassene = JongereFactory(organisatie=organisatie, voornamen="Mila", geboortedatum=years_ago(19, 40))
    school = SchoolFactory()
    melding = MeldingFactory(dossier=jongere.dossier, behandelaar=lpa, school=school)
    MeldingTransitie.objects.create(melding=melding, van="", naar="waarnemen", gebruiker=lpa)
    vrijstelling = Vrijstelling.objects.create(
        dossier=jongere.dossier,
        grondslag="art5a",
        onderwijs="vo",
        gemeente=jongere.woongemeente,
        aangevraagd_op=timezone.localdate() - timedelta(days=20),
    )
    traject = TrajectFactory(dossier=volwassene.dossier, behandelaar=coach)
    actie = ActieFactory(dossier=jongere.dossier, gebruiker=lpa)
    populatie = Populatie.objects.create(
        gemeente=organisatie.gemeenten.first(), schooljaar=2024, leerplichtigen=1000
    )
    code = organisatie.codes.filter(lijst=Codelijst.RESULTAAT_RELATIEF).first()
    import_record = ImportRecord.objects.create(
        organisatie=organisatie,
        soort="meldingen",
        bestandsnaam="meldingen.csv",
        checksum="0" * 64,
        gebruiker=lpa,
        via="api",
        status=ImportRecord.Status.KLAAR,
    )
    report_run = ReportRun.objects.create(
        organisatie=organisatie, schooljaar=2024, formaten=["json"], gestart_door=lpa
    )
    seed = Seed(
        organisatie,
        lpa,
        coach,
        jongere,
        volwassene,
        melding,
        vrijstelling,
        traject,
        actie,
        populatie,
        code,
        school,
        import_record,
        report_run,
    )
    seed.ouder = ouder_toevoegen(actor=None, jongere=jongere, voornamen="Anna", achternaam="Visser")
    return seed


@pytest.fixture
def seed_a(organisatie_a):
    return seed_organisation(organisatie_a, "a")


@pytest.fixture
def seed_b(organisatie_b):
    return seed_organisation(organisatie_b, "b")


@pytest.fixture
def api_a(seed_a):
    client, _token = token_client(seed_a.lpa)
    return client


@pytest.fixture
def api_b(seed_b):
    client, _token = token_client(seed_b.lpa)
    return client
