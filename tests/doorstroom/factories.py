"""Factories for Doorstroompunt trajecten; traits describe lifecycle states."""

from datetime import date, timedelta

import factory
from django.utils import timezone

from cases.rules import birthday_in_year
from doorstroom.constants import Doelgroep, Stap
from doorstroom.models import Benadering, StapWijziging, Traject
from tests.factories import JongereFactory


def years_ago(years: int, days: int = 0) -> date:
    today = timezone.localdate()
    return birthday_in_year(today, today.year - years) - timedelta(days=days)


class TrajectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Traject
        skip_postgeneration_save = True

    dossier = factory.LazyAttribute(lambda o: JongereFactory(geboortedatum=years_ago(19, days=40)).dossier)
    doelgroep = Doelgroep.NIEUW_VSV
    stap = Stap.SIGNALEREN
    gemeld_op = factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=30))

    class Params:
        afgesloten = factory.Trait(
            stap=Stap.AFSLUITEN,
            begeleid=True,
            afgesloten_op=factory.LazyAttribute(lambda o: o.gemeld_op + timedelta(days=10)),
            nazorg_op=factory.LazyAttribute(
                lambda o: birthday_in_year(o.afgesloten_op, o.afgesloten_op.year + 1)
            ),
        )

    @factory.post_generation
    def history(self, create, extracted, **kwargs):
        if create:
            StapWijziging.objects.create(traject=self, naar_stap=Stap.SIGNALEREN)


class BenaderingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Benadering

    traject = factory.SubFactory(TrajectFactory)
    soort = "huisbezoek"
    datum = factory.LazyFunction(timezone.localdate)
    uitkomst = "niet_aangetroffen"
