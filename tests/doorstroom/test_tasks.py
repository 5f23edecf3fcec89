from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from doorstroom.tasks import nazorg_signaleren
from tests.doorstroom.factories import TrajectFactory, years_ago
from tests.factories import JongereFactory

pytestmark = pytest.mark.django_db


def closed(org, naam, afgesloten_op):
    jongere = JongereFactory(organisatie=org, achternaam=naam, geboortedatum=years_ago(20))
    return TrajectFactory(
        dossier=jongere.dossier,
        afgesloten=True,
        gemeld_op=afgesloten_op - timedelta(days=20),
        afgesloten_op=afgesloten_op,
    )


def test_the_nazorg_job_puts_a_traject_closed_a_year_ago_on_the_caseload(client, coach, org):
    today = timezone.localdate()
    due = closed(org, "Jaargeleden", today - timedelta(days=366))
    recent = closed(org, "Gisteren", today - timedelta(days=1))
    client.force_login(coach)
    before = client.get(reverse("trajecten")).content.decode()
    assert "Jaargeleden" not in before

    assert nazorg_signaleren.apply().get() == 1
    assert nazorg_signaleren.apply().get() == 0  # idempotent

    html = client.get(reverse("trajecten")).content.decode()
    assert "Sam Jaargeleden" in html and "Nazorg aan de beurt" in html
    assert "Gisteren" not in html
    due.refresh_from_db()
    recent.refresh_from_db()
    assert due.nazorg_gesignaleerd_op == today and recent.nazorg_gesignaleerd_op is None
    only_nazorg = client.get(reverse("trajecten"), {"status": "nazorg"}).content.decode()
    assert "1 traject" in only_nazorg and "Jaargeleden" in only_nazorg


def test_recording_the_nazorg_takes_it_off_the_caseload(client, coach, org):
    traject = closed(org, "Opgevolgd", timezone.localdate() - timedelta(days=400))
    nazorg_signaleren.apply()
    traject.refresh_from_db()
    situatie = org.codes.get(label="Mbo")
    client.force_login(coach)
    response = client.post(
        reverse("traject_nazorg", args=[traject.pk]),
        {
            "nazorg-versie": traject.versie,
            "nazorg-uitgevoerd_op": timezone.localdate().isoformat(),
            "nazorg-situatie": situatie.pk,
            "nazorg-toelichting": "Volgt mbo 2 Logistiek.",
        },
        follow=True,
    )
    assert "De nazorg is vastgelegd." in response.content.decode()
    assert "Opgevolgd" not in client.get(reverse("trajecten")).content.decode()


def test_the_beat_entry_runs_the_registered_task_daily(settings):
    entry = settings.CELERY_BEAT_SCHEDULE["doorstroom-nazorg-signaleren"]
    assert entry["task"] == nazorg_signaleren.name
    assert entry["schedule"].hour == {6}
