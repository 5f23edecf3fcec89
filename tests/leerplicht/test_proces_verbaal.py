"""A proces-verbaal names its verdachte: an ouder with gezag or feitelijke verzorging (art. 2 lid 1
Lpw), or the leerling from 12 (art. 2 lid 3, art. 4a)."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from cases.constants import ActieSoort
from cases.ouders.services import ouder_toevoegen
from leerplicht import services
from leerplicht.constants import MeldingSoort
from leerplicht.models import MeldingActie
from tests.factories import JongereFactory, MeldingFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def melding(org):
    jongere = JongereFactory(
        organisatie=org, voornamen="Milan", achternaam="Bos", geboortedatum=date(2012, 3, 3)
    )
    return MeldingFactory(dossier=jongere.dossier, soort=MeldingSoort.LUXE, ontvangen_op=date(2025, 10, 1))


def _pv(lpa, melding, soort=ActieSoort.PROCES_VERBAAL_OUDER, **extra):
    return services.melding_actie_register(
        actor=lpa, melding_id=melding.pk, soort=soort, datum=date(2025, 10, 10), **extra
    )


def _ouder(lpa, melding, voornamen, **extra):
    return ouder_toevoegen(
        actor=lpa, jongere=melding.dossier.jongere, voornamen=voornamen, achternaam="Bos", **extra
    )


def test_the_chosen_ouder_is_recorded_and_named_on_the_timeline(lpa, melding):
    _ouder(lpa, melding, "Anna")
    vader = _ouder(lpa, melding, "Kees", relatie="vader")

    link = _pv(lpa, melding, verdachte_ouder=vader)

    assert (link.verdachte_ouder, link.verdachte) == (vader, "Kees Bos")
    assert link.actie.omschrijving.startswith("Verdachte: Kees Bos")
    melding.refresh_from_db()
    assert melding.proces_verbaal


def test_the_only_responsible_ouder_is_the_verdachte_without_choosing(lpa, melding):
    anna = _ouder(lpa, melding, "Anna")
    _ouder(lpa, melding, "Piet", gezag=False, feitelijke_verzorging=False)

    assert _pv(lpa, melding).verdachte_ouder == anna


@pytest.mark.parametrize(
    ("ouders", "message"),
    [
        ([], "Leg eerst in het dossier de ouder of verzorger vast"),
        (["Anna", "Kees"], "Kies tegen welke ouder"),
    ],
)
def test_without_a_nameable_ouder_the_pv_is_refused_and_nothing_recorded(lpa, melding, ouders, message):
    for naam in ouders:
        _ouder(lpa, melding, naam)

    with pytest.raises(ValidationError, match=message):
        _pv(lpa, melding)

    melding.refresh_from_db()
    assert not melding.proces_verbaal and not MeldingActie.objects.exists()


def test_an_ouder_without_gezag_or_care_cannot_be_the_verdachte(lpa, melding):
    _ouder(lpa, melding, "Anna")
    stiefvader = _ouder(lpa, melding, "Piet", gezag=False, feitelijke_verzorging=False)

    with pytest.raises(ValidationError, match="artikel 2 Leerplichtwet"):
        _pv(lpa, melding, verdachte_ouder=stiefvader)


def test_an_ouder_of_another_jongere_cannot_be_the_verdachte(lpa, melding, org):
    other = JongereFactory(organisatie=org)
    vreemde = ouder_toevoegen(actor=lpa, jongere=other, voornamen="Els", achternaam="Kok")
    _ouder(lpa, melding, "Anna")

    with pytest.raises(ValidationError, match="artikel 2 Leerplichtwet"):
        _pv(lpa, melding, verdachte_ouder=vreemde)


def test_a_pv_against_the_leerling_names_the_leerling(lpa, melding):
    _ouder(lpa, melding, "Anna")

    link = _pv(lpa, melding, soort=ActieSoort.PROCES_VERBAAL_LEERLING)

    assert (link.verdachte_ouder, link.verdachte) == (None, "Milan Bos")


def test_the_melding_page_offers_the_ouders_as_verdachte_and_records_the_choice(client, lpa, melding):
    _ouder(lpa, melding, "Anna")
    kees = _ouder(lpa, melding, "Kees", relatie="vader")
    client.force_login(lpa)
    page = client.get(reverse("melding", args=[melding.pk])).content.decode()
    assert "Proces-verbaal ouder: verdachte" in page and "Kees Bos" in page

    response = client.post(
        reverse("melding_actie", args=[melding.pk]),
        {
            "actie-soort": ActieSoort.PROCES_VERBAAL_OUDER,
            "actie-datum": "2025-10-10",
            "actie-verdachte_ouder": kees.pk,
        },
        follow=True,
    )

    assert "De actie is vastgelegd." in response.content.decode()
    assert MeldingActie.objects.get().verdachte == "Kees Bos"
