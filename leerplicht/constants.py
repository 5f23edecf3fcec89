from django.db import models
from django.utils.translation import gettext_lazy as _

from cases.constants import ACTIES_ALLEEN_MINDERJARIG, ActieSoort, Codelijst


class MeldingSoort(models.TextChoices):
    ABSOLUUT = "absoluut", _("Absoluut verzuim")
    RELATIEF_LICHT = "relatief_licht", _("Relatief verzuim (licht)")
    RELATIEF_WETTELIJK = "relatief_wettelijk", _("Relatief verzuim (wettelijk)")
    LUXE = "luxe", _("Luxe verzuim")
    THUISZITTER = "thuiszitter", _("Langdurig relatief verzuim (thuiszitter)")
    ZORG = "zorg", _("Zorg- en preventiemelding")


RELATIEF = (MeldingSoort.RELATIEF_LICHT, MeldingSoort.RELATIEF_WETTELIJK)

# The organisation's code list that holds reasons / results of each soort.
REDEN_LIJST = {
    MeldingSoort.ABSOLUUT: Codelijst.REDEN_ABSOLUUT,
    MeldingSoort.RELATIEF_LICHT: Codelijst.REDEN_RELATIEF,
    MeldingSoort.RELATIEF_WETTELIJK: Codelijst.REDEN_RELATIEF,
    MeldingSoort.LUXE: Codelijst.REDEN_LUXE,
    MeldingSoort.THUISZITTER: Codelijst.REDEN_THUISZITTER,
    MeldingSoort.ZORG: Codelijst.REDEN_ZORG,
}
# The fields of a melding that depend on its soort (the form shows only these, the rest is
# cleared): a period for every kind of verzuim, hours and times late for relatief verzuim (the
# 16-hour line of art. 21a Lpw and Halt's 8 hours / 11 times late), school days and the household for luxe verzuim
# (counted per gezin in the jaarverslag). A zorgmelding is about concern, not absence.
PERIODE = ("verzuim_van", "verzuim_tot")
SOORT_VELDEN = {
    MeldingSoort.ABSOLUUT: PERIODE,
    MeldingSoort.RELATIEF_LICHT: (*PERIODE, "uren_verzuim", "keer_te_laat"),
    MeldingSoort.RELATIEF_WETTELIJK: (*PERIODE, "uren_verzuim", "keer_te_laat"),
    MeldingSoort.LUXE: (*PERIODE, "verlof_dagen", "gezin_id"),
    MeldingSoort.THUISZITTER: PERIODE,
    MeldingSoort.ZORG: (),
}
ALLE_SOORT_VELDEN = ("verzuim_van", "verzuim_tot", "uren_verzuim", "keer_te_laat", "verlof_dagen", "gezin_id")
RESULTAAT_LIJST = {
    MeldingSoort.ABSOLUUT: Codelijst.RESULTAAT_ABSOLUUT,
    MeldingSoort.RELATIEF_LICHT: Codelijst.RESULTAAT_RELATIEF,
    MeldingSoort.RELATIEF_WETTELIJK: Codelijst.RESULTAAT_RELATIEF,
    MeldingSoort.LUXE: Codelijst.RESULTAAT_LUXE,
    MeldingSoort.THUISZITTER: Codelijst.RESULTAAT_THUISZITTER,
    MeldingSoort.ZORG: Codelijst.RESULTAAT_ZORG,
}


class Fase(models.TextChoices):
    """The MAS phases (Methodische Aanpak Schoolverzuim) plus the closed state."""

    WAARNEMEN = "waarnemen", _("Waarnemen")
    ANALYSEREN = "analyseren", _("Analyseren")
    PLANNEN = "plannen", _("Plannen")
    HANDELEN = "handelen", _("Handelen")
    EVALUEREN = "evalueren", _("Evalueren")
    AFGESLOTEN = "afgesloten", _("Afgesloten")


