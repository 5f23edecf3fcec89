"""Every count of the jaarverslag, defined once: what is counted, on which date, per melding or
per jongere. The table builders, the footnotes in the PDF, the controle (reporting/controle.py)
and the OCW leerplichttelling use these definitions; docs/jaarverslag-definities.md lists them
(a test checks that every key below is documented there).
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Definitie:
    key: str
    naam: str
    #: What is counted, as a sentence for a footnote.
    telt: str


def _d(key, naam, telt) -> Definitie:
    return Definitie(key, naam, telt)


DEFINITIES = {
    d.key: d
    for d in [
        _d(
            "melding",
            _("Melding leerplicht"),
            _(
                "Een melding telt in het schooljaar waarin zij is ontvangen (ontvangen_op), één keer per melding."
            ),
        ),
        _d(
            "leerling_gemeld",
            _("Leerlingen gemeld"),
            _("Iedere leerling met ten minste één melding in het schooljaar telt één keer."),
        ),
        _d(
            "aanvraag_vrijstelling",
            _("Aanvraag vrijstelling of verlof"),
            _("Een aanvraag telt in het schooljaar waarin zij is aangevraagd (aangevraagd_op)."),
        ),
        _d(
            "resultaat",
            _("Resultaat bij afsluiting"),
            _(
                "Het resultaat dat bij het afsluiten van de melding is vastgelegd; een melding zonder "
                "resultaat staat onder Onbekend of, als zij nog loopt, onder In behandeling."
            ),
        ),
        _d(
            "proces_verbaal",
            _("Proces-verbaal opgemaakt"),
            _(
                "Telt de meldingen waarbij de actie proces-verbaal is vastgelegd (een genomen actie), "
                "wat het resultaat bij afsluiting ook is. Het resultaat ‘Proces-verbaal’ in de "
                "resultatentabellen telt iets anders: meldingen die met dat resultaat zijn afgesloten."
            ),
        ),
        _d(
            "halt_verwijzing",
            _("Halt-verwijzing"),
            _(
                "Telt de meldingen waarbij de actie Halt-verwijzing is vastgelegd (een genomen actie), "
                "wat het resultaat bij afsluiting ook is. Het resultaat ‘Halt’ in de resultatentabellen "
                "telt meldingen die met dat resultaat zijn afgesloten."
            ),
        ),
        _d(
            "resultaat_pv_halt",
            _("Resultaat proces-verbaal of Halt"),
            _(
                "‘Proces-verbaal’ en ‘Halt’ zijn hier het resultaat bij afsluiting. Hoe vaak een "
                "proces-verbaal is opgemaakt of naar Halt is verwezen (genomen acties) staat in de "
                "tabellen Processen-verbaal per gemeente en Halt-verwijzingen."
            ),
        ),
        _d(
            "traject",
            _("Traject Doorstroompunt"),
            _("Een traject telt in het schooljaar waarin het is gesignaleerd (gemeld_op)."),
        ),
        _d(
            "verzuimmelding_18plus",
            _("Meldingen verzuim 18+"),
            _(
                "Per traject verzuim 18+ het aantal vastgelegde verzuimmeldingen, en ten minste 1: het "
                "traject is zelf op een melding geopend. Een traject dat via de API of een import is "
                "ingevoerd zonder afzonderlijke verzuimmeldingen telt dus als 1 melding."
            ),
        ),
        _d(
            "jongere_18plus",
            _("Jongeren gemeld verzuim 18+"),
            _("Iedere jongere met een traject verzuim 18+ in het schooljaar telt één keer."),
        ),
        _d(
            "niet_begeleid",
            _("Niet begeleid"),
            _(
                "Benaderde jongeren die niet zijn begeleid; de regels eronder geven de reden. Begeleid "
                "en niet begeleid samen zijn alle benaderde jongeren."
            ),
        ),
        _d(
            "nieuwe_vsv",
            _("Nieuwe voortijdig schoolverlaters"),
            _(
                "Uitvallers (trajecten nieuwe vsv) min de uitvallers van wie de uitstroom in de "
                "categorie Onderwijs valt."
            ),
        ),
        _d(
            "vsv_percentage",
            _("Vsv-percentage"),
            _("Nieuwe vsv'ers gedeeld door de startpopulatie van DUO, maal 100; zonder startpopulatie n.b."),
        ),
        _d(
            "populatie_5_18",
            _("Leerlingen 5-18 jaar"),
            _(
                "Leerplichtigen (5-16) plus kwalificatieplichtigen (16-18) uit de ingevoerde "
                "populatiecijfers (BRP); de noemer van de BBV-indicatoren."
            ),
        ),
        _d(
            "bbv_absoluut",
            _("Absoluut verzuim per 1.000 leerlingen"),
            _(
                "Leerlingen met een melding absoluut verzuim in het schooljaar (iedere leerling één "
                "keer) per 1.000 leerlingen van 5-18 jaar."
            ),
        ),
        _d(
            "bbv_relatief",
            _("Relatief verzuim per 1.000 leerlingen"),
            _(
                "Leerlingen met een melding wettelijk relatief verzuim of langdurig relatief verzuim "
                "(thuiszitter) in het schooljaar (iedere leerling één keer) per 1.000 leerlingen van "
                "5-18 jaar. Licht relatief verzuim (onder de meldplicht) telt niet mee."
            ),
        ),
        _d(
            "vergelijkingsjaar_nb",
            _("Vergelijkingsjaar zonder gegevens"),
            _(
                "Staan er voor het vergelijkingsjaar geen meldingen, aanvragen of trajecten in het "
                "systeem, dan staat er n.b. (niet bekend) in plaats van 0."
            ),
        ),
    ]
}


def telt(key: str) -> str:
    """The footnote text of a definition."""
    return str(DEFINITIES[key].telt)
