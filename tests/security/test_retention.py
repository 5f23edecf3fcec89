"""Retention: a dossier past its term is proposed by the daily job, destroyed after a functioneel
beheerder approves it in the browser (the admin), and the jaarverslag of its year reproduces
exactly: the anonymous facts stay, the personal data goes."""

from datetime import date, datetime, timedelta

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone

from cases.codelists import seed_codelists
from cases.constants import Bewaartermijn, Codelijst, Role
from cases.models import Actie, AuditEntry, Document, Jongere
from cases.privacy.models import VernietigingsVoorstel
from cases.privacy.retention import dossiers_due
from cases.rules import Schooljaar
from cases.tasks import vernietiging_voorstellen
from doorstroom.models import Traject
from leerplicht.models import Melding, Vrijstelling
from reporting.renderers.json import render_json
from reporting.tables import build_report
from tests.doorstroom.factories import TrajectFactory
from tests.factories import ActieFactory, JongereFactory, MeldingFactory, UserFactory

pytestmark = pytest.mark.django_db
OLD = timezone.make_aware(datetime(2007, 9, 1))


@pytest.fixture
def old_dossier(organisatie_a):
    """A jongere born in 1990 with a closed relatief-verzuim melding in schooljaar 2007-2008,
    a vrijstelling, an action with notes and a document."""
    seed_codelists(organisatie_a)
    lpa = UserFactory(username="lpa-oud", organisatie=organisatie_a, role=Role.LEERPLICHTAMBTENAAR)
    jongere = JongereFactory(
        organisatie=organisatie_a,
        voornamen="Iris",
        achternaam="Oudendijk",
        geboortedatum=date(1990, 3, 1),
        geslacht="v",
        straat="Dorpsstraat 1",
        postcode="2711AA",
        woonplaats="Zoetermeer",
        extern_id="P-123",
    )
    dossier = jongere.dossier
    dossier.aangemaakt_op = OLD
    dossier.save()
    resultaat = organisatie_a.codes.filter(lijst=Codelijst.RESULTAAT_RELATIEF).first()
    MeldingFactory(
        dossier=dossier,
        afgesloten=True,
        ontvangen_op=date(2007, 10, 1),
        verzuim_van=date(2007, 9, 10),
        leeftijd=17,
        toelichting="Vader belt terug, moeder ziek.",
        afsluitreden="Weer naar school.",
        resultaat=resultaat,
        behandelaar=lpa,
    )
    Vrijstelling.objects.create(
        dossier=dossier,
        grondslag="art5a",
        onderwijs="vo",
        gemeente=jongere.woongemeente,
        aangevraagd_op=date(2007, 11, 1),
        toelichting="Medische verklaring volgt.",
    )
    ActieFactory(
        dossier=dossier, gebruiker=lpa, datum=date(2007, 10, 5), omschrijving="Huisbezoek, niemand thuis."
    )
    document = Document(
        dossier=dossier, naam="verklaring.pdf", content_type="application/pdf", grootte=4, geupload_door=lpa
    )
    document.bestand.save("x", ContentFile(b"%PDF"), save=False)
    document.save()
    return dossier


@pytest.fixture
def beheerder(organisatie_a):
    user = UserFactory(
        username="beheerder", organisatie=organisatie_a, role=Role.FUNCTIONEEL_BEHEERDER, is_staff=True
    )
    return user


