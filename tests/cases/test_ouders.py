"""Ouders/verzorgers (art. 2 Lpw): the model, its services and the selector."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from cases import selectors
from cases.concurrency import ConflictError
from cases.constants import AuditAction, GegevensBron, OuderRelatie, OuderWijzigingSoort
from cases.models import AuditEntry, Ouder, OuderWijziging
from cases.ouders.services import (
    ouder_toevoegen,
    ouder_verwijderen,
    ouder_wijzigen,
    ouders_bijwerken_uit_bron,
)

pytestmark = pytest.mark.django_db

MOEDER = {
    "voornamen": "Maria",
    "achternaam": "Visser",
    "relatie": OuderRelatie.MOEDER,
    "straat": "Dorpsstraat",
    "huisnummer": "1",
    "postcode": "2711ab",
    "woonplaats": "Zoetermeer",
}


def test_toevoegen_normalises_the_postcode_and_records_history_and_log(lpa_a, jongere_a):
    ouder = ouder_toevoegen(actor=lpa_a, jongere=jongere_a, **MOEDER)

    assert ouder.postcode == "2711 AB"
    assert ouder.organisatie_id == jongere_a.organisatie_id
    assert ouder.bron == GegevensBron.HANDMATIG
    assert list(ouder.wijzigingen.values_list("soort", flat=True)) == [OuderWijzigingSoort.TOEGEVOEGD]
    assert AuditEntry.objects.filter(
        object_type="cases.ouder", object_id=ouder.pk, actie=AuditAction.AANMAKEN, jongere_id=jongere_a.pk
    ).exists()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("postcode", "27111", "4 cijfers en 2 letters"),
        ("bsn", "123456789", "elfproef"),
        ("email", "maria@", "e-mailadres"),
        ("achternaam", "  ", "achternaam"),
    ],
)
def test_toevoegen_refuses_bad_input_with_a_dutch_reason_and_writes_nothing(
    lpa_a, jongere_a, field, value, message
):
    with pytest.raises(ValidationError) as error:
        ouder_toevoegen(actor=lpa_a, jongere=jongere_a, **{**MOEDER, field: value})

    assert message in " ".join(error.value.message_dict[field])
    assert not Ouder.objects.exists()
    assert not OuderWijziging.objects.exists()


def test_the_jongere_own_bsn_is_not_an_ouder_bsn(lpa_a, jongere_a):
    with pytest.raises(ValidationError) as error:
        ouder_toevoegen(actor=lpa_a, jongere=jongere_a, bsn=jongere_a.bsn, **MOEDER)
    assert "BSN van de jongere zelf" in error.value.message_dict["bsn"][0]


def test_two_active_ouders_with_the_same_bsn_are_refused(lpa_a, jongere_a):
    ouder_toevoegen(actor=lpa_a, jongere=jongere_a, bsn="111222333", **MOEDER)
    with pytest.raises(ValidationError) as error:
        ouder_toevoegen(actor=lpa_a, jongere=jongere_a, bsn="111222333", voornamen="Piet", achternaam="Bos")
    assert "al een ouder" in error.value.message_dict["bsn"][0]


def test_wijzigen_records_the_changed_fields_and_raises_the_version(lpa_a, jongere_a):
    ouder = ouder_toevoegen(actor=lpa_a, jongere=jongere_a, **MOEDER)

    changed = ouder_wijzigen(
        actor=lpa_a, ouder=ouder, versie=1, telefoon="06-12345678", woonplaats="Zoetermeer"
    )

    assert changed.versie == 2
    assert changed.telefoon == "06-12345678"
    latest = changed.wijzigingen.first()
    assert (latest.soort, latest.velden) == (OuderWijzigingSoort.GEWIJZIGD, ["telefoon"])


def test_wijzigen_with_a_stale_version_is_refused_and_changes_nothing(lpa_a, jongere_a):
    ouder = ouder_toevoegen(actor=lpa_a, jongere=jongere_a, **MOEDER)
    ouder_wijzigen(actor=lpa_a, ouder=ouder, versie=1, telefoon="0791234567")

    with pytest.raises(ConflictError):
        ouder_wijzigen(actor=lpa_a, ouder=ouder, versie=1, telefoon="0797654321")

    ouder.refresh_from_db()
    assert (ouder.telefoon, ouder.versie) == ("0791234567", 2)


def test_verwijderen_hides_the_ouder_but_keeps_the_history(lpa_a, jongere_a):
    ouder = ouder_toevoegen(actor=lpa_a, jongere=jongere_a, **MOEDER)
    vader = ouder_toevoegen(actor=lpa_a, jongere=jongere_a, voornamen="Kees", achternaam="Visser")

    ouder_verwijderen(actor=lpa_a, ouder=ouder, versie=1)

    assert list(selectors.ouders_van(lpa_a, jongere_a)) == [vader]
    assert list(ouder.wijzigingen.values_list("soort", flat=True)) == [
        OuderWijzigingSoort.VERWIJDERD,
        OuderWijzigingSoort.TOEGEVOEGD,
    ]
    with pytest.raises(ValidationError):
        ouder_wijzigen(actor=lpa_a, ouder=ouder, versie=None, telefoon="0791234567")


def test_ouders_van_lists_those_with_gezag_first(lpa_a, jongere_a):
    pleeg = ouder_toevoegen(
        actor=lpa_a, jongere=jongere_a, voornamen="Els", achternaam="Bos", relatie="pleegouder", gezag=False
    )
    moeder = ouder_toevoegen(actor=lpa_a, jongere=jongere_a, **MOEDER)

    assert list(selectors.ouders_van(lpa_a, jongere_a)) == [moeder, pleeg]


def test_ouders_are_visible_only_within_the_organisation(lpa_a, lpa_b, jongere_a):
    ouder = ouder_toevoegen(actor=lpa_a, jongere=jongere_a, **MOEDER)

    assert list(Ouder.objects.visible_to(lpa_a)) == [ouder]
    assert not Ouder.objects.visible_to(lpa_b).exists()
    assert not OuderWijziging.objects.visible_to(lpa_b).exists()
    # The selector of the dossier page, the API, letters and overdracht goes through the gate
    # too, even when handed a jongere of another organisation.
    assert list(selectors.ouders_van(lpa_a, jongere_a)) == [ouder]
    assert not selectors.ouders_van(lpa_b, jongere_a).exists()


def test_adres_sleutel_tells_households_apart(lpa_a, jongere_a):
    moeder = ouder_toevoegen(actor=lpa_a, jongere=jongere_a, **MOEDER)
    zelfde = ouder_toevoegen(
        actor=lpa_a, jongere=jongere_a, **{**MOEDER, "voornamen": "Kees", "postcode": "2711 AB"}
    )
    elders = ouder_toevoegen(
        actor=lpa_a, jongere=jongere_a, **{**MOEDER, "voornamen": "Piet", "huisnummer": "3"}
    )

    assert moeder.adres_sleutel == zelfde.adres_sleutel
    assert moeder.adres_sleutel != elders.adres_sleutel
    assert moeder.adresregels == ["Dorpsstraat 1", "2711 AB  ZOETERMEER"]


def test_sync_from_a_source_adds_updates_and_deactivates_only_its_own(lpa_a, jongere_a):
    handmatig = ouder_toevoegen(actor=lpa_a, jongere=jongere_a, voornamen="Els", achternaam="Bos")
    first = ouders_bijwerken_uit_bron(
        actor=None,
        jongere=jongere_a,
        ouders=[
            {"bsn": "111222333", "voornamen": "Maria", "achternaam": "Visser"},
            {"voornamen": "Kees", "achternaam": "Visser"},
        ],
        bron=GegevensBron.BRP,
        bron_datum=date(2026, 1, 5),
    )
    maria, kees = first

    second = ouders_bijwerken_uit_bron(
        actor=None,
        jongere=jongere_a,
        ouders=[
            # Same BSN, new surname: the same person, updated.
            {"bsn": "111222333", "voornamen": "Maria", "achternaam": "de Vries", "woonplaats": "Delft"},
        ],
        bron=GegevensBron.BRP,
        bron_datum=date(2026, 2, 1),
    )

    assert [o.pk for o in second] == [maria.pk]
    maria.refresh_from_db()
    kees.refresh_from_db()
    handmatig.refresh_from_db()
    assert (maria.achternaam, maria.woonplaats, maria.bron_datum) == ("de Vries", "Delft", date(2026, 2, 1))
    assert not kees.actief
    assert handmatig.actief and handmatig.versie == 1
    assert set(selectors.ouders_van(lpa_a, jongere_a)) == {handmatig, maria}

    # Kees reappears (matched on name): reactivated, not duplicated.
    third = ouders_bijwerken_uit_bron(
        actor=None,
        jongere=jongere_a,
        ouders=[
            {"bsn": "111222333", "voornamen": "Maria", "achternaam": "de Vries", "woonplaats": "Delft"},
            {"voornamen": "KEES", "achternaam": "visser"},
        ],
        bron=GegevensBron.BRP,
        bron_datum=date(2026, 3, 1),
    )
    assert third[1].pk == kees.pk
    assert Ouder.objects.filter(jongere=jongere_a).count() == 3


def test_sync_refuses_the_handmatig_source(jongere_a):
    with pytest.raises(ValueError):
        ouders_bijwerken_uit_bron(
            actor=None, jongere=jongere_a, ouders=[], bron=GegevensBron.HANDMATIG, bron_datum=None
        )
