"""The Leerplichtwet's rules through the services, the pages, the API and the imports: every
door gets the same refusal with the same reason (docs/regels.md)."""

import re
from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from cases import services as case_services
from cases.constants import ActieSoort
from cases.idempotency import AlVerwerkt
from cases.imports import ImportFailed
from cases.imports.records import import_now
from cases.models import Jongere, SchoolVakantie
from leerplicht import services, vrijstellingen
from leerplicht.constants import Beslisser, Besluit, Grondslag, MeldingSoort, Route
from leerplicht.models import Melding, MeldingRoute, Vrijstelling
from leerplicht.services import MeldingGegevens, MeldingWarnings
from tests.api.conftest import token_client
from tests.factories import JongereFactory, MeldingFactory
from tests.imports.conftest import csv_bytes

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def years_ago(years: int, days: int = 10) -> date:
    """A birth date making someone `years` old today (their birthday `days` ago)."""
    return (TODAY - timedelta(days=days)).replace(year=TODAY.year - years)


def dossier_of(org, geboren, **kwargs):
    return JongereFactory(organisatie=org, geboortedatum=geboren, **kwargs).dossier


def gegevens(**kwargs) -> MeldingGegevens:
    return MeldingGegevens(**({"soort": MeldingSoort.RELATIEF_WETTELIJK, "ontvangen_op": TODAY} | kwargs))


class TestMeldingPlausibility:
    def test_relatief_verzuim_of_a_36_year_old_is_refused_with_the_reason(self, org, lpa):
        dossier = dossier_of(org, years_ago(36))
        with pytest.raises(ValidationError) as refused:
            services.melding_register(actor=lpa, dossier=dossier, data=gegevens(uren_verzuim=20))
        assert "36 jaar. Meldingen van de leerplicht gaan over jongeren van 5 tot 18 jaar" in str(
            refused.value.message_dict["soort"]
        )
        assert not Melding.objects.exists()

    def test_absoluut_verzuim_of_a_1_year_old_is_refused(self, org, lpa):
        with pytest.raises(ValidationError, match="nog niet leerplichtig"):
            services.melding_register(
                actor=lpa, dossier=dossier_of(org, years_ago(1)), data=gegevens(soort=MeldingSoort.ABSOLUUT)
            )

    def test_verzuim_before_the_18th_birthday_may_be_reported_after_it(self, org, lpa):
        dossier = dossier_of(org, years_ago(18, days=20))
        verzuim_van = TODAY - timedelta(days=40)
        melding = services.melding_register(
            actor=lpa, dossier=dossier, data=gegevens(verzuim_van=verzuim_van, uren_verzuim=20)
        )
        assert melding.leeftijd == 18

    def test_a_second_open_melding_of_the_same_soort_asks_for_confirmation_with_a_link(self, org, lpa):
        dossier = dossier_of(org, years_ago(13))
        first = MeldingFactory(dossier=dossier, ontvangen_op=TODAY - timedelta(days=30))
        with pytest.raises(MeldingWarnings) as asked:
            services.melding_register(actor=lpa, dossier=dossier, data=gegevens(uren_verzuim=20))
        warning = asked.value.warnings[-1]
        assert warning == (
            "Er loopt al een melding relatief verzuim (wettelijk) voor deze jongere sinds "
            f"{first.ontvangen_op:%d-%m-%Y}; toch registreren?"
        )
        assert warning.url == reverse("melding", args=[first.pk])
        assert Melding.objects.count() == 1
        services.melding_register(actor=lpa, dossier=dossier, data=gegevens(uren_verzuim=20), confirmed=True)
        assert Melding.objects.count() == 2

    def test_a_closed_melding_or_another_soort_does_not_ask(self, org, lpa):
        dossier = dossier_of(org, years_ago(13))
        MeldingFactory(dossier=dossier, soort=MeldingSoort.LUXE, ontvangen_op=TODAY - timedelta(days=30))
        MeldingFactory(dossier=dossier, fase="afgesloten", ontvangen_op=TODAY - timedelta(days=60))
        services.melding_register(actor=lpa, dossier=dossier, data=gegevens(uren_verzuim=20))

    def test_the_same_form_twice_makes_one_melding(self, org, lpa):
        dossier = dossier_of(org, years_ago(13))
        first = services.melding_register(
            actor=lpa, dossier=dossier, data=gegevens(uren_verzuim=20), sleutel="formulier-1"
        )
        with pytest.raises(AlVerwerkt) as again:
            services.melding_register(
                actor=lpa,
                dossier=dossier,
                data=gegevens(uren_verzuim=20),
                sleutel="formulier-1",
                confirmed=True,
            )
        assert again.value.object_id == first.pk
        assert Melding.objects.count() == 1

    def test_a_birth_date_in_the_future_is_an_error_on_the_birth_date(self, org, lpa):
        with pytest.raises(ValidationError) as refused:
            case_services.jongere_register(
                actor=lpa,
                organisatie=org,
                voornamen="Toekomst",
                achternaam="Kind",
                geboortedatum=TODAY + timedelta(days=1),
                woongemeente=org.gemeenten.first(),
            )
        assert list(refused.value.message_dict) == ["geboortedatum"]
        assert not Jongere.objects.filter(voornamen="Toekomst").exists()


