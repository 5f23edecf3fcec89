"""Leerplicht rules for meldingen, verlof and vrijstellingen, as pure functions.

Each rule cites its source; docs/regels.md lists them with the place they are enforced and the
test that proves them. No database access: services pass the facts in.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from django.utils.translation import gettext as _

from cases.constants import LeerplichtStatus
from cases.rules import Schooljaar, age_on, leerplicht_start, leerplicht_status

from .constants import (
    ACTIES_ONDER_18,
    KENNISGEVING_GRONDSLAGEN,
    MINIMUM_AGE,
    RELATIEF,
    Beslisser,
    Besluit,
    Grondslag,
    MeldingSoort,
)

WETTELIJK_UREN = 16  # relatief verzuim of 16 hours or more in 4 weeks must be reported (art. 21a)
PV_LEERLING_MIN_AGE = 12  # proces-verbaal against the pupil from 12 years of age (art. 2 lid 3)
SCHOOLHOOFD_MAX_DAGEN = 10  # art. 13a lid 2 and art. 14 lid 1/3: the hoofd decides up to 10 days
# Langdurig relatief verzuim (thuiszitter): 4 lesweken or more; school holidays are no lesweken.
THUISZITTER_LESWEKEN = 4
THUISZITTER_DAGEN = THUISZITTER_LESWEKEN * 7

# Halt (halt.nl, "Verwijzers / Leerplichtambtenaren"): "Een school doet dat als een leerling
# zonder geldige reden meer dan 8 lesuren verzuimt of meer dan 11 keer te laat komt. [...] Als
# een leerling meer dan zestig uur heeft verzuimd of meer dan zestig keer te laat is gekomen,
# zal de leerplichtambtenaar het OM inschakelen." and "De jongere is leerplichtig en minimaal
# 12 jaar oud."
HALT_MIN_LEEFTIJD = 12
HALT_MEER_DAN_UREN = 8
HALT_MEER_DAN_TE_LAAT = 11
HALT_MAX = 60

# Art. 6 Lpw: the kennisgeving for a vrijstelling under art. 5 is made, and renewed for every
# schooljaar, before 1 July; the system signals this many days before that date.
VERNIEUWING_MAAND_DAG = (7, 1)
VERNIEUWING_SIGNAAL_DAGEN = 30
# Art. 13a lid 2: verlof under 11f never covers the first two lesweken of the schooljaar.
EERSTE_LESWEKEN = 2


def lesdagen_verzuimd(van: date, tot: date, in_schoolvakantie: Callable[[date], bool]) -> int:
    """Calendar days from `van` up to (not including) `tot` that are no school holiday: the
    days that count towards the 4 lesweken of langdurig relatief verzuim."""
    days = 0
    day = van
    while day < tot:
        if not in_schoolvakantie(day):
            days += 1
        day += timedelta(days=1)
    return days


def is_mogelijk_thuiszitter(
    *,
    soort: str,
    open: bool,
    verzuim_van: date | None,
    heeft_vrijstelling: bool,
    today: date,
    verzuim_tot: date | None = None,
    in_schoolvakantie: Callable[[date], bool] = lambda day: False,
) -> bool:
    """A relatief verzuim that has lasted 4 lesweken or more, counted from its first day and
    without the organisation's school holidays, without a vrijstelling (domain: langdurig
    relatief verzuim; "lesweken exclude school holidays")."""
    if soort not in RELATIEF or not open or verzuim_van is None or heeft_vrijstelling:
        return False
    einde = today if verzuim_tot is None else min(today, verzuim_tot + timedelta(days=1))
    return lesdagen_verzuimd(verzuim_van, einde, in_schoolvakantie) >= THUISZITTER_DAGEN


def proces_verbaal_leerling_error(age_on_date: int) -> str | None:
    if age_on_date < PV_LEERLING_MIN_AGE:
        return _(
            "Een proces-verbaal tegen de leerling kan pas vanaf 12 jaar; deze leerling is %(age)s. "
            "Maak het proces-verbaal op tegen de ouder(s)."
        ) % {"age": age_on_date}
    return None


def actie_leeftijd_error(soort: str, age_on_date: int) -> str | None:
    """Halt, a proces-verbaal against the leerling and the jeugdbeschermingstafel are for minors
    only: the Leerplichtwet's obligations end at 18 (art. 4a), Halt is for minors (art. 77e Sr)."""
    if soort in ACTIES_ONDER_18 and age_on_date >= 18:
        return _(
            "Deze jongere is %(age)s jaar; na het 18e jaar gelden de leerplicht en de kwalificatieplicht "
            "niet meer, dus geen Halt, proces-verbaal tegen de leerling of jeugdbeschermingstafel. "
            "Verwijs naar het Doorstroompunt."
        ) % {"age": age_on_date}
    return None


