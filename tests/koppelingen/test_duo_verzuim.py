"""DUO verzuimmeldingen into the inbox, accepted into meldingen with DUO's number."""

import pytest
from django.urls import reverse

from cases.constants import Role
from koppelingen.constants import Bron, RunStatus, SignaalStatus, Voorstel
from koppelingen.duo import service
from koppelingen.models import AutomatischToepassen, KoppelingRun, Signaal
from leerplicht.constants import MeldingSoort
from leerplicht.models import Melding
from tests.factories import GemeenteFactory, JongereFactory, UserFactory
from tests.koppelingen.documenten import DAAN, NOOR, duo_bytes, duo_melding

pytestmark = pytest.mark.django_db


def test_a_file_with_a_duplicate_gives_two_signals_and_reading_it_again_changes_nothing(org, drie_meldingen):
    run = service.document_verwerken(organisatie=org, inhoud=drie_meldingen, via="upload")
    assert (run.status, run.ontvangen, run.nieuw) == (RunStatus.GESLAAGD, 3, 2)
    signalen = Signaal.objects.filter(organisatie=org).order_by("extern_id")
    assert [(s.extern_id, s.voorstel, s.gegevens["soort"]) for s in signalen] == [
        ("VM-2026-0001", Voorstel.NIEUWE_MELDING, MeldingSoort.RELATIEF_WETTELIJK),
        ("VM-2026-0002", Voorstel.NIEUWE_MELDING, MeldingSoort.LUXE),
    ]
    # The raw record is kept as received.
    assert signalen[0].inhoud["leerling"]["bsn"] == NOOR["bsn"]

    again = service.document_verwerken(organisatie=org, inhoud=drie_meldingen, via="upload")
    assert (again.ontvangen, again.nieuw) == (3, 0)
    assert Signaal.objects.count() == 2


def test_accepting_gives_two_meldingen_with_duos_numbers_and_rereading_changes_nothing(
    client, org, lpa, drie_meldingen
):
    service.document_verwerken(organisatie=org, inhoud=drie_meldingen, via="upload")
    client.force_login(lpa)
    for signaal in Signaal.objects.order_by("extern_id"):
        page = client.get(reverse("signaal", args=[signaal.pk]))
        assert page.status_code == 200
        assert "Voorstel accepteren" in page.content.decode()
        response = client.post(
            reverse("signaal_accepteren", args=[signaal.pk]),
            {"soort": signaal.gegevens["soort"], "behandelaar": lpa.pk},
        )
        assert response.status_code == 302
    meldingen = Melding.objects.order_by("duo_meldingnummer")
    assert [(m.duo_meldingnummer, m.soort, m.dossier.jongere.bsn, m.behandelaar) for m in meldingen] == [
        ("VM-2026-0001", MeldingSoort.RELATIEF_WETTELIJK, NOOR["bsn"], lpa),
        ("VM-2026-0002", MeldingSoort.LUXE, DAAN["bsn"], lpa),
    ]
    assert meldingen[0].uren_verzuim == 18 and meldingen[1].verlof_dagen == 3
    assert meldingen[0].school.naam == "Het Testcollege"
    assert "De school vraagt de gemeente om actie." in meldingen[0].toelichting
    assert set(Signaal.objects.values_list("status", flat=True)) == {SignaalStatus.TOEGEPAST}

    service.document_verwerken(organisatie=org, inhoud=drie_meldingen, via="upload")
    assert Melding.objects.count() == 2
    assert Signaal.objects.count() == 2

    werkvoorraad = client.get(reverse("werkvoorraad"), {"behandelaar": ""}).content.decode()
    assert "DUO VM-2026-0001" in werkvoorraad and "DUO VM-2026-0002" in werkvoorraad


def test_accepting_twice_is_refused_in_dutch(client, org, lpa, drie_meldingen):
    service.document_verwerken(organisatie=org, inhoud=drie_meldingen, via="upload")
    signaal = Signaal.objects.get(extern_id="VM-2026-0001")
    client.force_login(lpa)
    client.post(reverse("signaal_accepteren", args=[signaal.pk]), {"soort": "relatief_wettelijk"})
    response = client.post(
        reverse("signaal_accepteren", args=[signaal.pk]), {"soort": "relatief_wettelijk"}, follow=True
    )
    assert "Dit signaal is al afgehandeld." in response.content.decode()
    assert Melding.objects.count() == 1


def test_an_existing_jongere_is_found_on_bsn_and_not_registered_again(client, org, lpa):
    jongere = JongereFactory(organisatie=org, bsn=NOOR["bsn"], voornamen="Noor", achternaam="Bakker")
    service.document_verwerken(
        organisatie=org, inhoud=duo_bytes(duo_melding("VM-1", NOOR, "16_uur", uren=16)), via="upload"
    )
    signaal = Signaal.objects.get()
    assert signaal.jongere == jongere
    client.force_login(lpa)
    client.post(reverse("signaal_accepteren", args=[signaal.pk]), {"soort": "relatief_wettelijk"})
    assert Melding.objects.get().dossier.jongere == jongere
    assert org.jongeren.count() == 1


