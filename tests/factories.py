"""factory_boy factories for the core; traits describe lifecycle states."""

import random
from datetime import date, timedelta

import factory
from django.contrib.auth.models import Group

from cases.constants import ActieSoort, Role
from cases.demo import random_bsn
from cases.models import Actie, Dossier, Gemeente, Jongere, Organisatie, School, User

_rng = random.Random(20261123)


class GemeenteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Gemeente
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"GM{9000 + n:04d}")
    naam = factory.Sequence(lambda n: f"Gemeente {n}")


class OrganisatieFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisatie
        django_get_or_create = ("slug",)
        skip_postgeneration_save = True

    slug = factory.Sequence(lambda n: f"organisatie-{n}")
    naam = factory.Sequence(lambda n: f"Organisatie {n}")

    @factory.post_generation
    def gemeenten(self, create, extracted, **kwargs):
        for gemeente in extracted or [GemeenteFactory()]:
            self.gemeenten.add(gemeente)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"gebruiker{n}")
    first_name = "Test"
    last_name = factory.Sequence(lambda n: f"Gebruiker {n}")
    organisatie = factory.SubFactory(OrganisatieFactory)
    password = factory.django.Password("geheim-wachtwoord-123")

    @factory.post_generation
    def role(self, create, extracted, **kwargs):
        role = extracted or Role.LEERPLICHTAMBTENAAR
        self.groups.add(Group.objects.get(name=str(Role(role).label)))


class SchoolFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = School

    brin = factory.Sequence(lambda n: f"{n % 100:02d}X{chr(65 + n % 26)}")
    vestiging = factory.Sequence(lambda n: f"{n % 100:02d}")
    naam = factory.Sequence(lambda n: f"School {n}")
    onderwijssoorten = ["vmbo"]


class JongereFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Jongere
        skip_postgeneration_save = True

    organisatie = factory.SubFactory(OrganisatieFactory)
    bsn = factory.LazyFunction(lambda: random_bsn(_rng))
    voornamen = "Sam"
    achternaam = factory.Sequence(lambda n: f"Jansen{n}")
    geboortedatum = date(2012, 5, 17)
    woongemeente = factory.LazyAttribute(lambda o: o.organisatie.gemeenten.first())

    @factory.post_generation
    def dossier(self, create, extracted, **kwargs):
        if create:
            Dossier.objects.get_or_create(jongere=self)


class ActieFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Actie

    dossier = factory.LazyAttribute(lambda o: JongereFactory().dossier)
    soort = ActieSoort.VERZUIMGESPREK
    datum = date(2025, 10, 1)
    gebruiker = factory.SubFactory(UserFactory)


class MeldingFactory(factory.django.DjangoModelFactory):
    """A melding registered through the same fields the service sets; trait `afgesloten`."""

    class Meta:
        model = "leerplicht.Melding"

    dossier = factory.LazyAttribute(lambda o: JongereFactory().dossier)
    soort = "relatief_wettelijk"
    ontvangen_op = date(2025, 10, 1)
    gemeente = factory.LazyAttribute(lambda o: o.dossier.jongere.woongemeente)
    leeftijd = 13
    uren_verzuim = 20
    verzuim_van = date(2025, 9, 1)
    fase = "waarnemen"

    class Params:
        afgesloten = factory.Trait(
            fase="afgesloten",
            afgesloten_op=factory.LazyAttribute(lambda o: o.ontvangen_op + timedelta(days=31)),
            afsluitreden="Klaar.",
        )
