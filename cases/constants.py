"""Fixed, legal categories. Organisation-specific lists (reasons, results) live in CodeItem."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class LeerplichtStatus(models.TextChoices):
    NOG_NIET = "nog_niet_leerplichtig", _("Nog niet leerplichtig")
    LEERPLICHTIG = "leerplichtig", _("Leerplichtig")
    KWALIFICATIEPLICHTIG = "kwalificatieplichtig", _("Kwalificatieplichtig")
    STARTKWALIFICATIE = "startkwalificatie", _("Startkwalificatie behaald")
    NIET_MEER = "niet_meer_leerplichtig", _("Niet meer leerplichtig")


class Geslacht(models.TextChoices):
    MAN = "m", _("Man")
    VROUW = "v", _("Vrouw")
    ANDERS = "x", _("Anders / onbekend")


class Sector(models.TextChoices):
    PO_SO = "po_so", _("Primair onderwijs / Speciaal onderwijs")
    VO_VSO = "vo_vso", _("Voortgezet onderwijs / Voortgezet speciaal onderwijs")
    MBO = "mbo", _("Middelbaar beroepsonderwijs")
    GEEN = "geen", _("Geen / onbekend")


class Onderwijssoort(models.TextChoices):
    KDC = "kdc", _("KDC (kinderdagcentrum)")
    BO_SBO = "bo_sbo", _("BO/SBO")
    SO = "so", _("SO")
    VSO = "vso", _("VSO")
    PRO = "pro", _("PRO")
    VO_ONDERBOUW = "vo_onderbouw", _("Onderbouw VO")
    VMBO = "vmbo", _("VMBO")
    HAVO = "havo", _("HAVO")
    VWO = "vwo", _("VWO")
    ISK = "isk", _("ISK (internationale schakelklas)")
    VAVO = "vavo", _("VAVO")
    MBO_1 = "mbo_1", _("MBO niveau 1 (entree)")
    MBO_2 = "mbo_2", _("MBO niveau 2")
    MBO_3 = "mbo_3", _("MBO niveau 3")
    MBO_4 = "mbo_4", _("MBO niveau 4")
    BUITENLAND = "buitenland", _("School buitenland")
    PARTICULIER = "particulier", _("Particulier onderwijs")
    INBURGERING = "inburgering", _("Inburgering")
    GEEN = "geen", _("Geen / onbekend")


# The sector each onderwijssoort counts under in the per-sector tables (codelijsten.yaml).
SECTOR_OF_ONDERWIJSSOORT = {
    Onderwijssoort.KDC: Sector.GEEN,
    Onderwijssoort.BO_SBO: Sector.PO_SO,
    Onderwijssoort.SO: Sector.PO_SO,
    Onderwijssoort.VSO: Sector.VO_VSO,
    Onderwijssoort.PRO: Sector.VO_VSO,
    Onderwijssoort.VO_ONDERBOUW: Sector.VO_VSO,
    Onderwijssoort.VMBO: Sector.VO_VSO,
    Onderwijssoort.HAVO: Sector.VO_VSO,
    Onderwijssoort.VWO: Sector.VO_VSO,
    Onderwijssoort.ISK: Sector.VO_VSO,
    Onderwijssoort.VAVO: Sector.MBO,
    Onderwijssoort.MBO_1: Sector.MBO,
    Onderwijssoort.MBO_2: Sector.MBO,
    Onderwijssoort.MBO_3: Sector.MBO,
    Onderwijssoort.MBO_4: Sector.MBO,
    Onderwijssoort.BUITENLAND: Sector.GEEN,
    Onderwijssoort.PARTICULIER: Sector.GEEN,
    Onderwijssoort.INBURGERING: Sector.GEEN,
    Onderwijssoort.GEEN: Sector.GEEN,
}


class Codelijst(models.TextChoices):
    """The configurable lists an organisation keeps (reasons and results per category)."""

    REDEN_ABSOLUUT = "reden_absoluut", _("Redenen absoluut verzuim")
    REDEN_LUXE = "reden_luxe", _("Redenen luxe verzuim")
    REDEN_RELATIEF = "reden_relatief", _("Redenen relatief verzuim")
    REDEN_THUISZITTER = "reden_thuiszitter", _("Redenen thuiszitters")
    REDEN_ZORG = "reden_zorg", _("Redenen zorg- en preventiemeldingen")
    RESULTAAT_ABSOLUUT = "resultaat_absoluut", _("Resultaten absoluut verzuim")
    RESULTAAT_LUXE = "resultaat_luxe", _("Resultaten luxe verzuim")
    RESULTAAT_RELATIEF = "resultaat_relatief", _("Resultaten relatief verzuim")
    RESULTAAT_THUISZITTER = "resultaat_thuiszitter", _("Resultaten thuiszitters")
    RESULTAAT_ZORG = "resultaat_zorg", _("Resultaten zorg- en preventiemeldingen")
    RESULTAAT_VERZUIM_18PLUS = "resultaat_verzuim_18plus", _("Resultaten verzuim 18+")
    RESULTAAT_NIEUW_VSV = "resultaat_nieuw_vsv", _("Resultaten nieuwe vsv'ers")
    RESULTAAT_JONGEREN_IN_BEELD = "resultaat_jongeren_in_beeld", _("Resultaten Jongeren in Beeld")
    DSP_REDEN_UITVAL = "dsp_reden_uitval", _("Redenen uitval")
    DSP_ONDERWIJSACHTERGROND = "dsp_onderwijsachtergrond", _("Onderwijsachtergrond")
    DSP_REDEN_NIET_BEGELEID = "dsp_reden_niet_begeleid", _("Redenen niet begeleid")
    DSP_UITSTROOM = "dsp_uitstroom", _("Uitstroom (categorie en detail)")
    DSP_UITSTROOM_KWETSBAAR = "dsp_uitstroom_kwetsbaar", _("Uitstroom kwetsbare jongeren")
    DSP_HERKOMST_KWETSBAAR = "dsp_herkomst_kwetsbaar", _("Herkomst kwetsbare jongeren")
    DSP_ACTIE_VERZUIM_18PLUS = "dsp_actie_verzuim_18plus", _("Acties verzuim 18+")
    DSP_REDEN_ZORG_18PLUS = "dsp_reden_zorg_18plus", _("Redenen zorg 18+")
    JGZ_IN_STAAT = "jgz_in_staat_onderwijs", _("JGZ: in staat onderwijs te volgen")
    JGZ_FOLLOW_UP = "jgz_follow_up", _("JGZ: resultaat follow-up")


class Role(models.TextChoices):
    """Roles are Django Groups with these names (see cases/roles.py)."""

    LEERPLICHTAMBTENAAR = "leerplichtambtenaar", _("Leerplichtambtenaar")
    DOORSTROOMCOACH = "doorstroomcoach", _("Doorstroomcoach")
    ADMINISTRATIEF_MEDEWERKER = "administratief_medewerker", _("Administratief medewerker")
    TEAMLEIDER = "teamleider", _("Teamleider")
    FUNCTIONEEL_BEHEERDER = "functioneel_beheerder", _("Functioneel beheerder")


class AuditAction(models.TextChoices):
    INZIEN = "inzien", _("Inzien")
    ZOEKEN = "zoeken", _("Zoeken")
    AANMAKEN = "aanmaken", _("Aanmaken")
    WIJZIGEN = "wijzigen", _("Wijzigen")
    VERWIJDEREN = "verwijderen", _("Verwijderen")
    EXPORTEREN = "exporteren", _("Exporteren")


class Verwerkingsactiviteit(models.TextChoices):
    """Processing purposes (verwerkingsactiviteiten) recorded with every log entry."""

    HANDHAVING_LEERPLICHT = "handhaving_leerplicht", _("Handhaving Leerplichtwet")
    BEGELEIDING_DOORSTROOMPUNT = "begeleiding_doorstroompunt", _("Begeleiding Doorstroompunt (RMC-functie)")
    REGISTRATIE = "registratie", _("Registratie van meldingen en gegevens")
    VERANTWOORDING = "verantwoording", _("Verantwoording en jaarverslag")
    BEHEER = "beheer", _("Functioneel beheer")
    INZAGEVERZOEK = "inzageverzoek", _("Inzageverzoek van de betrokkene (AVG art. 15)")
    ARCHIVERING = "archivering", _("Archivering en vernietiging (Archiefwet)")


class Bewaartermijn(models.TextChoices):
    """The retention terms an organisation chooses from (VNG Selectielijst 2020, Wpg)."""

    SELECTIELIJST = "selectielijst", _("Selectielijst 2020 (19 jaar na geboorte; kwalificatieplicht +2 jaar)")
    WPG = "wpg_5_jaar", _("Wpg: 5 jaar na de laatste activiteit (verzuimmeldingen)")


class ActieSoort(models.TextChoices):
    """Dated entries on a dossier's timeline. Fixed codes: rules and reports depend on them."""

    NOTITIE = "notitie", _("Notitie")
    VERZUIMGESPREK = "verzuimgesprek", _("Verzuimgesprek (met leerling en ouders)")
    PREVENTIEF_SPREEKUUR = "preventief_spreekuur", _("Preventief spreekuur")
    HUISBEZOEK = "huisbezoek", _("Huisbezoek")
    FORMELE_WAARSCHUWING = "formele_waarschuwing", _("Formele waarschuwing / waarschuwingsbrief")
    KENNISGEVINGSBRIEF = "kennisgevingsbrief", _("Kennisgevingsbrief")
    JGZ_AANMELDING = "jgz_aanmelding", _("Aanmelding JGZ (ziekteverzuim)")
    VERWIJZING_HULP = "verwijzing_hulp", _("Verwijzing (jeugd)hulp")
    HALT_VERWIJZING = "halt_verwijzing", _("Halt-verwijzing")
    PROCES_VERBAAL_OUDER = "proces_verbaal_ouder", _("Proces-verbaal (ouder)")
    PROCES_VERBAAL_LEERLING = "proces_verbaal_leerling", _("Proces-verbaal (leerling 12+)")
    JEUGDBESCHERMINGSTAFEL = "jeugdbeschermingstafel", _("Melding jeugdbeschermingstafel")
    VEILIG_THUIS = "veilig_thuis", _("Melding Veilig Thuis")
    THUISZITTERSTAFEL = "thuiszitterstafel", _("Bespreking thuiszitterstafel / actietafel")
    OVERDRACHT = "overdracht", _("Overdracht (Doorstroompunt, andere gemeente, nieuw schooljaar)")
    BRIEF = "brief", _("Brief verstuurd")


