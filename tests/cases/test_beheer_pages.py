"""The beheer pages of the functioneel beheerder (issue 19 item 7): in the application's own
style, scoped to the own organisation, permission-checked, every change recorded."""

import re
from datetime import date

import pytest
from django.contrib.admin.models import ADDITION, CHANGE, DELETION, LogEntry
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from cases.accounts.models import RolToekenning
from cases.constants import Codelijst, Role
from cases.models import CodeItem
from cases.termijnen.models import SchoolVakantie
from leerplicht.models import Termijn
from reporting.models import Populatie
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

CONTACT_ABSOLUUT = reverse("beheer_termijn", args=["leerplicht", "eerste_contact.absoluut"])


@pytest.fixture
def beheerder(organisatie_a):
    return UserFactory(
        username="beheerder", organisatie=organisatie_a, role=Role.FUNCTIONEEL_BEHEERDER, is_staff=True
    )


@pytest.fixture
def beheerder_b(organisatie_b):
    return UserFactory(
        username="beheerder-b", organisatie=organisatie_b, role=Role.FUNCTIONEEL_BEHEERDER, is_staff=True
    )


@pytest.fixture
def client_beheerder(client, beheerder):
    client.force_login(beheerder)
    return client


def text(response) -> str:
    return response.content.decode()


def visible(response) -> str:
    """The page's text without tags (class names and URLs hold app labels; users do not see them)."""
    return re.sub(r"<[^>]+>", " ", text(response))


# -- start page --------------------------------------------------------------------------------


def test_start_page_of_a_beheerder_shows_beheer_and_pending_role_approvals(
    client_beheerder, beheerder, lpa_a
):
    RolToekenning.objects.create(
        organisatie=beheerder.organisatie,
        gebruiker=lpa_a,
        rol=Group.objects.get(name=str(Role.LEERPLICHTAMBTENAAR.label)),
        aangevraagd_door=beheerder,
    )
    page = text(client_beheerder.get(reverse("start")))
    assert reverse("beheer_gebruikers") in page
    assert "(1 wacht op goedkeuring)" in page
    assert reverse("beheer_termijnen") in page and reverse("beheer_populatie") in page
    # Not the reports a beheerder cannot open.
    assert "Via Rapportages" not in page
    assert reverse("rapportages") not in page


def test_start_page_of_a_case_worker_shows_no_beheer(client, lpa_a):
    client.force_login(lpa_a)
    page = text(client.get(reverse("start")))
    assert reverse("beheer_index") not in page
    assert reverse("beheer_gebruikers") not in page


# -- termijnen ---------------------------------------------------------------------------------


def test_termijnen_page_shows_the_default_next_to_the_own_value(
    client_beheerder, organisatie_a, organisatie_b
):
    Termijn.objects.create(organisatie=organisatie_a, termijn="eerste_contact", soort="absoluut", dagen=3)
    Termijn.objects.create(organisatie=organisatie_b, termijn="eerste_contact", soort="luxe", dagen=9)
    page = text(client_beheerder.get(reverse("beheer_termijnen")))
    assert "Algemene wet bestuursrecht, art. 4:13 lid 2" in page
    assert "56 kalenderdagen" in page  # the default decision term (eight weeks)
    assert "3 werkdagen (zonder schoolvakanties)" in page  # own value, next to the default 5
    assert "9 werkdagen" not in page  # the other organisation's term


def test_beheerder_changes_a_termijn_and_the_change_is_logged(client_beheerder, beheerder):
    form = client_beheerder.get(CONTACT_ABSOLUUT).context["form"]
    response = client_beheerder.post(
        CONTACT_ABSOLUUT,
        {
            "dagen": "3",
            "eenheid": "werkdagen",
            "schoolvakanties_overslaan": "on",
            "basis": form.initial["basis"],
        },
    )
    assert response.status_code == 302
    termijn = Termijn.objects.get(
        organisatie=beheerder.organisatie, termijn="eerste_contact", soort="absoluut"
    )
    assert termijn.dagen == 3
    entry = LogEntry.objects.get(object_id=str(termijn.pk))
    assert entry.user == beheerder and entry.action_flag == ADDITION

    # Back to the default: the own row is gone, the removal recorded.
    form = client_beheerder.get(CONTACT_ABSOLUUT).context["form"]
    client_beheerder.post(CONTACT_ABSOLUUT, {"standaard": "1", "basis": form.initial["basis"]})
    assert not Termijn.objects.filter(pk=termijn.pk).exists()
    assert LogEntry.objects.filter(object_id=str(termijn.pk), action_flag=DELETION).exists()


def test_termijn_out_of_range_is_refused_with_a_dutch_message(client_beheerder, beheerder):
    response = client_beheerder.post(CONTACT_ABSOLUUT, {"dagen": "0", "eenheid": "werkdagen", "basis": ""})
    assert response.status_code == 400
    assert "Vul een heel aantal dagen in van 1 tot en met 365." in text(response)
    assert not Termijn.objects.exists()


