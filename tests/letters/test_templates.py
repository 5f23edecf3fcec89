"""Letter templates: defaults for every organisation, placeholders checked on save, edited with
a preview by the functioneel beheerder only."""

import importlib

import pytest
from django.apps import apps as django_apps
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cases.constants import AuditAction, BriefSoort
from cases.letter_models import BriefSjabloon
from cases.models import AuditEntry
from cases.services import organisatie_create
from tests.factories import OrganisatieFactory

pytestmark = pytest.mark.django_db

UNKNOWN = "Onbekende plaatshouder: {{ jongere.bsn }}. Toegestaan zijn: {{ jongere.naam }},"


def waarschuwing(organisatie) -> BriefSjabloon:
    return BriefSjabloon.objects.get(organisatie=organisatie, soort=BriefSoort.WAARSCHUWING)


def test_every_new_organisation_gets_the_five_dutch_default_templates():
    organisatie = organisatie_create(slug="nieuw", naam="Leerplicht Nieuw", gemeenten=[("GM0001", "Nieuw")])
    sjablonen = {s.soort: s for s in BriefSjabloon.objects.filter(organisatie=organisatie)}
    assert set(sjablonen) == set(BriefSoort.values)
    besluit = sjablonen[BriefSoort.BESLUIT_VRIJSTELLING].inhoud
    assert "binnen zes weken" in besluit and "college van burgemeester en wethouders" in besluit
    assert "{{ datum.bezwaartermijn }}" in besluit
    assert "formele waarschuwing" in sjablonen[BriefSoort.WAARSCHUWING].inhoud
    for sjabloon in sjablonen.values():
        sjabloon.full_clean()  # the defaults use allowed placeholders only


def test_the_migration_gives_existing_organisations_the_missing_defaults():
    organisatie = OrganisatieFactory(slug="bestaand")
    BriefSjabloon.objects.filter(organisatie=organisatie).exclude(soort=BriefSoort.WAARSCHUWING).delete()
    edited = waarschuwing(organisatie)
    edited.inhoud = "Eigen tekst."
    edited.save()
    migration = importlib.import_module("cases.migrations.0008_brief_sjablonen")
    migration.seed_default_templates(django_apps, None)
    assert BriefSjabloon.objects.filter(organisatie=organisatie).count() == len(BriefSoort.values)
    assert waarschuwing(organisatie).inhoud == "Eigen tekst."  # an edited template is kept


def test_the_model_refuses_an_unknown_placeholder_naming_it_and_the_allowed_ones(organisatie_a):
    sjabloon = waarschuwing(organisatie_a)
    sjabloon.inhoud = "Geachte {{ ouders.aanhef }}, het BSN is {{ jongere.bsn }}."
    with pytest.raises(ValidationError) as error:
        sjabloon.full_clean()
    (message,) = error.value.message_dict["inhoud"]
    assert message.startswith(UNKNOWN)
    assert "{{ datum.bezwaartermijn }}" in message


def test_the_model_refuses_template_code(organisatie_a):
    sjabloon = waarschuwing(organisatie_a)
    sjabloon.onderwerp = "{% for x in jongere.organisatie.gebruikers.all %}{{ x.password }}{% endfor %}"
    with pytest.raises(ValidationError) as error:
        sjabloon.full_clean()
    assert "Onbekende plaatshouder: {{ x.password }}" in error.value.message_dict["onderwerp"][0]
    sjabloon.onderwerp = "{% now 'Y' %} brief"
    with pytest.raises(ValidationError, match="Alleen plaatshouders tussen dubbele accolades"):
        sjabloon.full_clean()


def form_data(sjabloon, **changes):
    data = {
        "naam": sjabloon.naam,
        "onderwerp": sjabloon.onderwerp,
        "inhoud": sjabloon.inhoud,
        "actief": "on",
        "versie": sjabloon.versie,
    }
    return {**data, **changes}


def test_the_form_refuses_an_unknown_placeholder_and_saves_nothing(client, beheerder):
    sjabloon = waarschuwing(beheerder.organisatie)
    client.force_login(beheerder)
    response = client.post(
        reverse("sjabloon", args=[sjabloon.pk]),
        form_data(sjabloon, inhoud="Beste {{ jongere.bsn }}", opslaan="1"),
    )
    assert response.status_code == 400
    assert UNKNOWN in response.content.decode()
    sjabloon.refresh_from_db()
    assert sjabloon.versie == 1 and "jongere.bsn" not in sjabloon.inhoud