def halt_melding(org, geboren, **kwargs):
    values = {"uren_verzuim": 20, "ontvangen_op": TODAY - timedelta(days=10)} | kwargs
    return MeldingFactory(dossier=dossier_of(org, geboren), **values)


class TestHaltThroughTheServices:
    def test_a_halt_route_for_a_9_year_old_is_refused(self, org, lpa):
        melding = halt_melding(org, years_ago(9))
        with pytest.raises(ValidationError, match="Halt kan pas vanaf 12 jaar; deze jongere is 9 jaar"):
            services.melding_choose_route(
                actor=lpa,
                melding_id=melding.pk,
                route=Route.HALT,
                jongere_instemming=True,
                ouders_instemming=True,
            )
        assert not melding.routes.exists()

    @pytest.mark.parametrize(("leeftijd", "allowed"), [(11, False), (12, True)])
    def test_the_halt_action_from_12(self, org, lpa, leeftijd, allowed):
        melding = halt_melding(org, years_ago(leeftijd))
        call = {
            "actor": lpa,
            "melding_id": melding.pk,
            "soort": ActieSoort.HALT_VERWIJZING,
            "datum": TODAY,
            "jongere_instemming": True,
            "ouders_instemming": True,
        }
        if allowed:
            services.melding_actie_register(**call)
        else:
            with pytest.raises(ValidationError, match="vanaf 12 jaar"):
                services.melding_actie_register(**call)
        melding.refresh_from_db()
        assert melding.halt_verwijzing is allowed

    def test_luxe_verzuim_never_goes_to_halt(self, org, lpa):
        melding = halt_melding(org, years_ago(13), soort=MeldingSoort.LUXE, uren_verzuim=None, verlof_dagen=5)
        with pytest.raises(ValidationError, match="luxe verzuim is een beslissing van de ouders"):
            services.melding_choose_route(
                actor=lpa,
                melding_id=melding.pk,
                route=Route.HALT,
                jongere_instemming=True,
                ouders_instemming=True,
            )

    def test_a_second_halt_referral_is_refused(self, org, lpa):
        earlier = halt_melding(org, years_ago(14), halt_verwijzing=True, fase="afgesloten")
        melding = MeldingFactory(
            dossier=earlier.dossier, uren_verzuim=20, ontvangen_op=TODAY - timedelta(days=3)
        )
        with pytest.raises(ValidationError, match="al eerder voor spijbelen naar Halt verwezen"):
            services.melding_choose_route(
                actor=lpa,
                melding_id=melding.pk,
                route=Route.HALT,
                jongere_instemming=True,
                ouders_instemming=True,
            )

    def test_the_route_records_the_consent(self, org, lpa):
        melding = halt_melding(org, years_ago(13))
        with pytest.raises(ValidationError, match="jongere en de ouders instemmen"):
            services.melding_choose_route(
                actor=lpa, melding_id=melding.pk, route=Route.HALT, ouders_instemming=True
            )
        services.melding_choose_route(
            actor=lpa,
            melding_id=melding.pk,
            route=Route.HALT,
            jongere_instemming=True,
            ouders_instemming=True,
        )
        route = MeldingRoute.objects.get(melding=melding)
        assert (route.jongere_instemming, route.ouders_instemming) == (True, True)

    @pytest.mark.parametrize(
        "soort",
        [ActieSoort.HALT_VERWIJZING, ActieSoort.PROCES_VERBAAL_LEERLING, ActieSoort.JEUGDBESCHERMINGSTAFEL],
    )
    def test_no_minor_only_actions_on_the_dossier_of_an_18_year_old(self, org, lpa, soort):
        dossier = dossier_of(org, years_ago(18))
        with pytest.raises(ValidationError, match="alleen voor minderjarigen"):
            case_services.actie_register(actor=lpa, dossier=dossier, soort=soort, datum=TODAY)


