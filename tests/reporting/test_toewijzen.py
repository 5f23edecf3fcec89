"""The teamleider transfers open work: all of one medewerker's (on leave) or the unassigned,
to a colleague; it shows in the colleague's werkvoorraad, on the dossier's timeline and in the
next digest. The werkverdeling counts per medewerker, with "Niet toegewezen" for the rest."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from cases.constants import AuditAction, Role
from cases.models import AuditEntry, DigestVerzending, Toewijzing
from cases.termijnen.digest import digest_for
from doorstroom.models import Traject
from leerplicht.models import Melding, Vrijstelling
from tests.doorstroom.factories import TrajectFactory
from tests.factories import JongereFactory, MeldingFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def team(organisatie_a):
    def user(username, role, first, last):
        return UserFactory(
            username=username, organisatie=organisatie_a, role=role, first_name=first, last_name=last
        )

    return {
        "tl": user("tl", Role.TEAMLEIDER, "Tom", "Leenders"),
        "lotte": user("lotte", Role.LEERPLICHTAMBTENAAR, "Lotte", "Pauwels"),
        "karim": user("karim", Role.LEERPLICHTAMBTENAAR, "Karim", "Amrani"),
        "coach": user("coach", Role.DOORSTROOMCOACH, "Cem", "Ouali"),
    }


def melding(org, behandelaar, naam, **kwargs):
    return MeldingFactory(
        dossier=JongereFactory(organisatie=org, achternaam=naam).dossier, behandelaar=behandelaar, **kwargs
    )


def test_all_open_work_of_someone_on_leave_goes_to_a_colleague(client, organisatie_a, team):
    lotte, karim = team["lotte"], team["karim"]
    open_ = [melding(organisatie_a, lotte, f"Open{n}") for n in range(3)]
    dicht = melding(organisatie_a, lotte, "Dicht", afgesloten=True)
    aanvraag = Vrijstelling.objects.create(
        dossier=JongereFactory(organisatie=organisatie_a, achternaam="Aanvrager").dossier,
        grondslag="art5a",
        gemeente=organisatie_a.gemeenten.first(),
        aangevraagd_op=timezone.localdate() - timedelta(days=3),
        behandelaar=lotte,
    )
    DigestVerzending.objects.create(
        gebruiker=karim, datum=timezone.localdate() - timedelta(days=1), toegewezen=[]
    )
    client.force_login(team["tl"])
    response = client.post(
        reverse("werk_overdragen"),
        {"van": lotte.pk, "naar": karim.pk, "soorten": ["melding", "aanvraag"]},
        follow=True,
    )
    page = response.content.decode()
    assert "Overgedragen aan Karim Amrani: 3 × melding, 1 × aanvraag vrijstelling of verlof." in page
    assert set(Melding.objects.filter(behandelaar=karim)) == set(open_)
    assert Melding.objects.get(pk=dicht.pk).behandelaar == lotte  # closed work stays where it was
    assert Vrijstelling.objects.get(pk=aanvraag.pk).behandelaar == karim
    assert Melding.objects.get(pk=open_[0].pk).versie == open_[0].versie + 1  # older forms are refused
    assert Toewijzing.objects.count() == 4
    assert AuditEntry.objects.filter(actie=AuditAction.WIJZIGEN, gebruiker_id=team["tl"].pk).count() == 4
    assert "Sam Open0" not in page  # the teamleider's page names no jongere

    client.force_login(karim)
    werkvoorraad = client.get(reverse("werkvoorraad")).content.decode()
    assert "3 open meldingen" in werkvoorraad and "Sam Open2" in werkvoorraad
    dossier = client.get(reverse("dossier", args=[open_[0].dossier_id])).content.decode()
    assert "Melding toegewezen aan Karim Amrani" in dossier and "Was: Lotte Pauwels." in dossier
    nieuw = digest_for(karim, today=timezone.localdate()).nieuw
    assert {item.pk for item in nieuw if item.soort == "melding"} == {m.pk for m in open_}


def test_unassigned_trajecten_go_to_a_coach_and_the_overview_says_niet_toegewezen(
    client, organisatie_a, team
):
    traject = TrajectFactory(dossier=JongereFactory(organisatie=organisatie_a).dossier, behandelaar=None)
    melding(organisatie_a, None, "Zonder")
    client.force_login(team["tl"])
    page = client.get(reverse("teamoverzicht")).content.decode()
    assert "None None" not in page and "Niet toegewezen" in page
    client.post(reverse("werk_overdragen"), {"van": "geen", "naar": team["coach"].pk, "soorten": ["traject"]})
    assert Traject.objects.get(pk=traject.pk).behandelaar == team["coach"]


def test_work_goes_only_to_someone_who_may_handle_it(client, organisatie_a, team):
    m = melding(organisatie_a, team["lotte"], "Blijft")
    client.force_login(team["tl"])
    page = client.post(
        reverse("werk_overdragen"),
        {"van": team["lotte"].pk, "naar": team["coach"].pk, "soorten": ["melding"]},
    ).content.decode()
    assert "Cem Ouali kan geen melding behandelen" in page and 'id="foutoverzicht"' in page
    assert Melding.objects.get(pk=m.pk).behandelaar == team["lotte"]


def test_the_werkverdeling_counts_open_near_and_past_and_the_oldest(client, organisatie_a, team):
    today = timezone.localdate()
    melding(organisatie_a, team["lotte"], "A", ontvangen_op=today - timedelta(days=40), signaal="verlopen")
    melding(organisatie_a, team["lotte"], "B", ontvangen_op=today - timedelta(days=2), signaal="binnenkort")
    client.force_login(team["tl"])
    page = client.get(reverse("teamoverzicht")).content.decode()
    row = page[page.index("Lotte Pauwels</th>") : page.index("</tr>", page.index("Lotte Pauwels</th>"))]
    cells = [c.split(">", 1)[1].split("<", 1)[0] for c in row.split("<td")[1:]]
    assert cells[:2] == ["2", "1"]
    assert ">1</span>" in row and "40 dagen" in row


def test_only_a_teamleider_transfers_work(client, team):
    client.force_login(team["lotte"])
    response = client.post(reverse("werk_overdragen"), {"van": team["lotte"].pk, "naar": team["karim"].pk})
    assert response.status_code == 403


def test_assigning_one_melding_is_on_its_timeline(client, organisatie_a, team):
    m = melding(organisatie_a, team["lotte"], "Enkel")
    client.force_login(team["lotte"])
    client.post(
        reverse("melding_wijzigen", args=[m.pk]),
        {
            "soort": m.soort,
            "ontvangen_op": m.ontvangen_op.isoformat(),
            "versie": m.versie,
            "behandelaar": team["karim"].pk,
            "uren_verzuim": "20",
        },
    )
    assert Melding.objects.get(pk=m.pk).behandelaar == team["karim"]
    toewijzing = Toewijzing.objects.get()
    assert (toewijzing.van, toewijzing.naar, toewijzing.door) == (team["lotte"], team["karim"], team["lotte"])


def test_a_kind_without_open_work_does_not_block_the_transfer(client, organisatie_a, team):
    # All three kinds are ticked by default; an LPA without trajecten goes to an LPA colleague.
    melding(organisatie_a, team["lotte"], "Gewoon")
    client.force_login(team["tl"])
    page = client.post(
        reverse("werk_overdragen"),
        {"van": team["lotte"].pk, "naar": team["karim"].pk, "soorten": ["melding", "aanvraag", "traject"]},
        follow=True,
    ).content.decode()
    assert "Overgedragen aan Karim Amrani: 1 × melding, 0 × aanvraag vrijstelling of verlof." in page