@dataclass(frozen=True)
class HaltFeiten:
    """What the Halt criteria look at, for one melding on one day."""

    leeftijd: int
    status: str  # LeerplichtStatus on the day of the referral
    soort: str
    uren_verzuim: int | None
    keer_te_laat: int | None
    eerder_naar_halt: bool
    jongere_instemming: bool
    ouders_instemming: bool


def halt_errors(feiten: HaltFeiten) -> list[str]:
    """Why a Halt referral (route or action) may not be made; empty when it may.

    Source: halt.nl, "Verwijzers / Leerplichtambtenaren" (see the constants above)."""
    errors = []
    if feiten.status not in (LeerplichtStatus.LEERPLICHTIG, LeerplichtStatus.KWALIFICATIEPLICHTIG):
        errors.append(
            _(
                "Halt kan alleen bij een jongere die leerplichtig of kwalificatieplichtig is; deze jongere is dat niet."
            )
        )
    if feiten.leeftijd < HALT_MIN_LEEFTIJD:
        errors.append(
            _("Halt kan pas vanaf 12 jaar; deze jongere is %(age)s jaar. Kies een andere route.")
            % {"age": feiten.leeftijd}
        )
    if feiten.soort == MeldingSoort.LUXE:
        errors.append(
            _(
                "Halt is er voor verzuim dat de jongere zelf te verwijten is; luxe verzuim is een "
                "beslissing van de ouders. Richt de aanpak op de ouders (waarschuwing of proces-verbaal)."
            )
        )
    uren, te_laat = feiten.uren_verzuim, feiten.keer_te_laat
    if (uren or 0) > HALT_MAX or (te_laat or 0) > HALT_MAX:
        errors.append(
            _(
                "Bij meer dan 60 uur verzuim of meer dan 60 keer te laat schakelt de leerplichtambtenaar "
                "het OM in, niet Halt (hier: %(uren)s uur, %(te_laat)s keer te laat)."
            )
            % {"uren": uren or 0, "te_laat": te_laat or 0}
        )
    elif (uren or 0) <= HALT_MEER_DAN_UREN and (te_laat or 0) <= HALT_MEER_DAN_TE_LAAT:
        errors.append(
            _(
                "Halt kan bij meer dan 8 lesuren verzuim of meer dan 11 keer te laat; deze melding heeft "
                "%(uren)s uur en %(te_laat)s keer te laat. Vul de uren of het aantal keer te laat in."
            )
            % {"uren": uren or 0, "te_laat": te_laat or 0}
        )
    if feiten.eerder_naar_halt:
        errors.append(
            _("Deze jongere is al eerder voor spijbelen naar Halt verwezen; dat kan maar één keer.")
        )
    if not (feiten.jongere_instemming and feiten.ouders_instemming):
        errors.append(
            _(
                "Halt kan alleen als de jongere en de ouders instemmen; leg beide instemmingen vast "
                "(zonder instemming volgt een proces-verbaal)."
            )
        )
    return errors


