"""DUO's deliveries: the weekly changes and the monthly uitschrijvingen without startkwalificatie,
in our intermediate formats, into the inbox; accepted signals applied through the apps' services."""

from datetime import date

from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from cases import services as case_services
from cases.models import Organisatie, School
from cases.rules import age_on
from cases.verhuizing.services import gemeente_voor, overdracht_uit
from doorstroom import services as doorstroom_services
from doorstroom.constants import Doelgroep
from doorstroom.rules import leeftijdsgrens
from leerplicht import services as leerplicht_services
from leerplicht.constants import MeldingSoort
from leerplicht.services import MeldingGegevens

from .. import afsluiten, formaat
from ..constants import Bron, RunStatus, Voorstel
from ..models import KoppelingRun
from ..services import Record, jongere_van_signaal, register_toepasser, signalen_ontvangen
from . import mapping

BRON = Bron.DUO_LEVERING
DATUMS = ("geboortedatum", "datum", "ingeschreven_van", "ingeschreven_tot")


def _record(gegevens: dict, soort: str, voorstel: str, toelichting: str, inhoud: dict) -> Record:
    return Record(
        extern_id=str(gegevens["extern_id"]),
        soort=soort,
        inhoud=inhoud,
        gegevens=gegevens,
        voorstel=voorstel,
        bsn=str(gegevens.get("bsn") or ""),
        gemeentecode=str(gegevens.get("gemeentecode") or ""),
        toelichting=toelichting,
    )


def wekelijks_records(inhoud: bytes) -> list[Record]:
    rijen = formaat.document(inhoud, mapping.FORMAAT_WEKELIJKS, "mutaties")
    records, fouten = [], []
    for nummer, rij in enumerate(rijen, start=1):
        gegevens = formaat.rij(rij, formaat.PERSOON + mapping.MUTATIE_VELDEN, nummer, fouten, DATUMS)
        voorstel = mapping.MUTATIE_VOORSTEL.get(gegevens["mutatie"])
        if voorstel is None:
            fouten.append(
                _("Rij %(n)s: onbekende mutatie '%(soort)s'; toegestaan: %(toegestaan)s.")
                % {
                    "n": nummer,
                    "soort": gegevens["mutatie"],
                    "toegestaan": ", ".join(mapping.MUTATIE_VOORSTEL),
                }
            )
            continue
        if voorstel == Voorstel.OVERDRACHT_VERHUISD and not gegevens["nieuwe_gemeentecode"]:
            fouten.append(_("Rij %(n)s: nieuwe_gemeente.code ontbreekt bij een verhuizing.") % {"n": nummer})
        toelichting = _("DUO meldt: %(mutatie)s op %(datum)s.") % {
            "mutatie": gegevens["mutatie"].replace("_", " "),
            "datum": gegevens["datum"],
        }
        records.append(_record(gegevens, gegevens["mutatie"], voorstel, toelichting, rij))
    if fouten:
        raise formaat.FormaatFout(" ".join(fouten))
    return records


def uitschrijving_voorstel(gegevens: dict) -> tuple[str, str, str]:
    """(voorstel, melding soort or traject doelgroep, toelichting) for one uitschrijving."""
    if gegevens.get("nieuwe_inschrijving") is True or gegevens.get("vrijstelling") is True:
        return Voorstel.GEEN, "", _("Elders ingeschreven of vrijgesteld: ter kennisneming.")
    dag = date.fromisoformat(gegevens["datum"])
    leeftijd = age_on(date.fromisoformat(gegevens["geboortedatum"]), dag)
    laag, hoog = mapping.LEERPLICHT_LEEFTIJD
    if laag <= leeftijd < hoog:
        return (
            Voorstel.NIEUWE_MELDING,
            MeldingSoort.ABSOLUUT,
            _(
                "Uitgeschreven op %(leeftijd)s jaar zonder nieuwe inschrijving of vrijstelling: absoluut verzuim."
            )
            % {"leeftijd": leeftijd},
        )
    if hoog <= leeftijd < leeftijdsgrens(dag):
        return (
            Voorstel.NIEUW_TRAJECT,
            Doelgroep.NIEUW_VSV,
            _("Uitgeschreven op %(leeftijd)s jaar zonder startkwalificatie: voortijdig schoolverlater.")
            % {"leeftijd": leeftijd},
        )
    return Voorstel.GEEN, "", _("Buiten de leeftijden van leerplicht en Doorstroompunt.")


def maandelijks_records(inhoud: bytes) -> list[Record]:
    rijen = formaat.document(inhoud, mapping.FORMAAT_MAANDELIJKS, "uitschrijvingen")
    records, fouten = [], []
    for nummer, rij in enumerate(rijen, start=1):
        gegevens = formaat.rij(rij, formaat.PERSOON + mapping.UITSCHRIJVING_VELDEN, nummer, fouten, DATUMS)
        if not (gegevens["datum"] and gegevens["geboortedatum"]):
            continue
        voorstel, soort, toelichting = uitschrijving_voorstel(gegevens)
        gegevens["soort"] = soort if voorstel == Voorstel.NIEUWE_MELDING else ""
        gegevens["doelgroep"] = soort if voorstel == Voorstel.NIEUW_TRAJECT else ""
        records.append(_record(gegevens, "uitschrijving", voorstel, toelichting, rij))
    if fouten:
        raise formaat.FormaatFout(" ".join(fouten))
    return records


