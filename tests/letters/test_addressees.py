"""Letters to named ouders (art. 2 Lpw): one letter per address, each records and shows who it
went to; ouders at one address share one letter."""

import pytest
from django.urls import reverse

from cases.constants import BriefSoort
from cases.letter_models import Brief, BriefSjabloon
from cases.models import Document
from cases.ouder_services import ouder_toevoegen
from cases.tasks import brief_maken

from .conftest import pdf_text

pytestmark = pytest.mark.django_db


def _make(client, melding, soort=BriefSoort.WAARSCHUWING):
    sjabloon = BriefSjabloon.objects.get(organisatie=melding.dossier.jongere.organisatie, soort=soort)
    return client.post(reverse("melding_brief", args=[melding.pk]), {"sjabloon": sjabloon.pk, "maken": "1"})


def _moeder(lpa, jongere, **extra):
    return ouder_toevoegen(
        actor=lpa,
        jongere=jongere,
        voornamen="Maria",
        achternaam="Visser",
        relatie="moeder",
        straat="Dorpsstraat",
        huisnummer="1",
        postcode="2711 AB",
        woonplaats="Zoetermeer",
        **extra,
    )


def test_ouders_living_apart_each_get_a_letter_naming_them_at_their_address(client, lpa, melding, jongere_a):
    moeder = _moeder(lpa, jongere_a)
    vader = ouder_toevoegen(
        actor=lpa,
        jongere=jongere_a,
        voornamen="Kees",
        voorvoegsel="de",
        achternaam="Boer",
        relatie="vader",
        straat="Stationsweg",
        huisnummer="12a",
        postcode="2611AB",
        woonplaats="Delft",
    )
    client.force_login(lpa)

    response = _make(client, melding)

    brieven = list(Brief.objects.order_by("pk"))
    assert [(b.ouder, b.geadresseerde) for b in brieven] == [
        (moeder, "Maria Visser"),
        (vader, "Kees de Boer"),
    ]
    assert brieven[1].adres == "Stationsweg 12a\n2611 AB  DELFT"
    assert brieven[0].zending == brieven[1].zending
    page = client.get(response.url).content.decode()
    assert "Maria Visser" in page and "Brief aan Kees de Boer" in page

    for brief in brieven:
        brief_maken.apply(args=[brief.pk])
    texts = [pdf_text(d.bestand.read()) for d in Document.objects.order_by("pk")]
    assert len(texts) == 2
    assert "Maria Visser" in texts[0] and "Dorpsstraat 1" in texts[0] and "Geachte mevrouw Visser" in texts[0]
    assert "Kees de Boer" not in texts[0]
    assert "Kees de Boer" in texts[1] and "Stationsweg 12a" in texts[1] and "Geachte heer de Boer" in texts[1]
    assert "Maria Visser" not in texts[1]
    # Each letter is its own formele waarschuwing on the timeline, naming its addressee.
    omschrijvingen = sorted(b.actie.omschrijving for b in Brief.objects.select_related("actie"))
    assert omschrijvingen[0].startswith("Brief aan Kees de Boer") and omschrijvingen[1].startswith(
        "Brief aan Maria"
    )


def test_ouders_at_one_address_share_one_letter(client, lpa, melding, jongere_a):
    _moeder(lpa, jongere_a)
    ouder_toevoegen(
        actor=lpa,
        jongere=jongere_a,
        voornamen="Kees",
        achternaam="Visser",
        relatie="vader",
        straat="Dorpsstraat",
        huisnummer="1",
        postcode="2711AB",
        woonplaats="Zoetermeer",
    )
    client.force_login(lpa)

    _make(client, melding)

    brief = Brief.objects.get()
    assert brief.geadresseerde == "Maria Visser en Kees Visser"


def test_an_ouder_without_gezag_or_care_gets_no_letter(client, lpa, melding, jongere_a):
    _moeder(lpa, jongere_a)
    ouder_toevoegen(
        actor=lpa,
        jongere=jongere_a,
        voornamen="Piet",
        achternaam="Bos",
        relatie="vader",
        gezag=False,
        feitelijke_verzorging=False,
        postcode="1234 AB",
        huisnummer="3",
    )
    client.force_login(lpa)

    _make(client, melding)

    assert list(Brief.objects.values_list("geadresseerde", flat=True)) == ["Maria Visser"]


def test_a_letter_to_the_school_goes_to_the_school_not_the_ouders(client, lpa, melding, jongere_a):
    _moeder(lpa, jongere_a)
    client.force_login(lpa)

    _make(client, melding, soort=BriefSoort.KENNISGEVING_SCHOOL)

    brief = Brief.objects.get()
    assert (brief.ouder, brief.geadresseerde) == (None, "")


def test_without_recorded_ouders_one_letter_to_the_ouders_of_the_jongere(client, lpa, melding):
    client.force_login(lpa)

    _make(client, melding)

    brief = Brief.objects.get()
    assert brief.ouder is None
    assert "Aan de ouder(s)/verzorger(s) van Noor Visser" in brief.html