def aanvraag(org, lpa, grondslag, geboren=None, **kwargs):
    values = {"aangevraagd_op": TODAY, "onderwijs": "po"} | kwargs
    return vrijstellingen.vrijstelling_request(
        actor=lpa, dossier=dossier_of(org, geboren or years_ago(10)), grondslag=grondslag, **values
    )


class TestVerlofThroughTheServices:
    def test_11f_of_11_days_is_refused_at_registration(self, org, lpa):
        with pytest.raises(ValidationError, match="ten hoogste 10 schooldagen per schooljaar"):
            aanvraag(
                org,
                lpa,
                Grondslag.ART11F,
                verlof_dagen=11,
                verlof_van=TODAY,
                verlof_tot=TODAY + timedelta(days=14),
            )

    def test_11f_in_the_first_two_lesweken_is_refused_at_registration(self, org, lpa):
        jaar = TODAY.year if TODAY.month >= 8 else TODAY.year - 1
        SchoolVakantie.objects.create(
            organisatie=org, naam="Zomervakantie", van=date(jaar, 7, 12), tot=date(jaar, 8, 31)
        )
        # the first lesdag is the first weekday from 1 September
        eerste = date(jaar, 9, 1)
        while eerste.weekday() >= 5:
            eerste += timedelta(days=1)
        with pytest.raises(ValidationError, match="eerste twee lesweken"):
            aanvraag(
                org,
                lpa,
                Grondslag.ART11F,
                aangevraagd_op=date(jaar, 6, 1),
                verlof_dagen=3,
                verlof_van=eerste + timedelta(days=13),
                verlof_tot=eerste + timedelta(days=16),
            )
        ok = aanvraag(
            org,
            lpa,
            Grondslag.ART11F,
            aangevraagd_op=date(jaar, 6, 1),
            verlof_dagen=3,
            verlof_van=eerste + timedelta(days=14),
            verlof_tot=eerste + timedelta(days=17),
        )
        assert ok.pk

    def test_the_lpa_cannot_grant_11f_but_records_the_hoofds_decision(self, org, lpa):
        verlof = aanvraag(
            org,
            lpa,
            Grondslag.ART11F,
            aangevraagd_op=TODAY - timedelta(days=5),
            verlof_dagen=5,
            verlof_van=TODAY + timedelta(days=30),
            verlof_tot=TODAY + timedelta(days=34),
        )
        besluit = {"actor": lpa, "vrijstelling_id": verlof.pk, "versie": None, "besluit_op": TODAY}
        with pytest.raises(ValidationError, match="beslist alleen het hoofd van de school"):
            vrijstellingen.vrijstelling_decide(
                **besluit, besluit=Besluit.VERLEEND, beslist_door=Beslisser.LEERPLICHTAMBTENAAR
            )
        recorded = vrijstellingen.vrijstelling_decide(**besluit, besluit=Besluit.VERLEEND)
        assert (recorded.besluit, recorded.beslist_door) == (Besluit.VERLEEND, Beslisser.SCHOOLHOOFD)

    def test_an_aanvraag_art_3a_for_a_9_year_old_is_refused_at_registration(self, org, lpa):
        with pytest.raises(ValidationError, match="Artikel 3a kan vanaf 14 jaar"):
            aanvraag(org, lpa, Grondslag.ART3A, geboren=years_ago(9))

    def test_an_aanvraag_for_a_20_year_old_is_refused_at_registration(self, org, lpa):
        with pytest.raises(ValidationError, match="niet meer leerplichtig of kwalificatieplichtig"):
            aanvraag(org, lpa, Grondslag.ART11G, geboren=years_ago(20), verlof_dagen=3)


class TestVrijgesteldOnTheDossier:
    def vrijstelling_5a(self, org, lpa, geldig_tot):
        kennisgeving = aanvraag(org, lpa, Grondslag.ART5A, aangevraagd_op=TODAY - timedelta(days=40))
        upload = SimpleUploadedFile("verklaring.pdf", b"%PDF-1.4 verklaring", content_type="application/pdf")
        vrijstellingen.vrijstelling_add_document(actor=lpa, vrijstelling_id=kennisgeving.pk, upload=upload)
        return vrijstellingen.vrijstelling_decide(
            actor=lpa,
            vrijstelling_id=kennisgeving.pk,
            versie=None,
            besluit=Besluit.VERLEEND,
            besluit_op=TODAY - timedelta(days=30),
            geldig_van=TODAY - timedelta(days=30),
            geldig_tot=geldig_tot,
            verklaring_onafhankelijk=True,
        )

    def test_the_status_says_vrijgesteld_5a_while_it_holds(self, client, org, lpa):
        einde = date(TODAY.year + (1 if TODAY.month >= 8 else 0), 7, 31)
        vrijstelling = self.vrijstelling_5a(org, lpa, einde)
        client.force_login(lpa)
        page = client.get(reverse("dossier", args=[vrijstelling.dossier_id])).content.decode()
        assert "Vrijgesteld (5a)" in page
        assert "Leerplichtig" not in page

    def test_a_5a_vrijstelling_lasts_at_most_one_schooljaar(self, org, lpa):
        einde = date(TODAY.year + (2 if TODAY.month >= 8 else 1), 7, 31)
        with pytest.raises(ValidationError, match="ten hoogste tot het eind van het schooljaar"):
            self.vrijstelling_5a(org, lpa, einde)