def test_a_stale_termijn_form_does_not_overwrite_a_newer_change(client_beheerder, beheerder):
    stale = client_beheerder.get(CONTACT_ABSOLUUT).context["form"].initial["basis"]
    Termijn.objects.create(
        organisatie=beheerder.organisatie, termijn="eerste_contact", soort="absoluut", dagen=4
    )
    response = client_beheerder.post(CONTACT_ABSOLUUT, {"dagen": "8", "eenheid": "werkdagen", "basis": stale})
    assert response.status_code == 400
    assert "Iemand anders heeft dit intussen gewijzigd" in text(response)
    assert Termijn.objects.get().dagen == 4
    assert response.context["form"]["dagen"].value() == "8"  # what was typed stays


def test_unknown_termijn_is_404(client_beheerder):
    assert (
        client_beheerder.get(reverse("beheer_termijn", args=["leerplicht", "bestaat.niet"])).status_code
        == 404
    )


# -- populatie ---------------------------------------------------------------------------------


def test_beheerder_adds_and_edits_population_figures(client_beheerder, beheerder, organisatie_a):
    gemeente = organisatie_a.gemeenten.get()
    response = client_beheerder.post(
        reverse("beheer_populatie_nieuw"),
        {"gemeente": gemeente.pk, "schooljaar": "2025", "leerplichtigen": "12000", "basis": ""},
    )
    assert response.status_code == 302
    populatie = Populatie.objects.get(gemeente=gemeente, schooljaar=2025)
    assert populatie.leerplichtigen == 12000 and populatie.kwalificatieplichtigen is None
    page = text(client_beheerder.get(reverse("beheer_populatie")))
    assert "2025-2026" in page and "12000" in page

    url = reverse("beheer_populatie_bewerken", args=[populatie.pk])
    form = client_beheerder.get(url).context["form"]
    data = {**{k: v for k, v in form.initial.items() if v is not None}, "kwalificatieplichtigen": "800"}
    assert client_beheerder.post(url, data).status_code == 302
    populatie.refresh_from_db()
    assert populatie.kwalificatieplichtigen == 800 and populatie.leerplichtigen == 12000
    assert LogEntry.objects.filter(object_id=str(populatie.pk), action_flag=CHANGE, user=beheerder).exists()


def test_population_twice_for_the_same_year_is_refused(client_beheerder, organisatie_a):
    gemeente = organisatie_a.gemeenten.get()
    Populatie.objects.create(gemeente=gemeente, schooljaar=2025, leerplichtigen=1)
    response = client_beheerder.post(
        reverse("beheer_populatie_nieuw"),
        {"gemeente": gemeente.pk, "schooljaar": "2025", "leerplichtigen": "5", "basis": ""},
    )
    assert response.status_code == 400
    assert "bestaat al" in text(response)
    assert Populatie.objects.get().leerplichtigen == 1


def test_population_of_another_organisation_is_neither_shown_nor_writable(client_beheerder, organisatie_b):
    other = Populatie.objects.create(
        gemeente=organisatie_b.gemeenten.first(), schooljaar=2025, leerplichtigen=777
    )
    assert "777" not in text(client_beheerder.get(reverse("beheer_populatie")))
    url = reverse("beheer_populatie_bewerken", args=[other.pk])
    assert client_beheerder.get(url).status_code == 404
    own_gemeente = client_beheerder.get(reverse("beheer_populatie_nieuw")).context["form"].fields["gemeente"]
    assert other.gemeente not in own_gemeente.queryset
    response = client_beheerder.post(
        url, {"gemeente": other.gemeente_id, "schooljaar": "2025", "leerplichtigen": "1"}
    )
    assert response.status_code == 404
    # Nor by choosing another organisation's gemeente for a new row.
    response = client_beheerder.post(
        reverse("beheer_populatie_nieuw"),
        {"gemeente": other.gemeente_id, "schooljaar": "2026", "leerplichtigen": "1", "basis": ""},
    )
    assert response.status_code == 400
    other.refresh_from_db()
    assert other.leerplichtigen == 777 and Populatie.objects.count() == 1


# -- code lists and school holidays ------------------------------------------------------------


def test_code_is_added_renamed_and_retired_never_deleted(client_beheerder, beheerder):
    response = client_beheerder.post(
        reverse("beheer_code_nieuw"),
        {"lijst": Codelijst.REDEN_LUXE, "label": "Vakantie", "volgorde": "1", "actief": "on", "basis": ""},
    )
    assert response.status_code == 302
    code = CodeItem.objects.get(organisatie=beheerder.organisatie, label="Vakantie")
    url = reverse("beheer_code_bewerken", args=[code.pk])
    basis = client_beheerder.get(url).context["form"].initial["basis"]
    client_beheerder.post(
        url, {"label": "Vakantie buiten de schoolvakanties", "volgorde": "1", "basis": basis}
    )
    code.refresh_from_db()
    assert code.label == "Vakantie buiten de schoolvakanties" and code.actief is False
    assert "Nee, uitgefaseerd" in text(client_beheerder.get(reverse("beheer_codes")))


