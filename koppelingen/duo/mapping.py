"""DUO verzuimmeldingen: our intermediate format mapped to our fields, as data in one place.

DUO's machine-to-machine wire format is not public; this format is ours (docs/koppelingen.md).
Its fields follow the data the law asks of a verzuimmelding: art. 21a Leerplichtwet 1969 (the
school reports relatief verzuim to DUO, which passes it to the gemeente) and the Besluit
verzuimmelding (Stb. 2010, 17), art. 2, which specifies those data. Each row names the DUO notion
it stands for as far as public sources show (DUO's pages on the verzuimregister).
"""

from leerplicht.constants import MeldingSoort

FORMAAT = "duo-verzuimmeldingen/1"

#: (path in our format, our field, DUO notion / legal source, required)
VELDEN = [
    (
        "meldingnummer",
        "duo_meldingnummer",
        "identificatie van de verzuimmelding in het verzuimregister",
        True,
    ),
    ("datum_melding", "ontvangen_op", "datum van de melding (art. 21a lid 1 Lpw)", True),
    ("leerling.bsn", "bsn", "burgerservicenummer of onderwijsnummer (Besluit verzuimmelding art. 2)", False),
    ("leerling.onderwijsnummer", "onderwijsnummer", "onderwijsnummer als er geen BSN is", False),
    ("leerling.voornamen", "voornamen", "naam van de leerling", True),
    ("leerling.voorvoegsel", "tussenvoegsel", "naam van de leerling", False),
    ("leerling.achternaam", "achternaam", "naam van de leerling", True),
    ("leerling.geboortedatum", "geboortedatum", "geboortedatum van de leerling", True),
    ("leerling.straat", "straat", "adres van de leerling", False),
    ("leerling.postcode", "postcode", "adres van de leerling", False),
    ("leerling.woonplaats", "woonplaats", "woonplaats van de leerling", False),
    (
        "leerling.gemeentecode",
        "gemeentecode",
        "woongemeente: DUO routeert de melding naar die gemeente",
        True,
    ),
    ("school.brin", "brin", "school: BRIN-nummer (instellingscode)", True),
    ("school.vestiging", "vestiging", "vestiging of leslocatie", False),
    ("school.naam", "schoolnaam", "naam van de school", False),
    ("onderwijssoort", "onderwijssoort", "soort onderwijs (po, vo, mbo, vso)", False),
    ("verzuimsoort", "verzuimsoort", "soort verzuim (zie VERZUIMSOORT)", True),
    ("periode.van", "verzuim_van", "eerste verzuimdag van de gemelde periode", False),
    ("periode.tot", "verzuim_tot", "laatste verzuimdag, of de dag waarop 16 uur is bereikt", False),
    ("uren", "uren_verzuim", "aantal ongeoorloofd verzuimde lesuren", False),
    ("dagen", "verlof_dagen", "aantal verzuimde schooldagen (luxe verzuim)", False),
    ("reden", "reden_school", "reden van het verzuim volgens de school", False),
    ("ondernomen_acties", "acties_school", "wat de school al ondernam", False),
    ("verzoek_actie_gemeente", "verzoek_actie", "de school vraagt de gemeente om actie", False),
]

#: DUO's verzuimsoort -> (our melding soort, or None for a traject of the Doorstroompunt).
#: 16 uur in 4 lesweken: art. 21a lid 1 Lpw; langdurig relatief verzuim: 4 weken aaneengesloten
#: zonder onderwijs; luxe: art. 11 sub f / art. 13a Lpw; 18+: kwalificatieplicht voorbij, gemeld
#: op regionale afspraak (Doorstroompunt, RMC-functie).
VERZUIMSOORT = {
    "16_uur": MeldingSoort.RELATIEF_WETTELIJK,
    "langdurig_relatief": MeldingSoort.THUISZITTER,
    "luxe": MeldingSoort.LUXE,
    "overig_relatief": MeldingSoort.RELATIEF_LICHT,
    "18_plus": None,
}
DOORSTROOM_DOELGROEP_18PLUS = "verzuim_18plus"

#: Soorten where a new verzuimmelding for a jongere who already has an open melding of the same
#: soort (same organisation) is proposed as an addition to that melding: the LPA is already
#: working on that absence, and a second melding would split one case in two and count it twice
#: in the jaarverslag. Luxe verzuim is not here: each unauthorised holiday is a separate offence
#: (art. 13a Lpw, with its own proces-verbaal), so it stays a new melding.
AANVULLEN_BIJ_OPEN_MELDING = frozenset(
    {MeldingSoort.RELATIEF_WETTELIJK, MeldingSoort.RELATIEF_LICHT, MeldingSoort.THUISZITTER}
)