def melding_leeftijd(
    *,
    soort: str,
    geboortedatum: date,
    peildatum: date,
    startkwalificatie_op: date | None = None,
    inschrijvingen: Iterable[tuple[date, date | None]] = (),
) -> tuple[str | None, str | None]:
    """(error, warning) about the jongere's age for a melding of `soort` about `peildatum` (the
    first day of verzuim, or the day of receipt). Leerplicht meldingen are about jongeren from
    the start of leerplicht (art. 3) to 18 (art. 4a); 18+ belongs to the Doorstroompunt."""
    status = leerplicht_status(geboortedatum, peildatum, startkwalificatie_op, inschrijvingen)
    age = age_on(geboortedatum, peildatum)
    values = {"datum": peildatum.strftime("%d-%m-%Y"), "age": age, "soort": MeldingSoort(soort).label.lower()}
    if status in (LeerplichtStatus.LEERPLICHTIG, LeerplichtStatus.KWALIFICATIEPLICHTIG):
        return None, None
    if status == LeerplichtStatus.NOG_NIET:
        values["start"] = leerplicht_start(geboortedatum).strftime("%d-%m-%Y")
        if soort == MeldingSoort.ZORG and age >= 4:
            # A preventive concern about a 4-year-old at school: no obligation yet, allowed.
            return None, _(
                "Deze jongere is op %(datum)s %(age)s jaar en nog niet leerplichtig (vanaf %(start)s). "
                "Een zorgmelding kan, maar er is nog geen verzuim in de zin van de Leerplichtwet."
            ) % values
        return (
            _(
                "Deze jongere is op %(datum)s %(age)s jaar en nog niet leerplichtig; de leerplicht "
                "begint op %(start)s (artikel 3 Leerplichtwet). Een melding %(soort)s kan daarom niet."
            )
            % values,
            None,
        )
    if status == LeerplichtStatus.STARTKWALIFICATIE:
        return None, _(
            "Deze jongere heeft op %(datum)s al een startkwalificatie; de kwalificatieplicht is dan "
            "voorbij (artikel 4a Leerplichtwet). Klopt de melding %(soort)s?"
        ) % values
    return (
        _(
            "Deze jongere is op %(datum)s %(age)s jaar. Meldingen van de leerplicht gaan over "
            "jongeren van 5 tot 18 jaar (artikel 3 en 4a Leerplichtwet); verzuim van 18-plussers "
            "en voortijdig schoolverlaten horen bij het Doorstroompunt."
        )
        % values,
        None,
    )


def melding_warnings(*, soort: str, uren_verzuim: int | None, ingeschreven_op_ontvangst: bool) -> list[str]:
    """Things that are allowed but questioned: the user must confirm them."""
    warnings = []
    if (
        soort == MeldingSoort.RELATIEF_WETTELIJK
        and uren_verzuim is not None
        and uren_verzuim < WETTELIJK_UREN
    ):
        warnings.append(
            _(
                "Relatief verzuim (wettelijk) is 16 uur of meer in 4 weken; hier staat %(uren)s uur. "
                "Is dit misschien relatief verzuim (licht)?"
            )
            % {"uren": uren_verzuim}
        )
    if soort == MeldingSoort.RELATIEF_LICHT and uren_verzuim is not None and uren_verzuim >= WETTELIJK_UREN:
        warnings.append(
            _("Bij %(uren)s uur in 4 weken is het verzuim wettelijk meldingsplichtig, geen licht verzuim.")
            % {"uren": uren_verzuim}
        )
    if soort == MeldingSoort.ABSOLUUT and ingeschreven_op_ontvangst:
        warnings.append(
            _(
                "Deze jongere staat op de ontvangstdatum ingeschreven op een school; absoluut verzuim "
                "betekent dat de jongere nergens staat ingeschreven."
            )
        )
    return warnings


def eerste_lesdag(schooljaar: Schooljaar, in_schoolvakantie: Callable[[date], bool]) -> date:
    """The first lesdag of `schooljaar`: the first weekday from 1 August outside the
    organisation's school holidays (its summer holiday ends the day before)."""
    day = schooljaar.first_day
    while day.weekday() >= 5 or in_schoolvakantie(day):
        day += timedelta(days=1)
    return day


def in_eerste_lesweken(van: date, tot: date, eerste: date) -> bool:
    """Whether the period van..tot touches the first two lesweken (art. 13a lid 2 Lpw)."""
    einde = eerste + timedelta(weeks=EERSTE_LESWEKEN)
    return van < einde and tot >= eerste


def verlof_beslisser(grondslag: str, verlof_dagen: int | None) -> str | None:
    """Who decides on verlof: art. 13a lid 1 (11f) always the hoofd; art. 14 lid 1 and 3 (11g) the
    hoofd up to 10 school days, B&W (the leerplichtambtenaar) above that."""
    if grondslag == Grondslag.ART11F:
        return Beslisser.SCHOOLHOOFD
    if grondslag == Grondslag.ART11G:
        if verlof_dagen is not None and verlof_dagen <= SCHOOLHOOFD_MAX_DAGEN:
            return Beslisser.SCHOOLHOOFD
        return Beslisser.LEERPLICHTAMBTENAAR
    return Beslisser.LEERPLICHTAMBTENAAR


