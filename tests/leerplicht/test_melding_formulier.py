"""The melding form fits its soort: the fields and reasons it offers per soort, showing it again
for another soort (htmx and without JavaScript), and the school prefilled from the enrolment."""

import re
from datetime import date, timedelta

import pytest
import yaml
from django.conf import settings
from django.urls import reverse

from cases.models import Inschrijving
from leerplicht.models import Melding
from tests.factories import JongereFactory, MeldingFactory, SchoolFactory

from .conftest import code
from .test_views import registration

pytestmark = pytest.mark.django_db

SOORTVELDEN = [
    "Verzuim vanaf",
    "Verzuim tot en met",
    "Uren verzuim",
    "Keer te laat",
    "Schooldagen afwezig",
    "Gezin",
]
# What a user sees per soort, written out here (not taken from the code under test).
VERWACHT = {
    "absoluut": {"Verzuim vanaf", "Verzuim tot en met"},
    "relatief_licht": {"Verzuim vanaf", "Verzuim tot en met", "Uren verzuim", "Keer te laat"},
    "relatief_wettelijk": {"Verzuim vanaf", "Verzuim tot en met", "Uren verzuim", "Keer te laat"},
    "luxe": {"Verzuim vanaf", "Verzuim tot en met", "Schooldagen afwezig", "Gezin"},
    "thuiszitter": {"Verzuim vanaf", "Verzuim tot en met"},
    "zorg": set(),
}
# The default reasons as fixtures/codelijsten.yaml lists them (relatief_* share one list).
YAML_LIJST = {
    "absoluut": "absoluut",
    "relatief_licht": "relatief",
    "relatief_wettelijk": "relatief",
    "luxe": "luxe",
    "thuiszitter": "thuiszitter",
    "zorg": "zorg",
}


def standaard_redenen(soort):
    with open(settings.BASE_DIR / "fixtures" / "codelijsten.yaml", encoding="utf-8") as f:
        return yaml.safe_load(f)["redenen"][YAML_LIJST[soort]]


def labels(page):
    return set(re.findall(r'<label class="utrecht-form-label" for="[^"]+">([^<]+)</label>', page))


def reden_opties(page):
    select = re.search(r'<select name="reden".*?</select>', page, re.S)[0]
    return re.findall(r"<option value=\"\d+\"[^>]*>([^<]+)</option>", select)


def kies_soort_htmx(client, soort, **extra):
    return client.post(
        reverse("melding_nieuw"), registration_org(soort=soort, **extra), headers={"HX-Request": "true"}
    )


_ORG = {}


def registration_org(**overrides):
    return registration(_ORG["org"], **overrides)


@pytest.fixture(autouse=True)
def _org(org):
    _ORG["org"] = org


@pytest.mark.parametrize("soort", list(VERWACHT))
def test_htmx_shows_only_the_fields_and_reasons_of_the_chosen_soort(client, lpa, soort):
    client.force_login(lpa)
    response = kies_soort_htmx(client, soort, velden_voor="absoluut")
    page = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in page  # only the part that depends on the soort
    assert labels(page) & set(SOORTVELDEN) == VERWACHT[soort]
    assert reden_opties(page) == standaard_redenen(soort)
    assert f'name="velden_voor" value="{soort}"' in page
    assert not Melding.objects.exists()


def test_the_full_page_offers_only_the_default_soorts_reasons(client, lpa):
    client.force_login(lpa)
    page = client.get(reverse("melding_nieuw")).content.decode()
    # The browser shows the first soort (absoluut) chosen: its 9 reasons, not all 49.
    assert reden_opties(page) == standaard_redenen("absoluut")
    assert labels(page) & set(SOORTVELDEN) == VERWACHT["absoluut"]
    assert 'hx-post="/meldingen/nieuw/"' in page


def test_without_javascript_soort_kiezen_shows_the_fields_and_keeps_what_was_typed(client, lpa):
    client.force_login(lpa)
    data = registration_org(soort="luxe", velden_voor="absoluut", toelichting="Gezien op Schiphol")
    response = client.post(reverse("melding_nieuw"), {**data, "kies_soort": "1"})
    page = response.content.decode()
    assert not Melding.objects.exists()
    assert labels(page) & set(SOORTVELDEN) == VERWACHT["luxe"]
    assert "Gezien op Schiphol" in page and 'value="Yara"' in page
    assert "Controleer uw invoer" not in page  # choosing a soort is not an error
    assert reden_opties(page) == standaard_redenen("luxe")


def test_a_submit_with_a_new_soort_that_asks_for_more_fields_is_shown_again_not_saved(client, lpa):
    client.force_login(lpa)
    page = client.post(
        reverse("melding_nieuw"), registration_org(soort="relatief_wettelijk", velden_voor="absoluut")
    ).content.decode()
    assert not Melding.objects.exists()
    assert "U koos een andere soort melding" in page
    assert "Uren verzuim" in page


def test_a_submit_with_the_fields_shown_registers(client, lpa):
    client.force_login(lpa)
    response = client.post(
        reverse("melding_nieuw"),
        registration_org(soort="relatief_wettelijk", velden_voor="relatief_wettelijk"),
    )
    assert response.status_code == 302
    assert Melding.objects.get().uren_verzuim == 22


def test_fields_that_do_not_fit_the_soort_are_not_saved(client, lpa):
    client.force_login(lpa)
    client.post(
        reverse("melding_nieuw"),
        registration_org(
            soort="luxe", velden_voor="luxe", uren_verzuim="30", keer_te_laat="12", verlof_dagen="5"
        ),
    )
    melding = Melding.objects.get()
    assert (melding.soort, melding.uren_verzuim, melding.keer_te_laat, melding.verlof_dagen) == (
        "luxe",
        None,
        None,
        5,
    )


