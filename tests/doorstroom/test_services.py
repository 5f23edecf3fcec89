from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from cases.constants import ActieSoort, AuditAction, Codelijst, Verwerkingsactiviteit
from cases.models import AuditEntry
from doorstroom import services
from doorstroom.constants import BenaderingSoort, BenaderingUitkomst, Bron, Doelgroep, Stap, VerzuimAfloop
from doorstroom.models import Traject
from tests.doorstroom.conftest import code
from tests.doorstroom.factories import TrajectFactory, years_ago
from tests.factories import JongereFactory

pytestmark = pytest.mark.django_db


def test_starting_a_traject_puts_it_at_step_1_with_history_and_a_log_entry(coach, volwassene, org):
    traject = services.traject_start(
        actor=coach,
        dossier=volwassene.dossier,
        doelgroep=Doelgroep.NIEUW_VSV,
        gemeld_op=timezone.localdate(),
        onderwijsachtergrond=code(org, Codelijst.DSP_ONDERWIJSACHTERGROND, "MBO"),
        reden=code(org, Codelijst.DSP_REDEN_UITVAL, "Wil werken"),
    )
    assert traject.stap == Stap.SIGNALEREN
    assert traject.stapwijzigingen.get().naar_stap == Stap.SIGNALEREN
    entry = AuditEntry.objects.get(object_type="doorstroom.traject")
    assert (entry.actie, entry.doel) == (
        AuditAction.AANMAKEN,
        Verwerkingsactiviteit.BEGELEIDING_DOORSTROOMPUNT,
    )


def test_a_jongere_too_young_for_the_doelgroep_is_refused_in_dutch(coach, org):
    jongere = JongereFactory(organisatie=org, geboortedatum=years_ago(17))
    with pytest.raises(ValidationError, match="de doelgroep 'Verzuim 18\\+' is voor jongeren van 18"):
        services.traject_start(
            actor=coach,
            dossier=jongere.dossier,
            doelgroep=Doelgroep.VERZUIM_18PLUS,
            gemeld_op=timezone.localdate(),
        )
    assert not Traject.objects.exists()


def test_a_code_of_another_organisation_is_refused(coach, volwassene, org_b):
    with pytest.raises(ValidationError, match="hoort niet bij de lijst van uw organisatie"):
        services.traject_start(
            actor=coach,
            dossier=volwassene.dossier,
            doelgroep=Doelgroep.NIEUW_VSV,
            gemeld_op=timezone.localdate(),
            reden=code(org_b, Codelijst.DSP_REDEN_UITVAL, "Wil werken"),
        )


def test_a_second_open_traject_in_the_same_doelgroep_is_refused(coach, volwassene):
    kwargs = {"actor": coach, "dossier": volwassene.dossier, "gemeld_op": timezone.localdate()}
    services.traject_start(doelgroep=Doelgroep.OUD_VSV, **kwargs)
    with pytest.raises(ValidationError, match="al een lopend traject"):
        services.traject_start(doelgroep=Doelgroep.OUD_VSV, **kwargs)
    services.traject_start(doelgroep=Doelgroep.ZORG_18PLUS, **kwargs)
    assert Traject.objects.count() == 2


def test_overdracht_opens_a_traject_on_the_same_dossier_and_records_the_action(lpa, org):
    jongere = JongereFactory(organisatie=org, geboortedatum=years_ago(18, days=3))
    traject = services.traject_overdragen(
        actor=lpa, dossier=jongere.dossier, toelichting="Geen school gevonden."
    )
    assert traject.dossier == jongere.dossier
    assert (traject.bron, traject.doelgroep) == (Bron.OVERDRACHT_LEERPLICHT, Doelgroep.NIEUW_VSV)
    actie = jongere.dossier.acties.get()
    assert actie.soort == ActieSoort.OVERDRACHT and "Geen school gevonden." in actie.omschrijving


def test_overdracht_is_refused_for_a_15_year_old_and_with_a_startkwalificatie(lpa, org):
    young = JongereFactory(organisatie=org, geboortedatum=years_ago(15))
    qualified = JongereFactory(
        organisatie=org,
        geboortedatum=years_ago(18),
        startkwalificatie_op=timezone.localdate() - timedelta(days=9),
    )
    for jongere in (young, qualified):
        with pytest.raises(ValidationError, match="Overdracht kan vanaf drie maanden voor de 18e verjaardag"):
            services.traject_overdragen(actor=lpa, dossier=jongere.dossier)
    assert not Traject.objects.exists()


def _close(coach, traject, **kwargs):
    defaults = {
        "actor": coach,
        "traject": traject,
        "versie": traject.versie,
        "afgesloten_op": timezone.localdate(),
    }
    return services.traject_afsluiten(**{**defaults, **kwargs})


def test_niet_getraceerd_na_huisbezoek_is_refused_until_a_home_visit_is_recorded(coach, volwassene, org):
    traject = TrajectFactory(dossier=volwassene.dossier, stap=Stap.INTAKE_PLANNEN)
    reden = code(org, Codelijst.DSP_REDEN_NIET_BEGELEID, "Niet getraceerd na huisbezoek")
    services.benadering_vastleggen(
        actor=coach, traject=traject, soort=BenaderingSoort.TELEFOON, datum=timezone.localdate(),
        uitkomst=BenaderingUitkomst.GEEN_REACTIE,
    )  # fmt: skip
    with pytest.raises(ValidationError) as refused:
        _close(coach, traject, begeleid=False, reden_niet_begeleid=reden)
    assert "pas na een vastgelegd huisbezoek" in refused.value.message_dict["reden_niet_begeleid"][0]
    assert Traject.objects.get().afgesloten_op is None

    services.benadering_vastleggen(
        actor=coach, traject=traject, soort=BenaderingSoort.HUISBEZOEK, datum=timezone.localdate(),
        uitkomst=BenaderingUitkomst.NIET_AANGETROFFEN,
    )  # fmt: skip
    traject.refresh_from_db()
    closed = _close(coach, traject, begeleid=False, reden_niet_begeleid=reden)
    assert (closed.begeleid, closed.reden_niet_begeleid, closed.stap) == (False, reden, Stap.AFSLUITEN)