class BriefSoort(models.TextChoices):
    """The letters an organisation has a template for; each is recorded as one action."""

    UITNODIGING_VERZUIMGESPREK = "uitnodiging_verzuimgesprek", _("Uitnodiging verzuimgesprek")
    WAARSCHUWING = "waarschuwing", _("Formele waarschuwing (waarschuwingsbrief)")
    KENNISGEVING_SCHOOL = "kennisgeving_school", _("Kennisgeving aan de school")
    BESLUIT_VRIJSTELLING = "besluit_vrijstelling", _("Besluit op een aanvraag vrijstelling of verlof")
    UITNODIGING_DOORSTROOMPUNT = "uitnodiging_doorstroompunt", _("Uitnodiging Doorstroompunt")


#: The timeline action a generated letter records: a warning letter *is* the formele waarschuwing.
ACTIE_VAN_BRIEF = {
    BriefSoort.UITNODIGING_VERZUIMGESPREK: ActieSoort.BRIEF,
    BriefSoort.WAARSCHUWING: ActieSoort.FORMELE_WAARSCHUWING,
    BriefSoort.KENNISGEVING_SCHOOL: ActieSoort.KENNISGEVINGSBRIEF,
    BriefSoort.BESLUIT_VRIJSTELLING: ActieSoort.BRIEF,
    BriefSoort.UITNODIGING_DOORSTROOMPUNT: ActieSoort.BRIEF,
}


