import pytest
from django.core.exceptions import ValidationError
from django.db import DatabaseError, connection, transaction
from django.urls import reverse

from cases.models import AuditEntry

pytestmark = pytest.mark.django_db


def test_opening_a_dossier_writes_one_audit_entry(client, lpa_a, jongere_a):
    client.force_login(lpa_a)
    client.get(reverse("dossier", args=[jongere_a.dossier.pk]))
    entry = AuditEntry.objects.get()
    assert entry.actie == "inzien"
    assert entry.gebruikersnaam == "lpa-a"
    assert entry.organisatie_id == lpa_a.organisatie_id
    assert entry.jongere_id == jongere_a.pk
    assert entry.doel == "handhaving_leerplicht"
    assert entry.betrokkene and jongere_a.bsn not in entry.betrokkene
    assert entry.trace_id


def test_refused_view_writes_no_entry_about_the_jongere(client, lpa_b, jongere_a):
    client.force_login(lpa_b)
    client.get(reverse("dossier", args=[jongere_a.dossier.pk]))
    assert not AuditEntry.objects.filter(jongere_id=jongere_a.pk).exists()


def test_search_results_are_logged_per_jongere(client, lpa_a, jongere_a):
    client.force_login(lpa_a)
    client.post(reverse("jongeren"), {"q": "Visser"}, follow=True)
    assert list(AuditEntry.objects.values_list("actie", "jongere_id")) == [("zoeken", jongere_a.pk)]


def test_a_listing_entry_names_the_same_person_as_opening_the_dossier(client, lpa_a, jongere_a):
    # Lists write their entries in one statement; they must read like any other entry, so the
    # log can be searched per jongere (pseudonym) and per request (trace id).
    client.force_login(lpa_a)
    client.post(reverse("jongeren"), {"q": "Visser"}, follow=True, HTTP_X_REQUEST_ID="zoek-1")
    client.get(reverse("dossier", args=[jongere_a.dossier.pk]))
    zoeken, inzien = AuditEntry.objects.order_by("pk")
    assert (zoeken.actie, inzien.actie) == ("zoeken", "inzien")
    assert zoeken.betrokkene == inzien.betrokkene
    assert zoeken.trace_id == "zoek-1"
    assert (zoeken.gebruiker_id, zoeken.gebruikersnaam, zoeken.organisatie_id) == (
        lpa_a.pk,
        "lpa-a",
        lpa_a.organisatie_id,
    )
    assert (zoeken.object_type, zoeken.object_id, zoeken.jongere_id) == (
        "cases.jongere",
        jongere_a.pk,
        jongere_a.pk,
    )
    assert zoeken.doel == "handhaving_leerplicht"
    assert zoeken.tijdstip <= inzien.tijdstip


def test_recording_an_action_is_logged(client, lpa_a, jongere_a):
    client.force_login(lpa_a)
    client.post(
        reverse("actie_toevoegen", args=[jongere_a.dossier.pk]),
        {"soort": "huisbezoek", "datum": "2025-10-01", "omschrijving": "Niemand thuis."},
    )
    assert (
        AuditEntry.objects.filter(
            actie="aanmaken", object_type="cases.actie", jongere_id=jongere_a.pk
        ).count()
        == 1
    )


def test_the_log_cannot_be_changed_through_the_application(client, lpa_a, jongere_a):
    client.force_login(lpa_a)
    client.get(reverse("dossier", args=[jongere_a.dossier.pk]))
    entry = AuditEntry.objects.get()
    entry.gebruikersnaam = "iemand anders"
    with pytest.raises(ValidationError):
        entry.save()
    with pytest.raises(ValidationError):
        entry.delete()
    with pytest.raises(ValidationError):
        AuditEntry.objects.all().delete()
    assert AuditEntry.objects.get().gebruikersnaam == "lpa-a"


@pytest.mark.parametrize(
    "statement", ["UPDATE cases_auditentry SET gebruikersnaam = 'x'", "DELETE FROM cases_auditentry"]
)
def test_postgresql_refuses_update_and_delete_on_the_log(client, lpa_a, jongere_a, statement):
    client.force_login(lpa_a)
    client.get(reverse("dossier", args=[jongere_a.dossier.pk]))
    with (
        pytest.raises(DatabaseError, match="alleen-toevoegen"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(statement)
    assert AuditEntry.objects.get().gebruikersnaam == "lpa-a"