def verlof_11f_max_dagen(*, kwalificatieplichtig: bool, lesdagen_per_week: int | None) -> int | None:
    """Art. 13a lid 2: at most 10 days; for a kwalificatieplichtige "slechts [...] tot een
    evenredig deel van het aantal dagen dat hij op grond van artikel 4c verplicht is onderwijs te
    volgen": 10 x lesdagen per week / 5, rounded down. None when that number is unknown."""
    if not kwalificatieplichtig:
        return SCHOOLHOOFD_MAX_DAGEN
    if not lesdagen_per_week:
        return None
    return SCHOOLHOOFD_MAX_DAGEN * min(lesdagen_per_week, 5) // 5


@dataclass(frozen=True)
class AanvraagFeiten:
    """The facts of an aanvraag (or kennisgeving) the rules look at."""

    grondslag: str
    geboortedatum: date
    aangevraagd_op: date
    verlof_van: date | None = None
    verlof_tot: date | None = None
    verlof_dagen: int | None = None
    status_bij_verlof: str | None = None  # LeerplichtStatus on verlof_van (or aangevraagd_op)
    lesdagen_per_week: int | None = None
    eerste_lesdag: date | None = None  # of the schooljaar of verlof_van
    eerder_11f_dit_schooljaar: bool = False


def aanvraag_leeftijd_error(
    *, grondslag: str, geboortedatum: date, peildatum: date, status: str | None
) -> str | None:
    """Why an aanvraag can never be granted because of the jongere's age: no obligation left
    (18+ or a startkwalificatie), or too young for the article (art. 3a: 14, 3b: 15, 15: 16),
    even at the end of the schooljaar the request is for."""
    if status in (LeerplichtStatus.NIET_MEER, LeerplichtStatus.STARTKWALIFICATIE):
        return _(
            "Deze jongere is dan niet meer leerplichtig of kwalificatieplichtig; een vrijstelling of "
            "verlof is niet nodig en kan niet worden verleend."
        )
    minimum = MINIMUM_AGE.get(grondslag)
    if minimum is not None:
        age = age_on(geboortedatum, Schooljaar.of(peildatum).last_day)
        if age < minimum:
            return _(
                "Artikel %(art)s kan vanaf %(min)s jaar; deze jongere is aan het eind van het schooljaar "
                "pas %(age)s. Deze aanvraag kan niet worden verleend."
            ) % {"art": Grondslag(grondslag).label.split(" ")[0], "min": minimum, "age": age}
    return None


def aanvraag_errors(feiten: AanvraagFeiten) -> dict[str, str]:
    """Why an aanvraag can never be granted (field -> Dutch message); refused at registration."""
    errors: dict[str, str] = {}
    status = feiten.status_bij_verlof
    leeftijd = aanvraag_leeftijd_error(
        grondslag=feiten.grondslag,
        geboortedatum=feiten.geboortedatum,
        peildatum=feiten.verlof_van or feiten.aangevraagd_op,
        status=status,
    )
    if leeftijd:
        errors["grondslag"] = leeftijd
        if status in (LeerplichtStatus.NIET_MEER, LeerplichtStatus.STARTKWALIFICATIE):
            return errors
    if feiten.grondslag != Grondslag.ART11F:
        return errors
    # Art. 13a lid 2 Lpw (verlof wegens vakantie, 11 onder f).
    if feiten.verlof_dagen is not None and feiten.verlof_dagen > SCHOOLHOOFD_MAX_DAGEN:
        errors["verlof_dagen"] = _(
            "Verlof wegens het beroep van een ouder (artikel 13a) is ten hoogste 10 schooldagen per "
            "schooljaar; gevraagd zijn %(dagen)s dagen."
        ) % {"dagen": feiten.verlof_dagen}
    elif feiten.verlof_dagen is not None and status == LeerplichtStatus.KWALIFICATIEPLICHTIG:
        maximum = verlof_11f_max_dagen(kwalificatieplichtig=True, lesdagen_per_week=feiten.lesdagen_per_week)
        if maximum is None:
            errors["lesdagen_per_week"] = _(
                "Deze jongere is kwalificatieplichtig: het verlof is naar rato van het aantal lesdagen "
                "per week (artikel 13a lid 2). Vul het aantal lesdagen per week in."
            )
        elif feiten.verlof_dagen > maximum:
            errors["verlof_dagen"] = _(
                "Voor een kwalificatieplichtige met %(les)s lesdagen per week is dit verlof ten hoogste "
                "%(max)s dagen (naar rato van 10, artikel 13a lid 2); gevraagd zijn %(dagen)s."
            ) % {"les": feiten.lesdagen_per_week, "max": maximum, "dagen": feiten.verlof_dagen}
    if not feiten.verlof_van or not feiten.verlof_tot:
        errors["verlof_van"] = _("Vul bij verlof wegens het beroep van een ouder de periode (van en tot) in.")
    elif feiten.eerste_lesdag and in_eerste_lesweken(
        feiten.verlof_van, feiten.verlof_tot, feiten.eerste_lesdag
    ):
        errors["verlof_van"] = _(
            "Dit verlof kan niet in de eerste twee lesweken van het schooljaar vallen (artikel 13a "
            "lid 2); die lopen vanaf %(eerste)s tot en met %(laatste)s."
        ) % {
            "eerste": feiten.eerste_lesdag.strftime("%d-%m-%Y"),
            "laatste": (feiten.eerste_lesdag + timedelta(days=13)).strftime("%d-%m-%Y"),
        }
    if feiten.eerder_11f_dit_schooljaar:
        errors["grondslag"] = _(
            "Verlof wegens het beroep van een ouder kan maar één keer per schooljaar (artikel 13a lid 2); "
            "dit schooljaar is het al verleend."
        )
    return errors