class TestOver18OnTheDossier:
    def test_a_21_year_old_is_not_turning_18_and_gets_no_leerplicht_actions(self, client, org, lpa):
        dossier = dossier_of(org, years_ago(21))
        client.force_login(lpa)
        page = client.get(reverse("dossier", args=[dossier.pk])).content.decode()
        assert "(bijna) 18" not in page
        assert "Halt-verwijzing" not in page and "Proces-verbaal (leerling 12+)" not in page
        assert "Melding jeugdbeschermingstafel" not in page
        assert "Nieuwe melding" not in page

    def test_a_13_year_old_gets_them(self, client, org, lpa):
        dossier = dossier_of(org, years_ago(13))
        client.force_login(lpa)
        page = client.get(reverse("dossier", args=[dossier.pk])).content.decode()
        assert "Halt-verwijzing" in page and "Nieuwe melding" in page


def import_csv(org, name, header, *rows):
    return import_now(
        name=name,
        organisatie=org,
        actor=None,
        data=csv_bytes(header, *rows),
        filename=f"{name}.csv",
        via="test",
    )


MELDING_HEADER = "extern_id,gemeente,bsn,geboortedatum,soort,ontvangen_op,verzuim_van,uren_verzuim"


class TestOtherDoors:
    """The API and the imports refuse what the pages refuse, with the same reason."""

    def test_the_api_refuses_relatief_verzuim_of_a_36_year_old(self, org, lpa):
        api, _token = token_client(lpa)
        dossier = dossier_of(org, years_ago(36))
        response = api.post(
            "/api/v1/meldingen/",
            {
                "dossier": dossier.pk,
                "soort": "relatief_wettelijk",
                "ontvangen_op": TODAY.isoformat(),
                "uren_verzuim": 20,
            },
            format="json",
        )
        assert response.status_code == 400
        assert (
            "Meldingen van de leerplicht gaan over jongeren van 5 tot 18 jaar"
            in response.json()["fouten"]["soort"][0]
        )
        assert not Melding.objects.exists()

    def test_the_api_honours_an_idempotency_key(self, org, lpa):
        api, _token = token_client(lpa)
        dossier = dossier_of(org, years_ago(13))
        body = {
            "dossier": dossier.pk,
            "soort": "relatief_wettelijk",
            "ontvangen_op": TODAY.isoformat(),
            "uren_verzuim": 20,
        }
        first = api.post("/api/v1/meldingen/", body, format="json", HTTP_IDEMPOTENCY_KEY="retry-1")
        again = api.post("/api/v1/meldingen/", body, format="json", HTTP_IDEMPOTENCY_KEY="retry-1")
        assert (first.status_code, again.status_code) == (201, 200)
        assert first.json()["id"] == again.json()["id"]
        assert Melding.objects.count() == 1

    def test_the_api_refuses_a_halt_route_for_a_9_year_old(self, org, lpa):
        api, _token = token_client(lpa)
        melding = halt_melding(org, years_ago(9))
        response = api.post(
            f"/api/v1/meldingen/{melding.pk}/route/",
            {"route": "halt", "jongere_instemming": True, "ouders_instemming": True},
            format="json",
        )
        assert response.status_code == 400
        assert "Halt kan pas vanaf 12 jaar; deze jongere is 9 jaar" in str(response.json())

    def test_an_import_row_of_relatief_verzuim_for_a_36_year_old_is_refused(self, org):
        gemeente = org.gemeenten.first().code
        with pytest.raises(ImportFailed) as failed:
            import_csv(
                org,
                "meldingen",
                MELDING_HEADER,
                f"M-1,{gemeente},111222333,{years_ago(36).isoformat()},relatief_wettelijk,{TODAY.isoformat()},,20",
            )
        problem = failed.value.problems[0]
        assert (problem.row, problem.column) == (2, "soort")
        assert "gaan over jongeren van 5 tot 18 jaar" in problem.message
        assert not Melding.objects.exists()

    def test_an_import_row_with_a_future_birth_date_is_refused(self, org):
        gemeente = org.gemeenten.first().code
        with pytest.raises(ImportFailed) as failed:
            import_csv(
                org,
                "meldingen",
                MELDING_HEADER,
                f"M-1,{gemeente},111222333,{(TODAY + timedelta(days=3)).isoformat()},zorg,{TODAY.isoformat()},,",
            )
        assert any(p.column == "geboortedatum" and "toekomst" in p.message for p in failed.value.problems)

    def test_an_imported_melding_becomes_a_thuiszitter_signal_from_its_first_day_of_verzuim(
        self, client, org, lpa
    ):
        gemeente = org.gemeenten.first().code
        van = TODAY - timedelta(days=35)
        import_csv(
            org,
            "meldingen",
            MELDING_HEADER,
            f"M-1,{gemeente},111222333,{years_ago(13).isoformat()},relatief_wettelijk,{(van + timedelta(days=7)).isoformat()},{van.isoformat()},30",
        )
        melding = Melding.objects.get()
        assert (melding.verzuim_van, melding.uren_verzuim) == (van, 30)
        client.force_login(lpa)
        assert (
            "Mogelijk thuiszitter" in client.get(reverse("werkvoorraad") + "?behandelaar=").content.decode()
        )

    def test_historical_11f_imports_as_the_hoofds_decision(self, org):
        gemeente = org.gemeenten.first().code
        import_csv(
            org,
            "vrijstellingen",
            "extern_id,gemeente,bsn,geboortedatum,grondslag,aangevraagd_op,besluit,besluit_op,geldig_van,geldig_tot",
            f"V-1,{gemeente},111222333,2014-03-01,art11f,2024-05-01,verleend,2024-05-10,2024-10-14,2024-10-18",
        )
        vrijstelling = Vrijstelling.objects.get()
        assert (vrijstelling.besluit, vrijstelling.beslist_door) == (Besluit.VERLEEND, Beslisser.SCHOOLHOOFD)

    def test_an_imported_aanvraag_art_3a_for_a_9_year_old_is_refused(self, org):
        gemeente = org.gemeenten.first().code
        with pytest.raises(ImportFailed) as failed:
            import_csv(
                org,
                "vrijstellingen",
                "extern_id,gemeente,bsn,geboortedatum,grondslag,aangevraagd_op",
                f"V-1,{gemeente},111222333,{years_ago(9).isoformat()},art3a,{TODAY.isoformat()}",
            )
        assert any(p.column == "grondslag" and "vanaf 14 jaar" in p.message for p in failed.value.problems)