def test_switched_on_kind_with_an_exact_match_is_applied_automatically(org):
    JongereFactory(organisatie=org, bsn=NOOR["bsn"])
    AutomatischToepassen.objects.create(organisatie=org, voorstel=Voorstel.NIEUWE_MELDING)
    service.document_verwerken(
        organisatie=org,
        inhoud=duo_bytes(
            duo_melding("VM-1", NOOR, "16_uur", uren=16), duo_melding("VM-2", DAAN, "luxe", dagen=2)
        ),
        via="upload",
    )
    # Noor is known: applied; Daan is not known to the organisation: waits for a person.
    assert dict(Signaal.objects.values_list("extern_id", "status")) == {
        "VM-1": SignaalStatus.AUTOMATISCH,
        "VM-2": SignaalStatus.WACHTEND,
    }
    melding = Melding.objects.get()
    assert melding.duo_meldingnummer == "VM-1"
    assert melding.geregistreerd_door.username == f"koppelingen-{org.slug}"


def test_a_jongere_living_elsewhere_goes_to_the_doorsturen_list(client, org, lpa):
    GemeenteFactory(code="GM0599", naam="Rotterdam")
    service.document_verwerken(
        organisatie=org,
        inhoud=duo_bytes(duo_melding("VM-9", NOOR, "16_uur", gemeentecode="GM0599", uren=16)),
        via="upload",
    )
    signaal = Signaal.objects.get()
    assert signaal.doorsturen
    client.force_login(lpa)
    te_beoordelen = client.get(reverse("binnengekomen")).content.decode()
    assert "Te beoordelen (0)" in te_beoordelen and "Doorsturen (1)" in te_beoordelen
    detail = client.get(reverse("signaal", args=[signaal.pk])).content.decode()
    assert "buiten de gemeenten van uw organisatie" in detail
    assert "Voorstel accepteren" not in detail
    response = client.post(reverse("signaal_accepteren", args=[signaal.pk]), {}, follow=True)
    assert Melding.objects.count() == 0
    client.post(reverse("signaal_afwijzen", args=[signaal.pk]), {"reden": "Doorgestuurd naar Rotterdam"})
    signaal.refresh_from_db()
    assert (signaal.status, signaal.afwijsreden) == (SignaalStatus.AFGEWEZEN, "Doorgestuurd naar Rotterdam")
    assert response.status_code == 200


def test_dismissing_needs_a_reason(client, org, lpa, drie_meldingen):
    service.document_verwerken(organisatie=org, inhoud=drie_meldingen, via="upload")
    signaal = Signaal.objects.get(extern_id="VM-2026-0002")
    client.force_login(lpa)
    response = client.post(reverse("signaal_afwijzen", args=[signaal.pk]), {"reden": "  "}, follow=True)
    assert "Schrijf op waarom u dit signaal afwijst" in response.content.decode()
    signaal.refresh_from_db()
    assert signaal.status == SignaalStatus.WACHTEND


def test_a_bad_file_is_refused_whole_with_every_problem_in_dutch(org):
    slecht = duo_melding("VM-3", NOOR, "spijbelen")
    zonder_datum = duo_melding("VM-4", DAAN, "16_uur", datum_melding="30-11-2026")
    run = service.document_verwerken(
        organisatie=org,
        inhoud=duo_bytes(duo_melding("VM-5", NOOR, "luxe"), slecht, zonder_datum),
        via="upload",
    )
    assert run.status == RunStatus.MISLUKT
    assert "Melding 2: onbekende verzuimsoort 'spijbelen'" in run.fout
    assert "Melding 3: datum_melding is geen datum (verwacht jjjj-mm-dd)." in run.fout
    assert NOOR["bsn"] not in run.fout
    assert Signaal.objects.count() == 0

    run = service.document_verwerken(organisatie=org, inhoud=b"geen json", via="upload")
    assert run.fout == "Het bestand is geen geldige JSON (UTF-8)."


def test_signals_of_another_organisation_answer_404(client, org, organisatie_b, drie_meldingen):
    service.document_verwerken(organisatie=org, inhoud=drie_meldingen, via="upload")
    signaal = Signaal.objects.first()
    other = UserFactory(username="lpa-b", organisatie=organisatie_b, role=Role.LEERPLICHTAMBTENAAR)
    client.force_login(other)
    assert client.get(reverse("signaal", args=[signaal.pk])).status_code == 404
    assert client.post(reverse("signaal_accepteren", args=[signaal.pk]), {}).status_code == 404
    assert "Te beoordelen (0)" in client.get(reverse("binnengekomen")).content.decode()


def test_the_werkvoorraad_shows_how_many_signals_wait(client, org, lpa, drie_meldingen):
    client.force_login(lpa)
    assert "signalen binnengekomen" not in client.get(reverse("werkvoorraad")).content.decode()
    service.document_verwerken(organisatie=org, inhoud=drie_meldingen, via="upload")
    page = client.get(reverse("werkvoorraad")).content.decode()
    assert "2 signalen binnengekomen" in page


def test_the_inbox_says_which_links_are_not_set_up(client, org, lpa):
    client.force_login(lpa)
    page = client.get(reverse("binnengekomen")).content.decode()
    assert "Niet ingesteld:" in page and "DUO verzuimmeldingen" in page


def test_a_beheerder_uploads_a_file_on_the_koppelingen_page(client, org, beheerder, drie_meldingen):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(beheerder)
    response = client.post(
        reverse("koppelingen_upload"),
        {
            "soort": "duo_verzuim",
            "bestand": SimpleUploadedFile("duo.json", drie_meldingen, content_type="application/json"),
        },
        follow=True,
    )
    page = response.content.decode()
    assert "3 regels gelezen, 2 nieuwe signalen in Binnengekomen." in page
    assert KoppelingRun.objects.get().bron == Bron.DUO_VERZUIM
    assert "ontvangen 2, automatisch toegepast 0, toegepast 0, wachtend 2" in page
    # The beheerder reads no dossiers: no inbox for them.
    assert client.get(reverse("binnengekomen")).status_code == 403