class BriefStatus(models.TextChoices):
    WACHTEND = "wachtend", _("Wachtend")
    BEZIG = "bezig", _("Bezig")
    KLAAR = "klaar", _("Klaar")
    MISLUKT = "mislukt", _("Mislukt")


class TermijnEenheid(models.TextChoices):
    """How a configured term counts: working days skip weekends and holidays."""

    WERKDAGEN = "werkdagen", _("Werkdagen")
    KALENDERDAGEN = "kalenderdagen", _("Kalenderdagen")


class Signaal(models.TextChoices):
    """The deadline state the daily job stores on an open item (blank: nothing to signal)."""

    GEEN = "", _("Geen")
    BINNENKORT = "binnenkort", _("Termijn nadert")
    VERLOPEN = "verlopen", _("Termijn verstreken")


class OuderRelatie(models.TextChoices):
    """How a person with gezag or feitelijke verzorging (art. 2 Lpw) relates to the jongere."""

    MOEDER = "moeder", _("Moeder")
    VADER = "vader", _("Vader")
    OUDER = "ouder", _("Ouder")
    VOOGD = "voogd", _("Voogd")
    PLEEGOUDER = "pleegouder", _("Pleegouder")
    VERZORGER = "verzorger", _("Verzorger")
    ANDERS = "anders", _("Anders")


class GegevensBron(models.TextChoices):
    """Where a record's data came from; a sync from one source never touches another's."""

    HANDMATIG = "handmatig", _("Handmatig ingevoerd")
    IMPORT = "import", _("Import")
    BRP = "brp", _("BRP")


class OuderWijzigingSoort(models.TextChoices):
    TOEGEVOEGD = "toegevoegd", _("Ouder/verzorger toegevoegd")
    GEWIJZIGD = "gewijzigd", _("Gegevens ouder/verzorger gewijzigd")
    VERWIJDERD = "verwijderd", _("Ouder/verzorger verwijderd")


class OverdrachtRichting(models.TextChoices):
    """A move between gemeenten: handed over to another team, or taken over from one."""

    UIT = "uit", _("Verhuisd naar een andere gemeente (overgedragen)")
    IN = "in", _("Verhuisd uit een andere gemeente (overgenomen)")


#: The result an open melding gets when its jongere is handed over to another gemeente
#: (code lists: fixtures/codelijsten.yaml, added where an organisation lacks it).
RESULTAAT_OVERDRACHT_ANDERE_GEMEENTE = "Overdracht andere gemeente"