def test_changing_the_soort_of_a_melding_clears_what_no_longer_applies(client, org, lpa):
    jongere = JongereFactory(organisatie=org, geboortedatum=date(2012, 3, 1))
    melding = MeldingFactory(
        dossier=jongere.dossier, soort="luxe", verlof_dagen=4, gezin_id="G1", ontvangen_op=date(2025, 10, 1)
    )
    client.force_login(lpa)
    response = client.post(
        reverse("melding_wijzigen", args=[melding.pk]),
        {
            "soort": "relatief_licht",
            "velden_voor": "relatief_licht",
            "ontvangen_op": "2025-10-01",
            "uren_verzuim": "6",
            "versie": melding.versie,
            "bevestigd": "on",
        },
    )
    assert response.status_code == 302
    melding.refresh_from_db()
    assert (melding.soort, melding.uren_verzuim, melding.verlof_dagen, melding.gezin_id) == (
        "relatief_licht",
        6,
        None,
        "",
    )


def test_a_reason_of_another_soort_is_refused_with_the_allowed_reasons(client, org, lpa):
    client.force_login(lpa)
    vreemd = code(org, "reden_luxe", "Vakantie")
    page = client.post(
        reverse("melding_nieuw"),
        registration_org(soort="relatief_wettelijk", velden_voor="relatief_wettelijk", reden=vreemd.pk),
    ).content.decode()
    assert not Melding.objects.exists()
    assert "Deze reden hoort niet bij relatief verzuim (wettelijk)." in page
    for label in standaard_redenen("relatief_wettelijk"):
        assert label in page


def test_the_school_is_prefilled_from_the_current_enrolment(client, org, lpa):
    jongere = JongereFactory(organisatie=org)
    oud = SchoolFactory(naam="Oude Basisschool", brin="11AA", vestiging="00")
    huidig = SchoolFactory(naam="Stedelijk College", brin="22BB", vestiging="01", plaats="Zoetermeer")
    today = date.today()
    Inschrijving.objects.create(
        jongere=jongere,
        school=oud,
        onderwijssoort="bo_sbo",
        van=today - timedelta(days=900),
        tot=today - timedelta(days=400),
    )
    Inschrijving.objects.create(
        jongere=jongere, school=huidig, onderwijssoort="havo", van=today - timedelta(days=399)
    )
    client.force_login(lpa)
    page = client.get(reverse("melding_nieuw") + f"?dossier={jongere.dossier.pk}").content.decode()
    assert 'value="Stedelijk College (22BB01), Zoetermeer"' in page
    assert re.search(r'<option value="havo" selected>', page)
    assert "Oude Basisschool" not in page


def test_no_school_is_prefilled_when_the_enrolment_has_ended(client, org, lpa):
    jongere = JongereFactory(organisatie=org)
    school = SchoolFactory(naam="Oude Basisschool", brin="11AA", vestiging="00")
    Inschrijving.objects.create(
        jongere=jongere, school=school, onderwijssoort="bo_sbo", van=date(2020, 8, 1), tot=date(2024, 7, 31)
    )
    client.force_login(lpa)
    page = client.get(reverse("melding_nieuw") + f"?dossier={jongere.dossier.pk}").content.decode()
    assert "Oude Basisschool" not in page


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("22BB01", "Stedelijk College"),
        ("22bb 01", "Stedelijk College"),
        ("stedelijk college", "Stedelijk College"),
    ],
)
def test_without_javascript_a_typed_code_or_name_resolves_to_the_school(client, lpa, typed, expected):
    SchoolFactory(naam="Stedelijk College", brin="22BB", vestiging="01", plaats="Zoetermeer")
    client.force_login(lpa)
    client.post(reverse("melding_nieuw"), registration_org(velden_voor="relatief_wettelijk", school=typed))
    assert Melding.objects.get().school.naam == expected


def test_a_name_of_two_schools_elsewhere_asks_for_the_code(client, lpa):
    SchoolFactory(naam="De Regenboog", brin="31CC", vestiging="00", plaats="Utrecht")
    SchoolFactory(naam="De Regenboog", brin="32DD", vestiging="00", plaats="Almere")
    client.force_login(lpa)
    page = client.post(
        reverse("melding_nieuw"), registration_org(velden_voor="relatief_wettelijk", school="De Regenboog")
    ).content.decode()
    assert not Melding.objects.exists()
    assert "Meer dan één school past bij wat u typte" in page
    assert "31CC00" in page and "32DD00" in page
    assert 'value="De Regenboog"' in page  # what was typed stays


def test_the_same_name_in_the_region_means_the_regions_school(client, lpa):
    SchoolFactory(naam="De Regenboog", brin="31CC", vestiging="00", plaats="Utrecht")
    SchoolFactory(naam="De Regenboog", brin="33EE", vestiging="00", plaats="Zoetermeer")
    client.force_login(lpa)
    client.post(
        reverse("melding_nieuw"), registration_org(velden_voor="relatief_wettelijk", school="De Regenboog")
    )
    assert Melding.objects.get().school.brin == "33EE"


def test_an_unknown_code_gets_a_dutch_message(client, lpa):
    client.force_login(lpa)
    page = client.post(
        reverse("melding_nieuw"), registration_org(velden_voor="relatief_wettelijk", school="99ZZ00")
    ).content.decode()
    assert not Melding.objects.exists()
    assert "Er is geen school met BRIN-code 99ZZ00" in page