def test_a_dossier_past_its_term_is_proposed_destroyed_after_approval_and_the_report_reproduces(
    old_dossier, beheerder, client, organisatie_a, django_capture_on_commit_callbacks
):
    young = JongereFactory(organisatie=organisatie_a, geboortedatum=date(2012, 5, 17))  # far from its term
    report_before = render_json(build_report(organisatie_a, Schooljaar(2007)))
    assert report_before["tabellen"]  # the year has numbers to compare

    assert vernietiging_voorstellen() == 1
    assert vernietiging_voorstellen() == 0  # idempotent: one open proposal per dossier
    voorstel = VernietigingsVoorstel.objects.get()
    assert voorstel.dossier == old_dossier and voorstel.status == VernietigingsVoorstel.Status.VOORGESTELD
    # kwalificatieplicht ended at 18 (no startkwalificatie): 2 years later is the latest term
    assert (voorstel.grondslag, voorstel.vervaldatum) == ("selectielijst_12_1_4", date(2010, 3, 1))
    assert not VernietigingsVoorstel.objects.filter(dossier=young.dossier).exists()

    client.force_login(beheerder)
    listing = client.get(reverse("admin:cases_vernietigingsvoorstel_changelist"))
    assert listing.status_code == 200
    assert "Oudendijk" not in listing.content.decode()  # the list names no one
    document_file = Document.objects.get().bestand.name
    storage = Document.objects.get().bestand.storage
    with django_capture_on_commit_callbacks(execute=True):  # files go after the commit
        response = client.post(
            reverse("admin:cases_vernietigingsvoorstel_changelist"),
            {"action": "goedkeuren", "_selected_action": [voorstel.pk]},
            follow=True,
        )
    assert response.status_code == 200
    assert "1 dossier(s) vernietigd." in response.content.decode()

    voorstel.refresh_from_db()
    assert voorstel.status == VernietigingsVoorstel.Status.VERNIETIGD
    assert voorstel.beoordeeld_door == beheerder
    assert voorstel.verwijderd["cases.document"] == 1
    jongere = Jongere.objects.get(pk=old_dossier.jongere_id)
    assert (jongere.bsn, jongere.voornamen, jongere.achternaam, jongere.straat, jongere.postcode, jongere.extern_id) == (
        "", "", "", "", "", ""
    )  # fmt: skip
    assert (jongere.geboortedatum, jongere.geslacht) == (date(1990, 3, 1), "v")  # what the report needs
    melding = Melding.objects.get(dossier=old_dossier)
    assert (melding.toelichting, melding.afsluitreden, melding.leeftijd, melding.ontvangen_op) == (
        "", "", 17, date(2007, 10, 1)
    )  # fmt: skip
    assert Vrijstelling.objects.get(dossier=old_dossier).toelichting == ""
    assert Actie.objects.get(dossier=old_dossier).omschrijving == ""
    assert not Document.objects.exists() and not storage.exists(document_file)
    old_dossier.refresh_from_db()
    assert old_dossier.vernietigd_op is not None
    entry = AuditEntry.objects.get(actie="verwijderen")
    assert (entry.jongere_id, entry.gebruikersnaam, entry.doel) == (jongere.pk, "beheerder", "archivering")

    assert render_json(build_report(organisatie_a, Schooljaar(2007))) == report_before
    assert vernietiging_voorstellen() == 0  # a destroyed dossier is not proposed again


def test_open_work_and_recent_activity_keep_a_dossier(old_dossier, organisatie_a):
    today = timezone.localdate()
    MeldingFactory(
        dossier=old_dossier, ontvangen_op=date(2008, 1, 10), verzuim_van=date(2008, 1, 2)
    )  # still open
    assert dossiers_due(organisatie_a, today) == []
    Melding.objects.update(fase="afgesloten", afgesloten_op=today - timedelta(days=30))
    assert dossiers_due(organisatie_a, today) == []  # closed a month ago: 2 more years
    Melding.objects.update(afgesloten_op=date(2009, 1, 1))
    assert [d.dossier for d in dossiers_due(organisatie_a, today)] == [old_dossier]


def test_the_wpg_term_is_five_years_after_the_last_activity(organisatie_a):
    organisatie_a.bewaartermijn = Bewaartermijn.WPG
    organisatie_a.save()
    jongere = JongereFactory(organisatie=organisatie_a, geboortedatum=date(2012, 5, 17))
    dossier = jongere.dossier
    dossier.aangemaakt_op = timezone.make_aware(datetime(2018, 9, 1))
    dossier.save()
    MeldingFactory(
        dossier=dossier, afgesloten=True, ontvangen_op=date(2019, 10, 1), verzuim_van=date(2019, 9, 2)
    )
    due = dossiers_due(organisatie_a, date(2024, 11, 2))
    assert [(d.dossier, d.grondslag, d.vervaldatum) for d in due] == [
        (dossier, "wpg_5_jaar", date(2024, 11, 1))
    ]
    assert dossiers_due(organisatie_a, date(2024, 10, 31)) == []


def test_a_traject_keeps_the_dossier_until_two_years_after_it_closes(organisatie_a):
    seed_codelists(organisatie_a)
    jongere = JongereFactory(organisatie=organisatie_a, geboortedatum=date(1995, 1, 1))
    jongere.dossier.aangemaakt_op = OLD
    jongere.dossier.save()
    TrajectFactory(dossier=jongere.dossier)
    assert Traject.objects.filter(afgesloten_op__isnull=True).exists()
    assert dossiers_due(organisatie_a, timezone.localdate()) == []


def test_rejected_proposals_stay_and_the_beheerder_of_another_organisation_sees_none(
    old_dossier, client, organisatie_b
):
    vernietiging_voorstellen()
    other = UserFactory(
        username="beheerder-b", organisatie=organisatie_b, role=Role.FUNCTIONEEL_BEHEERDER, is_staff=True
    )
    client.force_login(other)
    response = client.get(reverse("admin:cases_vernietigingsvoorstel_changelist"))
    assert response.status_code == 200
    assert "0 vernietigingsvoorstellen" in response.content.decode() or "0 van" in response.content.decode()
    assert VernietigingsVoorstel.objects.get().status == "voorgesteld"
