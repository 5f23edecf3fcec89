# ruff: noqa: F811 (the fixtures org and users are imported from imports_world)
"""Security round 2, point 8: two imports of the same file at once (PostgreSQL) made 40
meldingen for 20 extern_ids, or a unique-key 500 with a record `bezig` forever. Now the
database enforces one record per (organisation, extern_id), imports of an organisation and
kind wait for each other, and a stuck record can be marked failed or tried again."""

import threading
from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.db import IntegrityError, connection, connections, transaction
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone

from cases.imports import ImportFailed
from cases.imports.records import confirm, import_now
from cases.models import ImportRecord, Jongere
from config.celery import app as celery_app
from leerplicht.models import Melding
from tests.security.imports_world import MELDING_HEADER, csv, org, users  # noqa: F401

BSNS = [
    "100894847", "100950280", "100958199", "101013632", "101029470", "101061146", "101203688",
    "101306635", "101354149", "101599638", "101655071", "101781775", "101884722", "101932236",
    "101948074", "102051021", "102193563", "102241077", "102296510", "102344024",
]  # fmt: skip
FILE = csv(
    MELDING_HEADER, *[f"C-{n},GM0957,{bsn},2011-04-02,absoluut,2025-10-01" for n, bsn in enumerate(BSNS)]
)


def run_twice_at_once(org, user):
    """The same file imported by two threads, each on its own database connection."""
    barrier, outcomes = threading.Barrier(2), []

    def work():
        try:
            barrier.wait()
            record = import_now(
                name="meldingen", organisatie=org, actor=user, data=FILE, filename="m.csv", via="test"
            )
            outcomes.append(("klaar", record.aangemaakt))
        except ImportFailed as failed:
            outcomes.append(("geweigerd", [p.message for p in failed.problems]))
        except Exception as exc:  # a 500 in the browser or API
            outcomes.append(("fout", repr(exc)))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=work) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return sorted(outcomes)


@pytest.mark.django_db(transaction=True)
def test_two_imports_of_the_same_new_file_at_once_give_one_record_per_extern_id(org, users):
    assert connection.vendor == "postgresql"
    outcomes = run_twice_at_once(org, users["lpa"])
    # One created them all; the other waited for it and found them all unchanged.
    assert outcomes == [("klaar", 0), ("klaar", 20)]
    assert Melding.objects.count() == 20 and Jongere.objects.count() == 20
    assert set(ImportRecord.objects.values_list("status", flat=True)) == {"klaar"}


@pytest.mark.django_db
def test_the_database_refuses_a_second_record_with_the_same_extern_id(org, users):
    import_now(name="meldingen", organisatie=org, actor=users["lpa"], data=FILE, filename="m.csv", via="test")
    melding = Melding.objects.get(extern_id="C-0")
    with pytest.raises(IntegrityError), transaction.atomic():
        Melding.objects.create(
            dossier=melding.dossier,
            organisatie=org,
            gemeente=melding.gemeente,
            soort="zorg",
            ontvangen_op=melding.ontvangen_op,
            leeftijd=melding.leeftijd,
            extern_id="C-0",
        )
    # Records made in the browser have no extern_id: any number of them.
    for _ in range(2):
        Melding.objects.create(
            dossier=melding.dossier,
            organisatie=org,
            gemeente=melding.gemeente,
            soort="zorg",
            ontvangen_op=melding.ontvangen_op,
            leeftijd=melding.leeftijd,
        )


@pytest.mark.django_db
def test_the_migration_keeps_existing_duplicates_under_a_suffixed_key(org, users):
    import importlib

    from django.apps import apps

    migration = importlib.import_module("leerplicht.migrations.0050_extern_id_uniek")
    import_now(name="meldingen", organisatie=org, actor=users["lpa"], data=FILE, filename="m.csv", via="test")
    constraint = next(c for c in Melding._meta.constraints if c.name == "melding_extern_id_uniek")
    original = Melding.objects.get(extern_id="C-0")
    with connection.schema_editor() as editor:
        editor.remove_constraint(Melding, constraint)  # the database before the migration
    duplicate = Melding.objects.create(
        dossier=original.dossier,
        organisatie=org,
        gemeente=original.gemeente,
        soort="zorg",
        ontvangen_op=original.ontvangen_op,
        leeftijd=original.leeftijd,
        extern_id="C-0",
    )
    migration.keep_first_extern_id(["leerplicht.Melding", "leerplicht.Vrijstelling"])(apps, None)
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # as between two migrations
    with connection.schema_editor() as editor:
        editor.add_constraint(Melding, constraint)
    assert Melding.objects.get(pk=original.pk).extern_id == "C-0"
    assert Melding.objects.get(pk=duplicate.pk).extern_id == f"C-0~dubbel-{duplicate.pk}"


def stuck_record(org, user, minutes=5) -> ImportRecord:
    record = ImportRecord(
        organisatie=org,
        soort="meldingen",
        bestandsnaam="m.csv",
        checksum="0" * 64,
        gebruiker=user,
        via="browser",
        status=ImportRecord.Status.BEZIG,
        gestart_op=timezone.now() - timedelta(minutes=minutes),
    )
    record.bestand.save("m.csv", ContentFile(FILE), save=False)
    record.save()
    return record


@pytest.mark.django_db
def test_a_stuck_import_can_be_marked_failed_and_tried_again_on_its_page(client, org, users):
    record = stuck_record(org, users["lpa"])
    client.force_login(users["lpa"])
    page = client.get(reverse("import_detail", args=[record.pk])).content.decode()
    assert "Deze import lijkt vastgelopen" in page
    client.post(reverse("import_mislukt", args=[record.pk]))
    record.refresh_from_db()
    assert record.status == ImportRecord.Status.MISLUKT
    assert "Opnieuw proberen" in client.get(reverse("import_detail", args=[record.pk])).content.decode()
    celery_app.conf.task_always_eager = True
    try:
        with TestCase.captureOnCommitCallbacks(execute=True):
            client.post(reverse("import_opnieuw", args=[record.pk]))
    finally:
        celery_app.conf.task_always_eager = False
    record.refresh_from_db()
    assert (record.status, record.aangemaakt) == ("klaar", 20)
    assert Melding.objects.count() == 20


@pytest.mark.django_db
def test_stuck_imports_are_marked_failed_automatically_and_a_redelivered_job_resumes(org, users):
    from cases.imports.upkeep import imports_upkeep

    record = stuck_record(org, users["lpa"])
    fresh = stuck_record(org, users["lpa"], minutes=0)  # just started: not stuck yet
    assert imports_upkeep()["vastgelopen"] == 1
    record.refresh_from_db()
    fresh.refresh_from_db()
    assert (record.status, fresh.status) == ("mislukt", "bezig")
    # A job delivered again after its worker died finds the record `bezig` and runs it.
    again = stuck_record(org, users["lpa"])
    assert confirm(again.pk).status == "klaar" and Melding.objects.count() == 20


@pytest.mark.django_db(transaction=True)
def test_a_running_import_is_not_taken_for_stuck(org, users):
    from cases.imports.locking import holding_record
    from cases.imports.upkeep import imports_upkeep, is_stuck

    record = stuck_record(org, users["lpa"])
    holding, release = threading.Event(), threading.Event()

    def worker():
        with holding_record(record.pk):
            holding.set()
            release.wait(timeout=30)
        connections.close_all()

    thread = threading.Thread(target=worker)
    thread.start()
    try:
        assert holding.wait(timeout=30)
        assert not is_stuck(record)
        assert imports_upkeep()["vastgelopen"] == 0
    finally:
        release.set()
        thread.join(timeout=30)
    assert is_stuck(record)