def test_codes_and_holidays_of_another_organisation_are_404(client_beheerder, organisatie_b):
    code = CodeItem.objects.create(organisatie=organisatie_b, lijst=Codelijst.REDEN_LUXE, label="Van B")
    vakantie = SchoolVakantie.objects.create(
        organisatie=organisatie_b, naam="Herfst B", van=date(2026, 10, 17), tot=date(2026, 10, 25)
    )
    assert "Van B" not in text(client_beheerder.get(reverse("beheer_codes")))
    assert "Herfst B" not in text(client_beheerder.get(reverse("beheer_vakanties")))
    assert client_beheerder.get(reverse("beheer_code_bewerken", args=[code.pk])).status_code == 404
    assert (
        client_beheerder.post(
            reverse("beheer_code_bewerken", args=[code.pk]), {"label": "X", "volgorde": "0"}
        ).status_code
        == 404
    )
    url = reverse("beheer_vakantie_bewerken", args=[vakantie.pk])
    assert (
        client_beheerder.post(url, {"naam": "X", "van": "2026-10-17", "tot": "2026-10-25"}).status_code == 404
    )
    code.refresh_from_db()
    vakantie.refresh_from_db()
    assert code.label == "Van B" and vakantie.naam == "Herfst B"


def test_holiday_ending_before_it_starts_is_refused(client_beheerder):
    response = client_beheerder.post(
        reverse("beheer_vakantie_nieuw"),
        {"naam": "Kerst", "van": "2026-12-28", "tot": "2026-12-19", "basis": ""},
    )
    assert response.status_code == 400
    assert "De laatste vakantiedag ligt vóór de eerste" in text(response)
    assert not SchoolVakantie.objects.exists()


def test_holiday_added(client_beheerder, beheerder):
    response = client_beheerder.post(
        reverse("beheer_vakantie_nieuw"),
        {"naam": "Kerst", "van": "2026-12-19", "tot": "2027-01-03", "basis": ""},
    )
    assert response.status_code == 302
    vakantie = SchoolVakantie.objects.get(organisatie=beheerder.organisatie)
    assert LogEntry.objects.filter(object_id=str(vakantie.pk), action_flag=ADDITION).exists()


# -- permissions -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        reverse("beheer_index"),
        reverse("beheer_termijnen"),
        CONTACT_ABSOLUUT,
        reverse("beheer_populatie"),
        reverse("beheer_populatie_nieuw"),
        reverse("beheer_codes"),
        reverse("beheer_code_nieuw"),
        reverse("beheer_vakanties"),
        reverse("beheer_vakantie_nieuw"),
    ],
)
def test_a_medewerker_without_the_permission_gets_403(client, lpa_a, url):
    client.force_login(lpa_a)
    assert client.get(url).status_code == 403


def test_view_permission_alone_does_not_allow_changing(client, organisatie_a):
    user = UserFactory(username="kijker", organisatie=organisatie_a, role=Role.TEAMLEIDER)
    user.user_permissions.add(
        Permission.objects.get(codename="view_termijn", content_type__app_label="leerplicht")
    )
    client.force_login(user)
    assert client.get(reverse("beheer_termijnen")).status_code == 200
    assert client.get(CONTACT_ABSOLUUT).status_code == 403
    assert client.post(CONTACT_ABSOLUUT, {"dagen": "3", "eenheid": "werkdagen"}).status_code == 403
    assert not Termijn.objects.exists()


# -- the Django admin in Dutch -----------------------------------------------------------------


def test_admin_index_shows_dutch_app_and_model_names(client_beheerder):
    page = visible(client_beheerder.get(reverse("admin:index")))
    assert "Tweede factor: authenticator-apps" in page and "Tweede factor: noodcodes" in page
    lowered = page.lower()
    assert "otp" not in lowered
    assert "devices" not in lowered


def test_admin_index_of_the_superuser_shows_dutch_app_names(client, organisatie_a):
    superuser = UserFactory(username="root", organisatie=organisatie_a, is_staff=True, is_superuser=True)
    client.force_login(superuser)
    page = visible(client.get(reverse("admin:index")))
    for dutch in ("Aanmeldpogingen (blokkeren na te veel fouten)", "API-sessies", "Mislukte aanmeldpogingen"):
        assert dutch in page
    for english in ("Axes", "Knox", "Access attempts", "Auth tokens", "Otp_Totp", "Otp_Static"):
        assert english not in page


def test_device_pages_in_the_admin_have_no_english_labels_or_help(client_beheerder, lpa_a):
    from tests.conftest import verified_device

    device = verified_device(lpa_a)
    changelist = visible(client_beheerder.get(reverse("admin:otp_totp_totpdevice_changelist")))
    assert "In gebruik" in changelist and "Confirmed" not in changelist
    page = visible(client_beheerder.get(reverse("admin:otp_totp_totpdevice_change", args=[device.pk])))
    assert "Gebruiker" in page
    assert "The user that this device belongs to" not in page and "human-readable" not in page