def test_closing_a_guided_traject_schedules_nazorg_a_year_later(coach, volwassene, org):
    traject = TrajectFactory(dossier=volwassene.dossier, stap=Stap.MONITOREN)
    werk = code(org, Codelijst.DSP_UITSTROOM, "Werk regulier / interne opleiding")
    closed = _close(
        coach, traject, begeleid=True, uitstroom=werk, afgesloten_op=traject.gemeld_op + timedelta(days=5)
    )
    assert closed.uitstroom.categorie == "Werk regulier"
    assert closed.nazorg_op == (traject.gemeld_op + timedelta(days=5)).replace(
        year=traject.gemeld_op.year + 1
    )


def test_a_kwetsbare_jongere_uses_the_kwetsbaar_outflow_list(coach, volwassene, org):
    traject = TrajectFactory(
        dossier=volwassene.dossier, doelgroep=Doelgroep.KWETSBARE_JONGERE, stap=Stap.DOELGROEP_VASTSTELLEN
    )
    with pytest.raises(ValidationError, match="hoort niet bij de lijst"):
        _close(coach, traject, begeleid=True, uitstroom=code(org, Codelijst.DSP_UITSTROOM, "Mbo"))
    closed = _close(
        coach,
        traject,
        begeleid=True,
        uitstroom=code(org, Codelijst.DSP_UITSTROOM_KWETSBAAR, "UWV/GSD/Binnenbaan"),
    )
    assert closed.stap == Stap.TERUGKOPPELEN  # no action needed: straight to step 12


def test_verzuim_18plus_records_meldingen_actions_and_whether_the_jongere_continued(coach, volwassene, org):
    traject = TrajectFactory(
        dossier=volwassene.dossier, doelgroep=Doelgroep.VERZUIM_18PLUS, stap=Stap.INTAKE_PLANNEN
    )
    today = timezone.localdate()
    with pytest.raises(ValidationError, match="16 uur of meer"):
        services.verzuimmelding_vastleggen(actor=coach, traject=traject, gemeld_op=today, uren=12)
    melding = services.verzuimmelding_vastleggen(actor=coach, traject=traject, gemeld_op=today, uren=18)
    brief = code(org, Codelijst.DSP_ACTIE_VERZUIM_18PLUS, "Waarschuwingsbrief")
    services.verzuimactie_vastleggen(actor=coach, traject=traject, actie=brief, datum=today, melding=melding)
    assert list(traject.verzuimacties.values_list("actie__label", flat=True)) == ["Waarschuwingsbrief"]
    with pytest.raises(ValidationError, match="voortgezet of is gestopt"):
        _close(coach, traject, begeleid=True)
    traject.refresh_from_db()
    closed = _close(coach, traject, begeleid=True, verzuim_afloop=VerzuimAfloop.VOORTGEZET)
    assert closed.verzuim_afloop == VerzuimAfloop.VOORTGEZET


def test_verzuim_meldingen_belong_to_verzuim_18plus_only(coach, volwassene):
    traject = TrajectFactory(dossier=volwassene.dossier, doelgroep=Doelgroep.OUD_VSV)
    with pytest.raises(ValidationError, match="horen bij een traject verzuim 18\\+"):
        services.verzuimmelding_vastleggen(
            actor=coach, traject=traject, gemeld_op=timezone.localdate(), uren=20
        )


def test_the_plan_records_consent_with_its_date(coach, volwassene):
    traject = TrajectFactory(dossier=volwassene.dossier, stap=Stap.PRIVACY)
    with pytest.raises(ValidationError, match="datum van de toestemmingsverklaring"):
        services.plan_bijwerken(actor=coach, traject=traject, versie=1, toestemming_gegevensuitwisseling=True)
    plan = services.plan_bijwerken(
        actor=coach,
        traject=traject,
        versie=1,
        toestemming_gegevensuitwisseling=True,
        toestemming_op=timezone.localdate(),
        leefdomeinen={"wonen": "Woont bij moeder."},
        ketenpartners=["school", "uwv"],
        casusregie="doorstroompunt",
    )
    assert plan.leefdomeinen == {"wonen": "Woont bij moeder."}
    assert Traject.objects.get().versie == 2


@pytest.mark.parametrize(("leeftijd", "vraagt"), [(17, True), (18, False)])
def test_a_vsv_traject_under_18_needs_a_confirmation(coach, org, leeftijd, vraagt):
    jongere = JongereFactory(organisatie=org, geboortedatum=years_ago(leeftijd))
    start = {
        "actor": coach,
        "dossier": jongere.dossier,
        "doelgroep": Doelgroep.NIEUW_VSV,
        "gemeld_op": timezone.localdate(),
    }
    if vraagt:
        with pytest.raises(ValidationError, match="nog kwalificatieplichtig"):
            services.traject_start(**start)
        assert not Traject.objects.exists()
        services.traject_start(**start, bevestigd=True)
    else:
        services.traject_start(**start)
    assert Traject.objects.count() == 1
