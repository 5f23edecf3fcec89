"""The Dutch default letter templates every organisation starts with (new ones on creation,
existing ones through migration 0007). Plain data: the migration imports it too.

Texts follow the usual practice of Dutch leerplicht teams; a besluit names the right to object
(bezwaar) within six weeks to the college van burgemeester en wethouders (Awb art. 6:7, 7:1).
"""

from django.utils.translation import gettext_lazy as _

# (soort, naam, onderwerp, inhoud) – soort values of cases.constants.BriefSoort.
DEFAULTS: list[tuple[str, str, str, str]] = [
    (
        "uitnodiging_verzuimgesprek",
        _("Uitnodiging verzuimgesprek"),
        _("Uitnodiging voor een gesprek over het schoolverzuim van {{ jongere.naam }}"),
        _(
            "Geachte {{ ouders.aanhef }},\n\n"
            "Op {{ melding.ontvangen_op }} ontving ik van {{ school.naam }} een melding van "
            "schoolverzuim van {{ jongere.naam }}, geboren op {{ jongere.geboortedatum }}.\n\n"
            "Als leerplichtambtenaar van {{ organisatie.naam }} wil ik graag met u en "
            "{{ jongere.voornamen }} in gesprek over de reden van het verzuim en over wat er nodig is "
            "om weer naar school te gaan. Ik nodig u daarom uit voor een gesprek. Wilt u binnen een week "
            "contact met mij opnemen om een afspraak te maken, via {{ organisatie.telefoon }} of "
            "{{ medewerker.email }}?\n\n"
            "Ouders of verzorgers zijn volgens de Leerplichtwet 1969 verplicht ervoor te zorgen dat hun "
            "kind de school geregeld bezoekt. Komt u niet op deze uitnodiging, dan kan ik verdere "
            "maatregelen nemen.\n\n"
            "Met vriendelijke groet,"
        ),
    ),
    (
        "waarschuwing",
        _("Formele waarschuwing"),
        _("Waarschuwing schoolverzuim {{ jongere.naam }}"),
        _(
            "Geachte {{ ouders.aanhef }},\n\n"
            "{{ school.naam }} heeft op {{ melding.ontvangen_op }} gemeld dat {{ jongere.naam }}, "
            "geboren op {{ jongere.geboortedatum }}, ongeoorloofd afwezig is geweest: "
            "{{ melding.uren_verzuim }} uur in de periode vanaf {{ melding.verzuim_van }}.\n\n"
            "Dit is in strijd met de Leerplichtwet 1969. Met deze brief geef ik u een formele "
            "waarschuwing. Ik verwacht dat {{ jongere.voornamen }} vanaf nu de school weer geregeld "
            "bezoekt.\n\n"
            "Blijft het verzuim doorgaan, dan kan ik een proces-verbaal opmaken. Dat wordt voorgelegd "
            "aan de officier van justitie, die kan beslissen u te vervolgen.\n\n"
            "Heeft u vragen, neem dan contact met mij op via {{ organisatie.telefoon }} of "
            "{{ medewerker.email }}.\n\n"
            "Met vriendelijke groet,"
        ),
    ),
    (
        "kennisgeving_school",
        _("Kennisgeving aan de school"),
        _("Kennisgeving melding {{ jongere.naam }}"),
        _(
            "Geachte verzuimcoördinator van {{ school.naam }},\n\n"
            "Op {{ melding.ontvangen_op }} ontvingen wij uw melding ({{ melding.soort }}) over "
            "{{ jongere.naam }}, geboren op {{ jongere.geboortedatum }}. Met deze brief bevestigen wij "
            "de ontvangst. De melding wordt behandeld door {{ medewerker.naam }}, leerplichtambtenaar "
            "van {{ organisatie.naam }}.\n\n"
            "Wij vragen u het verzuim te blijven registreren en nieuw verzuim bij DUO te melden. Wij "
            "houden u op de hoogte van de afspraken die wij met de leerling en de ouders maken.\n\n"
            "Met vriendelijke groet,"
        ),
    ),
    (
        "besluit_vrijstelling",
        _("Besluit op een aanvraag vrijstelling of verlof"),
        _("Besluit op uw aanvraag ({{ vrijstelling.grondslag }}) voor {{ jongere.naam }}"),
        _(
            "Geachte {{ ouders.aanhef }},\n\n"
            "Op {{ vrijstelling.aangevraagd_op }} vroeg u, op grond van {{ vrijstelling.grondslag }}, "
            "vrijstelling of verlof aan voor {{ jongere.naam }}, geboren op "
            "{{ jongere.geboortedatum }}.\n\n"
            "Besluit: {{ vrijstelling.besluit }}. Dit besluit is genomen op "
            "{{ vrijstelling.besluit_op }} en geldt van {{ vrijstelling.geldig_van }} tot en met "
            "{{ vrijstelling.geldig_tot }}.\n\n"
            "Bezwaar maken\n"
            "Bent u het niet eens met dit besluit, dan kunt u binnen zes weken na de datum van deze "
            "brief, dus uiterlijk op {{ datum.bezwaartermijn }}, een bezwaarschrift sturen aan het "
            "college van burgemeester en wethouders van de gemeente, p/a {{ organisatie.adres }}. "
            "Schrijf in uw bezwaarschrift uw naam en adres, de datum, een omschrijving van het besluit "
            "waartegen u bezwaar maakt, waarom u het er niet mee eens bent, en uw handtekening "
            "(artikel 6:5 en 6:7 van de Algemene wet bestuursrecht). Het besluit blijft gelden terwijl "
            "het bezwaar wordt behandeld.\n\n"
            "Met vriendelijke groet,"
        ),
    ),
    (
        "uitnodiging_doorstroompunt",
        _("Uitnodiging Doorstroompunt"),
        _("Uitnodiging voor een gesprek bij het Doorstroompunt"),
        _(
            "Beste {{ jongere.voornamen }},\n\n"
            "Je staat bij ons bekend als jongere zonder startkwalificatie: een diploma havo, vwo of "
            "mbo niveau 2 of hoger. Met zo'n diploma vind je makkelijker werk. Het Doorstroompunt van "
            "{{ organisatie.naam }} helpt jongeren bij het kiezen van een opleiding, het vinden van werk "
            "of andere ondersteuning.\n\n"
            "Ik nodig je uit voor een vrijblijvend gesprek. Bel of mail mij om een afspraak te maken: "
            "{{ organisatie.telefoon }} of {{ medewerker.email }}.\n\n"
            "Met vriendelijke groet,"
        ),
    ),
]
