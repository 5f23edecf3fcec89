"""Leerplicht rules for meldingen and vrijstellingen, as pure functions."""

from datetime import date, timedelta

from django.utils.translation import gettext as _

from .constants import MINIMUM_AGE, RELATIEF, Besluit, Grondslag, MeldingSoort

WETTELIJK_UREN = 16  # relatief verzuim of 16 hours or more in 4 weeks must be reported
HALT_MAX_UREN = 60  # Halt: repeated verzuim up to 60 hours
PV_LEERLING_MIN_AGE = 12  # proces-verbaal against the pupil from 12 years of age
SCHOOLHOOFD_MAX_DAGEN = 10  # leave up to 10 school days is the schoolhoofd's decision
THUISZITTER_DAGEN = 28  # 4 weeks or more without education


def is_mogelijk_thuiszitter(
    *, soort: str, open: bool, verzuim_van: date | None, heeft_vrijstelling: bool, today: date
) -> bool:
    """A relatief verzuim that has gone on for 4 weeks or more without a vrijstelling."""
    return (
        soort in RELATIEF
        and open
        and verzuim_van is not None
        and today - verzuim_van >= timedelta(days=THUISZITTER_DAGEN)
        and not heeft_vrijstelling
    )


def proces_verbaal_leerling_error(age_on_date: int) -> str | None:
    if age_on_date < PV_LEERLING_MIN_AGE:
        return _(
            "Een proces-verbaal tegen de leerling kan pas vanaf 12 jaar; deze leerling is %(age)s. "
            "Maak het proces-verbaal op tegen de ouder(s)."
        ) % {"age": age_on_date}
    return None


def halt_error(*, uren_verzuim: int | None, ouders_instemming: bool) -> str | None:
    if uren_verzuim is not None and uren_verzuim > HALT_MAX_UREN:
        return _(
            "Een Halt-verwijzing kan bij verzuim tot en met 60 uur; deze melding heeft %(uren)s uur. "
            "Kies een andere route."
        ) % {"uren": uren_verzuim}
    if not ouders_instemming:
        return _("Een Halt-verwijzing kan alleen met instemming van de ouder(s); leg die instemming vast.")
    return None


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


def vrijstelling_besluit_errors(
    *,
    grondslag: str,
    besluit: str,
    verlof_dagen: int | None,
    age_on_start: int | None,
    heeft_document: bool,
    eerder_verleend_11f_dit_schooljaar: bool,
) -> list[str]:
    """Why a decision may not be taken (empty when it may)."""
    errors = []
    if grondslag == Grondslag.ART11G and verlof_dagen is not None:
        if verlof_dagen <= SCHOOLHOOFD_MAX_DAGEN and besluit in (Besluit.VERLEEND, Besluit.NIET_VERLEEND):
            errors.append(
                _(
                    "Over verlof van %(dagen)s schooldagen beslist het schoolhoofd (tot en met 10 dagen). "
                    "Kies 'Doorverwezen naar schoolhoofd'."
                )
                % {"dagen": verlof_dagen}
            )
        if verlof_dagen > SCHOOLHOOFD_MAX_DAGEN and besluit == Besluit.NAAR_SCHOOLHOOFD:
            errors.append(
                _("Verlof van meer dan 10 schooldagen beslist de leerplichtambtenaar, niet het schoolhoofd.")
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
    if grondslag == Grondslag.ART5A and not heeft_document:
        errors.append(
            _(
                "Een vrijstelling op grond van artikel 5 onder a vraagt een verklaring van een "
                "onafhankelijk arts of psycholoog; voeg die eerst toe als document."
            )
        )
    minimum = MINIMUM_AGE.get(grondslag)
    if minimum is not None and age_on_start is not None and age_on_start < minimum:
        errors.append(
            _("Deze vrijstelling kan vanaf %(min)s jaar; de jongere is dan %(age)s.")
            % {"min": minimum, "age": age_on_start}
        )
    return errors