def vrijstelling_besluit_errors(
    *,
    grondslag: str,
    besluit: str,
    verlof_dagen: int | None,
    age_on_start: int | None,
    heeft_document: bool,
    eerder_verleend_11f_dit_schooljaar: bool,
    beslist_door: str = Beslisser.LEERPLICHTAMBTENAAR,
    hoofd_gehoord_op: date | None = None,
    verklaring_onafhankelijk: bool = False,
    geldig_van: date | None = None,
    geldig_tot: date | None = None,
) -> list[str]:
    """Why a decision may not be taken or recorded (empty when it may)."""
    errors = []
    beslisser = verlof_beslisser(grondslag, verlof_dagen)
    if besluit == Besluit.NAAR_SCHOOLHOOFD and beslisser != Beslisser.SCHOOLHOOFD:
        errors.append(
            _("Verlof van meer dan 10 schooldagen beslist de leerplichtambtenaar, niet het schoolhoofd.")
        )
    if besluit in (Besluit.VERLEEND, Besluit.NIET_VERLEEND) and beslist_door != beslisser:
        if grondslag == Grondslag.ART11F:
            errors.append(
                _(
                    "Over verlof wegens het beroep van een ouder (artikel 11 onder f en 13a) beslist alleen "
                    "het hoofd van de school; de leerplichtambtenaar kan het niet verlenen of weigeren. "
                    "Leg het besluit van het hoofd vast ('beslist door: hoofd van de school') of kies "
                    "'Doorverwezen naar schoolhoofd'."
                )
            )
        elif grondslag == Grondslag.ART11G and beslisser == Beslisser.SCHOOLHOOFD:
            errors.append(
                _(
                    "Over verlof van %(dagen)s schooldagen beslist het hoofd van de school (tot en met 10 "
                    "dagen, artikel 14 lid 1). Kies 'Doorverwezen naar schoolhoofd' of leg het besluit "
                    "van het hoofd vast."
                )
                % {"dagen": verlof_dagen}
            )
        else:
            errors.append(
                _(
                    "Hierover beslist de leerplichtambtenaar namens burgemeester en wethouders, niet "
                    "het hoofd van de school."
                )
            )
    if (
        grondslag == Grondslag.ART11G
        and beslisser == Beslisser.LEERPLICHTAMBTENAAR
        and besluit in (Besluit.VERLEEND, Besluit.NIET_VERLEEND)
        and hoofd_gehoord_op is None
    ):
        errors.append(
            _(
                "Bij verlof van meer dan 10 schooldagen beslist de leerplichtambtenaar pas na het hoofd "
                "van de school te hebben gehoord (artikel 14 lid 3). Vul in wanneer het hoofd is gehoord."
            )
        )
    if besluit != Besluit.VERLEEND:
        return errors
    if grondslag == Grondslag.ART11F:
        if verlof_dagen is not None and verlof_dagen > SCHOOLHOOFD_MAX_DAGEN:
            errors.append(
                _("Verlof wegens de aard van het beroep van een ouder is ten hoogste 10 schooldagen.")
            )
        if eerder_verleend_11f_dit_schooljaar:
            errors.append(
                _("Verlof wegens de aard van het beroep van een ouder kan maar één keer per schooljaar.")
            )
    if grondslag in KENNISGEVING_GRONDSLAGEN:
        errors += kennisgeving_errors(
            grondslag=grondslag,
            heeft_document=heeft_document,
            verklaring_onafhankelijk=verklaring_onafhankelijk,
            geldig_van=geldig_van,
            geldig_tot=geldig_tot,
        )
    minimum = MINIMUM_AGE.get(grondslag)
    if minimum is not None and age_on_start is not None and age_on_start < minimum:
        errors.append(
            _("Deze vrijstelling kan vanaf %(min)s jaar; de jongere is dan %(age)s.")
            % {"min": minimum, "age": age_on_start}
        )
    return errors


