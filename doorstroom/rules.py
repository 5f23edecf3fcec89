"""Doorstroompunt rules as pure functions: no database access, so forms, services, reports and
tests share one source for the age limits and the closing rules."""

from datetime import date, timedelta

from django.utils.translation import gettext as _

from cases.rules import age_on, birthday_in_year

from .constants import Doelgroep

#: From this date the Doorstroompunt target group runs to 27 instead of 23 (Ingrado / OCW 2026).
UITBREIDING_27_OP = date(2026, 1, 1)
#: Days before the 18th birthday from which leerplicht may hand a dossier over.
OVERDRACHT_VOORAF_DAGEN = 90
#: The follow-up (nazorg) check comes this long after closing.
NAZORG_NA_JAREN = 1

#: Lowest age (inclusive) per doelgroep; the Doorstroompunt follows jongeren from 16 (vsv) or 18.
MINIMUM_LEEFTIJD = {
    Doelgroep.VERZUIM_18PLUS: 18,
    Doelgroep.NIEUW_VSV: 16,
    Doelgroep.OUD_VSV: 16,
    Doelgroep.KWETSBARE_JONGERE: 16,
    Doelgroep.JONGEREN_IN_BEELD: 23,
    Doelgroep.ZORG_18PLUS: 18,
}
JONGEREN_IN_BEELD_TOT = 27


def leeftijdsgrens(day: date) -> int:
    """The age (exclusive) up to which the Doorstroompunt target group runs on `day`:
    23 before 2026-01-01, 27 from then on."""
    return 27 if day >= UITBREIDING_27_OP else 23


def leeftijdsbereik(doelgroep: str, day: date) -> tuple[int, int]:
    """(lowest age inclusive, highest age exclusive) for `doelgroep` on `day`.

    Jongeren in Beeld is always 23 up to 27, also before the general limit moved to 27.
    """
    upper = JONGEREN_IN_BEELD_TOT if doelgroep == Doelgroep.JONGEREN_IN_BEELD else leeftijdsgrens(day)
    return MINIMUM_LEEFTIJD[Doelgroep(doelgroep)], upper


def leeftijd_fout(doelgroep: str, geboortedatum: date, day: date) -> str | None:
    """Why a jongere born on `geboortedatum` does not belong to `doelgroep` on `day` (Dutch), or None."""
    low, high = leeftijdsbereik(doelgroep, day)
    age = age_on(geboortedatum, day)
    if low <= age < high:
        return None
    return _(
        "Deze jongere is op %(datum)s %(leeftijd)s jaar; de doelgroep '%(doelgroep)s' is voor "
        "jongeren van %(van)s tot %(tot)s jaar."
    ) % {
        "datum": day.strftime("%d-%m-%Y"),
        "leeftijd": age,
        "doelgroep": Doelgroep(doelgroep).label,
        "van": low,
        "tot": high,
    }


#: Voortijdig schoolverlaten is a Doorstroompunt matter from 18: under 18 a jongere without
#: startkwalificatie is kwalificatieplichtig (art. 4a Lpw) and leaving school is absoluut
#: verzuim for the leerplichtambtenaar. A vsv traject for a 16- or 17-year-old is allowed (the
#: RMC-functie covers them too) but only after a confirmation.
VSV_DOELGROEPEN = (Doelgroep.NIEUW_VSV, Doelgroep.OUD_VSV)
VSV_ZONDER_BEVESTIGING_VANAF = 18


def leeftijd_waarschuwing(doelgroep: str, geboortedatum: date, day: date) -> str | None:
    """A question (Dutch) before a vsv traject for a jongere under 18, or None."""
    age = age_on(geboortedatum, day)
    if doelgroep in VSV_DOELGROEPEN and age < VSV_ZONDER_BEVESTIGING_VANAF:
        return _(
            "Deze jongere is op %(datum)s %(leeftijd)s jaar en dus nog kwalificatieplichtig (artikel 4a "
            "Leerplichtwet): uitval is absoluut verzuim, eerst voor de leerplichtambtenaar. Bevestig "
            "dat u het traject toch start."
        ) % {"datum": day.strftime("%d-%m-%Y"), "leeftijd": age}
    return None


def overdracht_mogelijk(geboortedatum: date, startkwalificatie_op: date | None, day: date) -> bool:
    """Leerplicht may hand a dossier to the Doorstroompunt when the jongere turns 18 within
    OVERDRACHT_VOORAF_DAGEN (or is 18+), is still under the age limit and has no startkwalificatie."""
    if startkwalificatie_op is not None and startkwalificatie_op <= day:
        return False
    eighteenth = birthday_in_year(geboortedatum, geboortedatum.year + 18)
    if eighteenth > day + timedelta(days=OVERDRACHT_VOORAF_DAGEN):
        return False
    return age_on(geboortedatum, day) < leeftijdsgrens(day)


def nazorg_datum(afgesloten_op: date) -> date:
    """The follow-up a year after closing (29 February closes to 28 February)."""
    return birthday_in_year(afgesloten_op, afgesloten_op.year + NAZORG_NA_JAREN)


def vereist_huisbezoek(reden_label: str) -> bool:
    """A reason such as 'Niet getraceerd na huisbezoek' may only be given after a home visit."""
    return "huisbezoek" in reden_label.lower()


def afsluiting_fouten(
    *,
    doelgroep: str,
    begeleid: bool | None,
    reden_niet_begeleid: str | None,
    uitstroom_gekozen: bool,
    verzuim_afloop: str,
    huisbezoek_vastgelegd: bool,
) -> dict[str, str]:
    """The problems (field -> Dutch message) that stop a traject from being closed."""
    errors: dict[str, str] = {}
    if begeleid is None:
        errors["begeleid"] = _("Geef aan of de jongere begeleid is.")
    elif begeleid:
        if reden_niet_begeleid:
            errors["reden_niet_begeleid"] = _(
                "Een reden 'niet begeleid' hoort alleen bij een niet begeleide jongere."
            )
        if not uitstroom_gekozen and doelgroep != Doelgroep.VERZUIM_18PLUS:
            errors["uitstroom"] = _("Kies waar de begeleide jongere naartoe uitstroomt.")
    else:
        if not reden_niet_begeleid:
            errors["reden_niet_begeleid"] = _("Kies de reden waarom de jongere niet begeleid is.")
        elif vereist_huisbezoek(reden_niet_begeleid) and not huisbezoek_vastgelegd:
            errors["reden_niet_begeleid"] = _(
                "'%(reden)s' kan pas na een vastgelegd huisbezoek. "
                "Leg eerst het huisbezoek vast bij Benadering."
            ) % {"reden": reden_niet_begeleid}
    if doelgroep == Doelgroep.VERZUIM_18PLUS and not verzuim_afloop:
        errors["verzuim_afloop"] = _("Geef aan of de jongere de opleiding heeft voortgezet of is gestopt.")
    return errors


#: Regional agreement: schools report verzuim 18+ from 16 hours in 4 weeks, like leerplichtigen.
VERZUIM_18PLUS_DREMPEL_UREN = 16