#: The summary bucket of the result a melding is closed with -> the reason sent back to DUO.
AFSLUITREDEN = {
    "Naar school": "terug_naar_school",
    "Waarschuwing": "waarschuwing",
    "Proces-verbaal": "proces_verbaal",
    "Haltverwijzing": "halt",
    "Hulpverlening": "hulpverlening",
    "Verhuisd": "verhuisd",
    "Ter kennisname": "ter_kennisname",
    "Overdracht Doorstroompunt": "overdracht",
    "School vervangend traject": "schoolvervangend_traject",
    "Niet verwijtbaar": "niet_verwijtbaar",
    "Vrijstellingen": "vrijstelling",
    "Overleden": "overleden",
    "Startkwalificatie": "startkwalificatie",
}
AFSLUITREDEN_ANDERS = "overig"


def waarde(record: dict, pad: str):
    for deel in pad.split("."):
        if not isinstance(record, dict):
            return None
        record = record.get(deel)
    return record


def afsluitreden(samenvatting: str) -> str:
    return AFSLUITREDEN.get(samenvatting, AFSLUITREDEN_ANDERS)


# -- DUO's deliveries: the weekly changes (P-levering) and the monthly uitschrijvingen ---------

FORMAAT_WEKELIJKS = "duo-levering-wekelijks/1"
FORMAAT_MAANDELIJKS = "duo-uitschrijvingen-maand/1"

#: (path, our field, DUO notion, required) beyond the person part (koppelingen.formaat.PERSOON).
MUTATIE_VELDEN = [
    ("mutatie_id", "extern_id", "kenmerk van de mutatie in de levering", True),
    ("soort", "mutatie", "soort mutatie (zie MUTATIE_VOORSTEL)", True),
    ("datum", "datum", "datum van de gebeurtenis", True),
    ("nieuwe_gemeente.code", "nieuwe_gemeentecode", "nieuwe woongemeente bij verhuizing (CBS-code)", False),
    ("nieuwe_gemeente.naam", "nieuwe_gemeentenaam", "naam van die gemeente", False),
    ("school.brin", "brin", "school: BRIN-nummer", False),
    ("school.vestiging", "vestiging", "vestiging", False),
    ("onderwijssoort", "onderwijssoort", "soort onderwijs", False),
    ("inschrijving.van", "ingeschreven_van", "datum inschrijving", False),
    ("inschrijving.tot", "ingeschreven_tot", "datum uitschrijving", False),
]

#: Kind of change -> what the inbox proposes. A move out proposes the overdracht (art. 18 Lpw:
#: the gemeente of residence acts); a startkwalificatie ends the kwalificatieplicht (art. 4a lid 1
#: Lpw): it is recorded and open trajecten (and meldingen past the leerplicht) are closed; a death
#: closes the open work.
MUTATIE_VOORSTEL = {
    "verhuisd_binnen": "adres_bijwerken",
    "verhuisd_buiten": "overdracht_verhuisd",
    "inschrijving_nieuw": "schoolgeschiedenis",
    "inschrijving_gewijzigd": "schoolgeschiedenis",
    "inschrijving_beeindigd": "schoolgeschiedenis",
    "startkwalificatie": "startkwalificatie",
    "overleden": "afsluiten_overleden",
    "vier_jaar": "geen",
    "drieentwintig_jaar": "geen",
}

#: `onderwijssoort` of an enrolment: our own codes (cases.constants.Onderwijssoort) as they are,
#: and the broad sectors a delivery may use, mapped to the soort we count them under.
ONDERWIJSSOORT = {
    "po": "bo_sbo",
    "vo": "vo_onderbouw",
    "mbo": "mbo_2",
    "entree": "mbo_1",
}

UITSCHRIJVING_VELDEN = [
    ("id", "extern_id", "kenmerk van de regel in de rapportage", True),
    ("uitgeschreven_op", "datum", "datum van uitschrijving", True),
    ("school.brin", "brin", "school: BRIN-nummer", False),
    ("school.vestiging", "vestiging", "vestiging", False),
    ("nieuwe_inschrijving", "nieuwe_inschrijving", "staat elders ingeschreven", False),
    ("vrijstelling", "vrijstelling", "heeft een vrijstelling", False),
]
#: Leerplicht runs from age 5 (art. 3 Lpw) and kwalificatieplicht to 18 (art. 4a Lpw): an
#: uitschrijving without a new enrolment or vrijstelling is absoluut verzuim. From 18 to the
#: Doorstroompunt's age limit it is a voortijdig schoolverlater (RMC-functie, art. 8.3.1 WEB).
LEERPLICHT_LEEFTIJD = (5, 18)