def test_beheerder_previews_with_made_up_data_then_saves(client, beheerder):
    sjabloon = waarschuwing(beheerder.organisatie)
    url = reverse("sjabloon", args=[sjabloon.pk])
    client.force_login(beheerder)
    page = client.get(url).content.decode()
    assert "Formele waarschuwing (waarschuwingsbrief)" in page
    assert "{{ jongere.naam }}" in page and "volledige naam van de jongere" in page  # the placeholder list

    nieuw = (
        "Geachte {{ ouders.aanhef }},\n\n{{ jongere.naam }} <b>verzuimt</b> sinds {{ melding.verzuim_van }}."
    )
    preview = client.post(url, form_data(sjabloon, inhoud=nieuw, voorbeeld="1")).content.decode()
    # The preview addresses a made-up named ouder, as real letters do (one per address).
    assert "Geachte mevrouw de Voorbeeld," in preview and "Anna de Voorbeeld" in preview
    assert "Sam de Voorbeeld &lt;b&gt;verzuimt&lt;/b&gt; sinds" in preview  # text is escaped, never markup
    sjabloon.refresh_from_db()
    assert sjabloon.inhoud != nieuw  # a preview saves nothing

    response = client.post(url, form_data(sjabloon, inhoud=nieuw, opslaan="1"), follow=True)
    assert "Het sjabloon is opgeslagen." in response.content.decode()
    sjabloon.refresh_from_db()
    assert (sjabloon.inhoud, sjabloon.versie, sjabloon.gewijzigd_door) == (nieuw, 2, beheerder)
    assert AuditEntry.objects.filter(
        actie=AuditAction.WIJZIGEN, object_type="cases.briefsjabloon", object_id=sjabloon.pk
    ).exists()


def test_a_stale_edit_is_refused_and_overwrites_nothing(client, beheerder):
    sjabloon = waarschuwing(beheerder.organisatie)
    url = reverse("sjabloon", args=[sjabloon.pk])
    client.force_login(beheerder)
    stale = form_data(sjabloon, naam="Eerste", opslaan="1")
    client.post(url, form_data(sjabloon, naam="Tweede", opslaan="1"))
    response = client.post(url, stale)
    assert "Iemand anders heeft dit intussen gewijzigd" in response.content.decode()
    sjabloon.refresh_from_db()
    assert sjabloon.naam == "Tweede"


def test_a_case_worker_cannot_see_or_edit_templates(client, lpa):
    sjabloon = waarschuwing(lpa.organisatie)
    client.force_login(lpa)
    assert client.get(reverse("sjablonen")).status_code == 403
    assert client.get(reverse("sjabloon", args=[sjabloon.pk])).status_code == 403
    response = client.post(
        reverse("sjabloon", args=[sjabloon.pk]), form_data(sjabloon, naam="X", opslaan="1")
    )
    assert response.status_code == 403
    sjabloon.refresh_from_db()
    assert sjabloon.naam == "Formele waarschuwing"
    assert "Briefsjablonen" not in client.get(reverse("start")).content.decode()


def test_another_organisations_beheerder_gets_404(client, beheerder, beheerder_b):
    sjabloon = waarschuwing(beheerder.organisatie)
    client.force_login(beheerder_b)
    assert client.get(reverse("sjabloon", args=[sjabloon.pk])).status_code == 404
    assert (
        client.post(reverse("sjabloon", args=[sjabloon.pk]), form_data(sjabloon, opslaan="1")).status_code
        == 404
    )
    listing = client.get(reverse("sjablonen")).content.decode()
    assert reverse("sjabloon", args=[sjabloon.pk]) not in listing


def test_the_list_shows_own_templates_in_a_fixed_number_of_queries(client, beheerder):
    client.force_login(beheerder)
    url = reverse("sjablonen")
    page = client.get(url).content.decode()
    assert "Briefsjablonen" in page and "Uitnodiging Doorstroompunt" in page
    BriefSjabloon.objects.filter(organisatie=beheerder.organisatie).exclude(
        soort=BriefSoort.WAARSCHUWING
    ).delete()
    with CaptureQueriesContext(connection) as small:
        client.get(url)
    organisatie = beheerder.organisatie
    from cases.letters.services import seed_letter_templates

    seed_letter_templates(organisatie)
    BriefSjabloon.objects.filter(organisatie=organisatie).update(gewijzigd_door=beheerder)
    with CaptureQueriesContext(connection) as large:
        response = client.get(url)
    html = response.content.decode()
    assert all(
        reverse("sjabloon", args=[pk]) in html
        for pk in organisatie.briefsjablonen.values_list("pk", flat=True)
    )
    assert len(large.captured_queries) == len(small.captured_queries)
