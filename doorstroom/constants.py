"""Fixed categories of the Doorstroompunt. Organisation-specific lists live in cases.CodeItem."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from cases.constants import Codelijst


class Doelgroep(models.TextChoices):
    VERZUIM_18PLUS = "verzuim_18plus", _("Verzuim 18+")
    NIEUW_VSV = "nieuw_vsv", _("Nieuwe voortijdig schoolverlater")
    OUD_VSV = "oud_vsv", _("Oud-vsv'er")
    KWETSBARE_JONGERE = "kwetsbare_jongere", _("Jongere in een kwetsbare positie (JIKP)")
    JONGEREN_IN_BEELD = "jongeren_in_beeld", _("Jongeren in Beeld (23-27)")
    ZORG_18PLUS = "zorg_18plus", _("Zorgmelding 18+")


class TrajectTermijnSoort(models.TextChoices):
    """The deadlines the caseload watches."""

    EERSTE_CONTACT = "eerste_contact", _("eerste contact")
    NAZORG = "nazorg", _("nazorg")


# Defaults in working days, until an organisation sets its own per doelgroep: the first contact
# attempt after the signal, and carrying out the nazorg after its planned date.
DEFAULT_TRAJECT_TERMIJN_WERKDAGEN = {TrajectTermijnSoort.EERSTE_CONTACT: 5, TrajectTermijnSoort.NAZORG: 20}


class Fase(models.TextChoices):
    WAARNEMEN = "waarnemen", _("Waarnemen")
    ANALYSEREN = "analyseren", _("Analyseren")
    PLANNEN = "plannen", _("Plannen")
    HANDELEN = "handelen", _("Handelen")
    EVALUEREN = "evalueren", _("Evalueren")


class Stap(models.TextChoices):
    """The 13 steps of the Ingrado 'Routekaart Methodisch Handelen voor het Doorstroompunt'."""

    SIGNALEREN = "01_signaleren", _("1. Signaleren")
    DOSSIER_CHECKEN = "02_dossier_checken", _("2. Dossier en gegevens controleren")
    DOELGROEP_VASTSTELLEN = "03_doelgroep_vaststellen", _("3. Doelgroep vaststellen")
    INTAKE_PLANNEN = "04_intake_plannen", _("4. Intakegesprek plannen")
    SYSTEEM_IN_KAART = "05_systeem_in_kaart", _("5. Systeem in kaart brengen")
    PRIVACY = "06_privacy", _("6. Privacy en gegevensuitwisseling")
    VOORONDERZOEK_AFRONDEN = "07_vooronderzoek_afronden", _("7. Vooronderzoek afronden")
    PLAN_VAN_AANPAK = "08_plan_van_aanpak", _("8. Plan van aanpak opstellen")
    UITVOEREN = "09_uitvoeren", _("9. Plan van aanpak uitvoeren")
    MONITOREN = "10_monitoren", _("10. Uitvoering monitoren")
    AFSLUITEN = "11_afsluiten", _("11. Afsluiten en nazorg starten")
    TERUGKOPPELEN = "12_terugkoppelen", _("12. Resultaten terugkoppelen")
    EVALUEREN = "13_evalueren", _("13. Evalueren met partners")


STAP_ORDER = list(Stap)

#: Phase of each step (codelijsten.yaml, routekaart_doorstroompunt).
FASE_VAN_STAP = {
    Stap.SIGNALEREN: Fase.WAARNEMEN,
    Stap.DOSSIER_CHECKEN: Fase.WAARNEMEN,
    Stap.DOELGROEP_VASTSTELLEN: Fase.WAARNEMEN,
    Stap.INTAKE_PLANNEN: Fase.ANALYSEREN,
    Stap.SYSTEEM_IN_KAART: Fase.ANALYSEREN,
    Stap.PRIVACY: Fase.ANALYSEREN,
    Stap.VOORONDERZOEK_AFRONDEN: Fase.ANALYSEREN,
    Stap.PLAN_VAN_AANPAK: Fase.PLANNEN,
    Stap.UITVOEREN: Fase.HANDELEN,
    Stap.MONITOREN: Fase.HANDELEN,
    Stap.AFSLUITEN: Fase.HANDELEN,
    Stap.TERUGKOPPELEN: Fase.EVALUEREN,
    Stap.EVALUEREN: Fase.EVALUEREN,
}

#: The full wording of each step, shown on the traject page.
STAP_OMSCHRIJVING = {
    Stap.SIGNALEREN: _(
        "Signaleer het verzuim of (continuerend) vsv (melding, werkafspraken ketenpartners, eigen onderzoek)."
    ),
    Stap.DOSSIER_CHECKEN: _(
        "Neem kennis van het dossier; cross-check gegevens met jongere en ketenpartner(s); "
        "bij verzuim contact met school."
    ),
    Stap.DOELGROEP_VASTSTELLEN: _("Stel doelgroep vast en beoordeel of directe actie vereist is."),
    Stap.INTAKE_PLANNEN: _(
        "Plan een intakegesprek met de jongere (3-gesprek met school indien ingeschreven)."
    ),
    Stap.SYSTEEM_IN_KAART: _(
        "Breng het systeem rondom de jongere in kaart (leefdomeinen, zelfredzaamheidsmatrix)."
    ),
    Stap.PRIVACY: _(
        "Voer een gesprek over privacy; afspraken gegevensuitwisseling (toestemmingsverklaring)."
    ),
    Stap.VOORONDERZOEK_AFRONDEN: _(
        "Rond het vooronderzoek af (redenen, eerdere interventies, mogelijke stappen)."
    ),
    Stap.PLAN_VAN_AANPAK: _(
        "Stel een plan van aanpak op (casusregie, afspraken, verwachtingen ketenpartners)."
    ),
    Stap.UITVOEREN: _("Het plan van aanpak wordt uitgevoerd."),
    Stap.MONITOREN: _("Monitor de uitvoering; bij vastlopen terug naar fase 2/3."),
    Stap.AFSLUITEN: _("Sluit de melding af en start het nazorgtraject."),
    Stap.TERUGKOPPELEN: _("Koppel de resultaten terug naar ketenpartners."),
    Stap.EVALUEREN: _("Evalueer samen met partners de gemaakte keuzes."),
}


class Bron(models.TextChoices):
    """Where the signal came from."""

    VERZUIMLOKET = "verzuimloket", _("Verzuimloket DUO / school")
    VSV_REGISTRATIE = "vsv_registratie", _("VSV-registratie DUO")
    OVERDRACHT_LEERPLICHT = "overdracht_leerplicht", _("Overdracht leerplicht (18 jaar)")
    KETENPARTNER = "ketenpartner", _("Ketenpartner")
    EIGEN_ONDERZOEK = "eigen_onderzoek", _("Eigen onderzoek")
    JONGERE_ZELF = "jongere_zelf", _("Jongere meldt zich zelf")


class BenaderingSoort(models.TextChoices):
    BRIEF = "brief", _("Brief")
    TELEFOON = "telefoon", _("Telefoon")
    EMAIL = "email", _("E-mail")
    HUISBEZOEK = "huisbezoek", _("Huisbezoek")


class BenaderingUitkomst(models.TextChoices):
    BEREIKT = "bereikt", _("Jongere bereikt")
    GEEN_REACTIE = "geen_reactie", _("Geen reactie")
    NIET_AANGETROFFEN = "niet_aangetroffen", _("Niet aangetroffen / onbekend op adres")


class VerzuimAfloop(models.TextChoices):
    """How a verzuim 18+ ended (Zoetermeer: 'opleiding voortgezet' versus 'voortijdig gestopt')."""

    VOORTGEZET = "voortgezet", _("Opleiding voortgezet of startkwalificatie behaald")
    GESTOPT = "gestopt", _("Voortijdig gestopt met de opleiding")


class Leefdomein(models.TextChoices):
    """Domains of the zelfredzaamheidsmatrix used to map the system around the jongere (step 5)."""

    ONDERWIJS = "onderwijs", _("Onderwijs en opleiding")
    WERK = "werk", _("Werk en dagbesteding")
    INKOMEN = "inkomen", _("Inkomen en financiën")
    WONEN = "wonen", _("Huisvesting")
    GEZONDHEID = "gezondheid", _("Lichamelijke en geestelijke gezondheid")
    NETWERK = "netwerk", _("Gezin en sociaal netwerk")
    JUSTITIE = "justitie", _("Justitie")


class Ketenpartner(models.TextChoices):
    SCHOOL = "school", _("School / mbo-instelling")
    LEERPLICHT = "leerplicht", _("Leerplicht")
    WERK_INKOMEN = "werk_inkomen", _("Werk en Inkomen / GSD")
    UWV = "uwv", _("UWV")
    RE_INTEGRATIE = "re_integratie", _("Re-integratie / Binnenbaan")
    WIJKTEAM = "wijkteam", _("Wijkteam / jeugdhulp")
    GGZ = "ggz", _("GGZ / verslavingszorg")
    JUSTITIE = "justitie", _("Reclassering / justitie")
    OVERIG = "overig", _("Overige partner")


class Casusregie(models.TextChoices):
    DOORSTROOMPUNT = "doorstroompunt", _("Doorstroompunt")
    SCHOOL = "school", _("School / mbo-instelling")
    WIJKTEAM = "wijkteam", _("Wijkteam / jeugdhulp")
    WERK_INKOMEN = "werk_inkomen", _("Werk en Inkomen / GSD")
    ANDERS = "anders", _("Andere ketenpartner")


#: The result list (Roermond-style werkprocessen) that applies to a doelgroep, where one exists.
RESULTAAT_LIJST = {
    Doelgroep.VERZUIM_18PLUS: Codelijst.RESULTAAT_VERZUIM_18PLUS,
    Doelgroep.NIEUW_VSV: Codelijst.RESULTAAT_NIEUW_VSV,
    Doelgroep.OUD_VSV: Codelijst.RESULTAAT_NIEUW_VSV,
    Doelgroep.JONGEREN_IN_BEELD: Codelijst.RESULTAAT_JONGEREN_IN_BEELD,
}


def reden_lijst(doelgroep: str) -> Codelijst:
    """Zorgmeldingen 18+ have their own reasons; every other doelgroep uses the reasons of uitval."""
    return (
        Codelijst.DSP_REDEN_ZORG_18PLUS if doelgroep == Doelgroep.ZORG_18PLUS else Codelijst.DSP_REDEN_UITVAL
    )


def uitstroom_lijst(doelgroep: str) -> Codelijst:
    """Kwetsbare jongeren have their own outflow list (Tabel 17)."""
    if doelgroep == Doelgroep.KWETSBARE_JONGERE:
        return Codelijst.DSP_UITSTROOM_KWETSBAAR
    return Codelijst.DSP_UITSTROOM