class Route(models.TextChoices):
    VRIJWILLIGE_HULP = "vrijwillige_hulp", _("Vrijwillige (jeugd)hulp")
    HALT = "halt", _("Halt")
    STRAFRECHTELIJK = "strafrechtelijk", _("Dwang in strafrechtelijk kader")
    CIVIELRECHTELIJK = "civielrechtelijk", _("Dwang in civielrechtelijk kader")


# 'Pas toe of leg uit': the routes that are usual per soort; another route needs a written reason.
USUAL_ROUTES = {
    MeldingSoort.ABSOLUUT: {Route.VRIJWILLIGE_HULP, Route.STRAFRECHTELIJK},
    MeldingSoort.RELATIEF_LICHT: {Route.VRIJWILLIGE_HULP, Route.HALT},
    MeldingSoort.RELATIEF_WETTELIJK: {Route.VRIJWILLIGE_HULP, Route.HALT, Route.STRAFRECHTELIJK},
    MeldingSoort.LUXE: {Route.STRAFRECHTELIJK, Route.HALT},
    MeldingSoort.THUISZITTER: {Route.VRIJWILLIGE_HULP, Route.CIVIELRECHTELIJK},
    MeldingSoort.ZORG: {Route.VRIJWILLIGE_HULP, Route.CIVIELRECHTELIJK},
}

# Actions on a melding, and the route each one implies.
MELDING_ACTIES = [
    ActieSoort.VERZUIMGESPREK,
    ActieSoort.PREVENTIEF_SPREEKUUR,
    ActieSoort.HUISBEZOEK,
    ActieSoort.FORMELE_WAARSCHUWING,
    ActieSoort.KENNISGEVINGSBRIEF,
    ActieSoort.JGZ_AANMELDING,
    ActieSoort.VERWIJZING_HULP,
    ActieSoort.HALT_VERWIJZING,
    ActieSoort.PROCES_VERBAAL_OUDER,
    ActieSoort.PROCES_VERBAAL_LEERLING,
    ActieSoort.JEUGDBESCHERMINGSTAFEL,
    ActieSoort.VEILIG_THUIS,
    ActieSoort.THUISZITTERSTAFEL,
    ActieSoort.OVERDRACHT,
    ActieSoort.NOTITIE,
]
ROUTE_OF_ACTIE = {
    ActieSoort.VERWIJZING_HULP: Route.VRIJWILLIGE_HULP,
    ActieSoort.HALT_VERWIJZING: Route.HALT,
    ActieSoort.PROCES_VERBAAL_OUDER: Route.STRAFRECHTELIJK,
    ActieSoort.PROCES_VERBAAL_LEERLING: Route.STRAFRECHTELIJK,
    ActieSoort.JEUGDBESCHERMINGSTAFEL: Route.CIVIELRECHTELIJK,
    ActieSoort.VEILIG_THUIS: Route.CIVIELRECHTELIJK,
}
PROCES_VERBAAL_ACTIES = (ActieSoort.PROCES_VERBAAL_OUDER, ActieSoort.PROCES_VERBAAL_LEERLING)


class VrijstellingSoort(models.TextChoices):
    INSCHRIJVING = "inschrijving", _("Vrijstelling van inschrijving")
    SCHOOLBEZOEK = "schoolbezoek", _("Vrijstelling van geregeld schoolbezoek")


class Grondslag(models.TextChoices):
    ART5A = "art5a", _("5 onder a - lichamelijk of psychisch niet in staat onderwijs te volgen")
    ART5B = "art5b", _("5 onder b - bezwaar tegen richting van alle scholen binnen redelijke afstand")
    ART5C = "art5c", _("5 onder c - ingeschreven bij een school in het buitenland")
    ART15 = "art15", _("15 - vervangend leerwerktraject (vanaf 16 jaar / kwalificatieplicht)")
    ART3A = "art3a", _("3a - vervangend programma vanaf 14 jaar")
    ART3B = "art3b", _("3b - toelating 15-jarige op mbo")
    ART11F = "art11f", _("11 onder f / 13a - verlof wegens specifieke aard beroep ouder (max. 10 dagen)")
    ART11G = "art11g", _("11 onder g / 14 - verlof wegens gewichtige omstandigheden")