def document_verwerken(*, organisatie: Organisatie, inhoud: bytes, soort: str, via: str) -> KoppelingRun:
    """`soort`: "wekelijks" or "maandelijks". Reading a document again adds nothing."""
    lezer = wekelijks_records if soort == "wekelijks" else maandelijks_records
    try:
        records = lezer(inhoud)
    except formaat.FormaatFout as exc:
        return KoppelingRun.objects.create(
            bron=BRON, organisatie=organisatie, via=via, status=RunStatus.MISLUKT, fout=str(exc)
        )
    return signalen_ontvangen(organisatie=organisatie, bron=BRON, records=records, via=via)


def _school(g: dict) -> School | None:
    return (
        School.objects.filter(brin=g.get("brin") or "", vestiging=g.get("vestiging") or "").first()
        or School.objects.filter(brin=g.get("brin") or "").first()
    )


def toepassen(*, signaal, actor, keuzes: dict, request=None) -> str:
    g = signaal.gegevens
    datum = date.fromisoformat(g["datum"])
    if signaal.voorstel == Voorstel.AFSLUITEN_OVERLEDEN:
        jongere = afsluiten.bekende_jongere(signaal)
        return afsluiten.overleden(
            signaal=signaal, actor=actor, jongere=jongere, datum=datum, request=request
        )
    if signaal.voorstel == Voorstel.STARTKWALIFICATIE:
        jongere = afsluiten.bekende_jongere(signaal)
        return afsluiten.startkwalificatie(
            signaal=signaal, actor=actor, jongere=jongere, datum=datum, request=request
        )
    jongere = jongere_van_signaal(signaal=signaal, actor=actor, request=request)
    dossier = jongere.dossier
    if signaal.voorstel == Voorstel.NIEUWE_MELDING:
        melding = leerplicht_services.melding_register(
            actor=actor,
            dossier=dossier,
            data=MeldingGegevens(
                soort=keuzes.get("soort") or g["soort"],
                ontvangen_op=min(timezone.localdate(), datum),
                school=_school(g),
                toelichting=signaal.toelichting,
                behandelaar=keuzes.get("behandelaar"),
            ),
            confirmed=True,
            request=request,
        )
        return reverse("melding", args=[melding.pk])
    if signaal.voorstel == Voorstel.NIEUW_TRAJECT:
        traject = doorstroom_services.traject_start(
            actor=actor,
            dossier=dossier,
            doelgroep=g["doelgroep"],
            gemeld_op=datum,
            uitval_op=datum,
            bron="DUO",
            extern_id=str(g["extern_id"])[:64],
            behandelaar=keuzes.get("behandelaar"),
            request=request,
        )
        return reverse("traject_detail", args=[traject.pk])
    if signaal.voorstel == Voorstel.OVERDRACHT_VERHUISD:
        gemeente = gemeente_voor(code=g["nieuwe_gemeentecode"], naam=g.get("nieuwe_gemeentenaam") or "")
        overdracht_uit(actor=actor, dossier=dossier, gemeente=gemeente, datum=datum, request=request)
        return reverse("dossier", args=[dossier.pk])
    if signaal.voorstel == Voorstel.ADRES_BIJWERKEN:
        case_services.jongere_adres_bijwerken(
            actor=actor,
            jongere=jongere,
            straat=g.get("straat") or "",
            postcode=g.get("postcode") or "",
            woonplaats=g.get("woonplaats") or "",
            request=request,
        )
        return reverse("dossier", args=[dossier.pk])
    if signaal.voorstel == Voorstel.SCHOOLGESCHIEDENIS:
        school = _school(g)
        if school is None or not g.get("ingeschreven_van"):
            raise ValidationError(
                _(
                    "DUO noemt geen bekende school (BRIN %(brin)s) of geen datum van inschrijving: "
                    "werk de schoolgeschiedenis zelf bij en wijs het signaal af met die reden."
                )
                % {"brin": g.get("brin") or "-"}
            )
        case_services.inschrijving_bijwerken(
            actor=actor,
            jongere=jongere,
            school=school,
            onderwijssoort=mapping.ONDERWIJSSOORT.get(
                g.get("onderwijssoort") or "", g.get("onderwijssoort") or ""
            ),
            van=date.fromisoformat(g["ingeschreven_van"]),
            tot=date.fromisoformat(g["ingeschreven_tot"]) if g.get("ingeschreven_tot") else None,
            request=request,
        )
        return reverse("dossier", args=[dossier.pk])
    raise ValidationError(
        _(
            "Dit voorstel voert het systeem niet zelf uit: werk het dossier bij en wijs het signaal af met die reden."
        )
    )


register_toepasser(BRON, toepassen)
