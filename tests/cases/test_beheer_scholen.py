"""Beheer › Scholen (issue 19 item 7): search and paging over the national list; a beheerder
changes only the contact details of schools in the own organisation's gemeenten; the national
data (name, BRIN) stays the import's."""

import pytest
from django.urls import reverse

from cases.constants import Role
from cases.models import School
from tests.factories import SchoolFactory, UserFactory

pytestmark = pytest.mark.django_db

LIJST = reverse("beheer_scholen")


@pytest.fixture
def beheerder(organisatie_a):
    return UserFactory(username="beheerder", organisatie=organisatie_a, role=Role.FUNCTIONEEL_BEHEERDER)


def test_search_and_paging_scale_to_the_national_list(client, beheerder):
    School.objects.bulk_create(
        School(
            brin=f"{n // 26 % 100:02d}{chr(65 + n % 26)}{chr(65 + n // 2600)}",
            naam=f"Basisschool {n:04d}",
            plaats="Elders",
        )
        for n in range(120)
    )
    SchoolFactory(brin="12AB", vestiging="01", naam="Erasmus College", plaats="Zoetermeer")
    client.force_login(beheerder)

    page = client.get(LIJST).content.decode()
    assert "121 scholen gevonden." in page and "Pagina 1 van 3" in page
    assert page.count('href="/instellingen/scholen/') == 50

    page = client.get(LIJST, {"zoek": "erasmus"}).content.decode()
    assert "1 school gevonden." in page and "Erasmus College" in page
    page = client.get(LIJST, {"zoek": "12AB01"}).content.decode()
    assert "Erasmus College" in page
    page = client.get(LIJST, {"regio": "1"}).content.decode()
    assert "1 school gevonden." in page


def test_a_beheerder_changes_the_contact_of_a_school_in_the_own_region_only(client, beheerder):
    eigen = SchoolFactory(naam="Erasmus College", plaats="Zoetermeer")
    elders = SchoolFactory(naam="Het Lyceum", plaats="Roermond", contact_email="oud@lyceum.nl")
    client.force_login(beheerder)
    url = reverse("beheer_school", args=[eigen.pk])
    form = client.get(url).context["form"]

    response = client.post(url, {"basis": form.initial["basis"], "contact_email": "geen-adres"})
    assert response.status_code == 400
    assert "Vul een geldig e-mailadres in" in response.content.decode()

    response = client.post(
        url,
        {
            "basis": form.initial["basis"],
            "contact_email": "verzuim@erasmus.nl",
            "contact_telefoon": "079-1234567",
            "naam": "Andere naam",
        },
        follow=True,
    )
    assert "De contactgegevens van de school zijn opgeslagen." in response.content.decode()
    eigen.refresh_from_db()
    assert (eigen.contact_email, eigen.naam) == ("verzuim@erasmus.nl", "Erasmus College")

    elders_url = reverse("beheer_school", args=[elders.pk])
    assert "De contactgegevens wijzigt de beheerder" in client.get(elders_url).content.decode()
    assert client.post(elders_url, {"contact_email": "nieuw@lyceum.nl"}).status_code == 403
    elders.refresh_from_db()
    assert elders.contact_email == "oud@lyceum.nl"


def test_a_case_worker_may_read_but_not_change_a_school(client, lpa_a):
    school = SchoolFactory(plaats="Zoetermeer")
    client.force_login(lpa_a)
    assert (
        client.post(reverse("beheer_school", args=[school.pk]), {"contact_email": "x@y.nl"}).status_code
        == 403
    )