def kennisgeving_errors(
    *,
    grondslag: str,
    heeft_document: bool,
    verklaring_onafhankelijk: bool,
    geldig_van: date | None,
    geldig_tot: date | None,
) -> list[str]:
    """What a kennisgeving under art. 5 onder a, b or c needs before the vrijstelling holds
    (art. 6 and 7 Lpw): its document, and a validity of at most one schooljaar."""
    errors = []
    if grondslag == Grondslag.ART5A:
        if not heeft_document:
            errors.append(
                _(
                    "Een vrijstelling op grond van artikel 5 onder a vraagt een verklaring van een arts, "
                    "psycholoog of pedagoog; voeg die eerst toe als document."
                )
            )
        if not verklaring_onafhankelijk:
            errors.append(
                _(
                    "De verklaring voor artikel 5 onder a moet komen van een arts, psycholoog of "
                    "pedagoog die burgemeester en wethouders hebben aangewezen en die de jongere "
                    "niet behandelt (artikel 7); bevestig dat dit zo is."
                )
            )
    elif grondslag == Grondslag.ART5C and not heeft_document:
        errors.append(
            _(
                "Een vrijstelling op grond van artikel 5 onder c vraagt een verklaring van de school in "
                "het buitenland dat de jongere daar staat ingeschreven; voeg die eerst toe als document."
            )
        )
    elif grondslag == Grondslag.ART5B and not heeft_document:
        errors.append(_("Voeg de kennisgeving van de ouders (artikel 5 onder b) toe als document."))
    if geldig_van and not geldig_tot:
        errors.append(
            _(
                "Een vrijstelling op grond van artikel 5 geldt één schooljaar en wordt elk jaar vóór "
                "1 juli opnieuw gemeld (artikel 6); vul 'geldig tot' in."
            )
        )
    elif geldig_van and geldig_tot and geldig_tot > Schooljaar.of(geldig_van).last_day:
        errors.append(
            _(
                "Een vrijstelling op grond van artikel 5 geldt ten hoogste tot het eind van het schooljaar "
                "(%(einde)s); voor het volgende schooljaar doen de ouders vóór 1 juli een nieuwe kennisgeving."
            )
            % {"einde": Schooljaar.of(geldig_van).last_day.strftime("%d-%m-%Y")}
        )
    return errors


def vernieuwen_voor(geldig_tot: date) -> date:
    """The date before which the next kennisgeving must be made: 1 July of the schooljaar in
    which the vrijstelling ends (art. 6 Lpw)."""
    return date(Schooljaar.of(geldig_tot).start_year + 1, *VERNIEUWING_MAAND_DAG)


def vernieuwing_signaal(*, geldig_tot: date | None, vernieuwd: bool, today: date) -> str:
    """'binnenkort' from VERNIEUWING_SIGNAAL_DAGEN days before 1 July, 'verlopen' from 1 July
    (the kennisgeving was not made in time), '' otherwise or when already renewed."""
    if geldig_tot is None or vernieuwd or today > geldig_tot:
        return ""
    uiterlijk = vernieuwen_voor(geldig_tot)
    if today >= uiterlijk:
        return "verlopen"
    if today >= uiterlijk - timedelta(days=VERNIEUWING_SIGNAAL_DAGEN):
        return "binnenkort"
    return ""