SOORT_OF_GRONDSLAG = {
    Grondslag.ART5A: VrijstellingSoort.INSCHRIJVING,
    Grondslag.ART5B: VrijstellingSoort.INSCHRIJVING,
    Grondslag.ART5C: VrijstellingSoort.INSCHRIJVING,
    Grondslag.ART15: VrijstellingSoort.INSCHRIJVING,
    Grondslag.ART3A: VrijstellingSoort.SCHOOLBEZOEK,
    Grondslag.ART3B: VrijstellingSoort.SCHOOLBEZOEK,
    Grondslag.ART11F: VrijstellingSoort.SCHOOLBEZOEK,
    Grondslag.ART11G: VrijstellingSoort.SCHOOLBEZOEK,
}
VERLOF_GRONDSLAGEN = (Grondslag.ART11F, Grondslag.ART11G)
# Art. 5 onder a, b, c Lpw: a vrijstelling that arises from the parents' kennisgeving (art. 6),
# not from an application; the LPA checks the kennisgeving and its documents.
KENNISGEVING_GRONDSLAGEN = (Grondslag.ART5A, Grondslag.ART5B, Grondslag.ART5C)


class Beslisser(models.TextChoices):
    """Who takes a decision on verlof or vrijstelling (art. 13a, 14 Lpw)."""

    LEERPLICHTAMBTENAAR = "leerplichtambtenaar", _("Leerplichtambtenaar (namens B&W)")
    SCHOOLHOOFD = "schoolhoofd", _("Hoofd van de school (vastgelegd ter informatie)")


# Actions only open to a jongere under 18 (see cases.constants.ACTIES_ALLEEN_MINDERJARIG).
ACTIES_ONDER_18 = ACTIES_ALLEEN_MINDERJARIG
# Minimum age on the start of the exemption, per grondslag (Leerplichtwet art. 3a, 3b, 15).
MINIMUM_AGE = {Grondslag.ART3A: 14, Grondslag.ART3B: 15, Grondslag.ART15: 16}


class Besluit(models.TextChoices):
    VERLEEND = "verleend", _("Verleend")
    NIET_VERLEEND = "niet_verleend", _("Niet verleend")
    NAAR_SCHOOLHOOFD = "naar_schoolhoofd", _("Doorverwezen naar schoolhoofd (verlof tot 10 dagen)")
    INGETROKKEN = "ingetrokken", _("Ingetrokken / vervallen")


class OnderwijsKolom(models.TextChoices):
    """The education columns of the vrijstellingen table (Tabel 12)."""

    KDC = "kdc", _("KDC")
    PO = "po", _("PO")
    VO = "vo", _("VO")
    MBO = "mbo", _("MBO")
    GEEN = "geen", _("Geen")


class TermijnSoort(models.TextChoices):
    """The kinds of deadline the werkvoorraad watches."""

    EERSTE_CONTACT = "eerste_contact", _("eerste contact")
    AFHANDELING = "afhandeling", _("afhandeling")
    BESLISSING = "beslissing", _("besluit op aanvraag")


# Default handling terms in calendar days per soort, until an organisation sets its own.
DEFAULT_TERMIJN_DAGEN = {
    MeldingSoort.ABSOLUUT: 10,
    MeldingSoort.RELATIEF_LICHT: 20,
    MeldingSoort.RELATIEF_WETTELIJK: 10,
    MeldingSoort.LUXE: 20,
    MeldingSoort.THUISZITTER: 5,
    MeldingSoort.ZORG: 20,
}
# Term for a decision on a vrijstelling (Awb: 8 weeks).
DEFAULT_BESLISTERMIJN_VRIJSTELLING = 56
# Default term for the first contact (an action such as a verzuimgesprek or huisbezoek) in
# working days after receipt, school holidays skipped; a thuiszitter gets priority.
DEFAULT_EERSTE_CONTACT_WERKDAGEN = dict.fromkeys(MeldingSoort, 5) | {MeldingSoort.THUISZITTER: 2}