class TestRegistrationPage:
    def form(self, dossier, sleutel, **extra):
        return {
            "dossier": dossier.pk,
            "soort": "relatief_wettelijk",
            "ontvangen_op": TODAY.isoformat(),
            "uren_verzuim": "20",
            "sleutel": sleutel,
        } | extra

    def test_the_form_carries_a_key_and_a_second_post_of_it_makes_nothing_new(self, client, org, lpa):
        dossier = dossier_of(org, years_ago(13))
        client.force_login(lpa)
        empty = client.get(reverse("melding_nieuw") + f"?dossier={dossier.pk}").content.decode()
        sleutel = re.search(r'name="sleutel" value="([0-9a-f]{32})"', empty).group(1)
        first = client.post(reverse("melding_nieuw"), self.form(dossier, sleutel), follow=True)
        assert "De melding is geregistreerd." in first.content.decode()
        again = client.post(reverse("melding_nieuw"), self.form(dossier, sleutel), follow=True)
        assert (
            "Dit formulier was al verstuurd; de melding is één keer geregistreerd." in again.content.decode()
        )
        assert again.redirect_chain[-1][0] == reverse("melding", args=[Melding.objects.get().pk])

    def test_a_new_form_for_the_same_soort_shows_the_running_melding(self, client, org, lpa):
        dossier = dossier_of(org, years_ago(13))
        running = MeldingFactory(dossier=dossier, ontvangen_op=TODAY - timedelta(days=5))
        client.force_login(lpa)
        page = client.post(reverse("melding_nieuw"), self.form(dossier, "nieuw-formulier")).content.decode()
        assert f"sinds {running.ontvangen_op:%d-%m-%Y}; toch registreren?" in page
        assert f'href="{reverse("melding", args=[running.pk])}"' in page
        assert Melding.objects.count() == 1
