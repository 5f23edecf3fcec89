"""The OCW leerplichttelling: per gemeente and schooljaar the figures the college reports to the
minister through DUO's yearly form (DUO collects them every October over the past schooljaar;
Leerplichtwet 1969 art. 25 for the yearly report). Built from the same report, definitions
(tables/definities.py) and controle as the jaarverslag, so the numbers cannot differ.

The form itself (an .xlsm with a werkinstructie, sent to the contactpersonen) could not be read
for this implementation: the categories below follow the published definitions of absoluut,
relatief and langdurig relatief verzuim and the vrijstelling articles of the Leerplichtwet.
docs/jaarverslag-definities.md says per category where the number comes from and that the exact
cell on DUO's form is still to be verified.
"""

from dataclasses import dataclass
from io import BytesIO

from django.utils.translation import gettext as _

from cases.spreadsheet import safe_text
from leerplicht.constants import Besluit, Grondslag, MeldingSoort
from reporting.models import Populatie

from .tables.base import Report


@dataclass
class Regel:
    categorie: str
    aantal: int | None
    bron: str


def regels(report: Report, *, organisatie, schooljaar, gemeente) -> list[Regel]:
    """The telling of one gemeente (a cases.Gemeente of the organisation)."""
    per_soort = report.feiten.get("per_gemeente_soort", {})
    vrijstellingen = report.feiten.get("vrijstellingen_per_gemeente", {})
    populatie = Populatie.objects.filter(gemeente=gemeente, schooljaar=schooljaar.start_year).first()

    def soort(key, *soorten):
        return sum(per_soort.get((gemeente.pk, s), {}).get(key, 0) for s in soorten)

    def alle(key):
        return sum(r[key] for (gid, _s), r in per_soort.items() if gid == gemeente.pk)

    meldingen = _("meldingen ontvangen in het schooljaar (definitie ‘melding’)")
    leerlingen = _("leerlingen met zo'n melding, ieder één keer")
    rows = [
        Regel(
            _("Leerplichtigen 5-16 jaar"),
            populatie.leerplichtigen if populatie else None,
            _("populatiecijfers (BRP), ingevoerd"),
        ),
        Regel(
            _("Kwalificatieplichtigen 16-18 jaar"),
            populatie.kwalificatieplichtigen if populatie else None,
            _("populatiecijfers (BRP), ingevoerd"),
        ),
        Regel(_("Absoluut verzuim: leerlingen"), soort("leerlingen", MeldingSoort.ABSOLUUT), leerlingen),
        Regel(_("Absoluut verzuim: meldingen"), soort("meldingen", MeldingSoort.ABSOLUUT), meldingen),
        Regel(
            _("Relatief verzuim (wettelijk): meldingen"),
            soort("meldingen", MeldingSoort.RELATIEF_WETTELIJK),
            meldingen,
        ),
        Regel(
            _("Relatief verzuim (wettelijk): leerlingen"),
            soort("leerlingen", MeldingSoort.RELATIEF_WETTELIJK),
            leerlingen,
        ),
        Regel(
            _("Langdurig relatief verzuim (thuiszitters): leerlingen"),
            soort("leerlingen", MeldingSoort.THUISZITTER),
            leerlingen,
        ),
        Regel(_("Luxe verzuim: meldingen"), soort("meldingen", MeldingSoort.LUXE), meldingen),
        Regel(
            _("Processen-verbaal"),
            alle("pv"),
            _("meldingen waarbij de actie proces-verbaal is vastgelegd (definitie ‘proces_verbaal’)"),
        ),
        Regel(
            _("Halt-verwijzingen"),
            alle("halt"),
            _("meldingen waarbij de actie Halt-verwijzing is vastgelegd (definitie ‘halt_verwijzing’)"),
        ),
    ]
    for grondslag in Grondslag:
        n = vrijstellingen.get((gemeente.pk, grondslag.value, Besluit.VERLEEND.value), 0)
        rows.append(
            Regel(
                _("Vrijstelling of verlof verleend, artikel %(artikel)s") % {"artikel": grondslag.label},
                n,
                _("aanvragen in het schooljaar met besluit ‘verleend’"),
            )
        )
    return rows


def render_xlsx(report: Report, *, organisatie, schooljaar, gemeente) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Leerplichttelling")
    bold = Font(bold=True)
    sheet.append([safe_text(_("Leerplichttelling %(gemeente)s") % {"gemeente": gemeente.naam})])
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.append([_("gemeente"), gemeente.code, safe_text(gemeente.naam)])
    sheet.append([_("schooljaar"), str(schooljaar)])
    sheet.append([_("organisatie"), safe_text(report.organisatie_naam)])
    sheet.append([])
    sheet.append([_("categorie"), _("aantal"), _("bron en definitie")])
    for cell in sheet[sheet.max_row]:
        cell.font = bold
    for regel in regels(report, organisatie=organisatie, schooljaar=schooljaar, gemeente=gemeente):
        sheet.append([safe_text(regel.categorie), regel.aantal, safe_text(regel.bron)])
    sheet.append([])
    sheet.append(
        [
            safe_text(
                _(
                    "Let op: de indeling van het DUO-formulier is niet gecontroleerd; neem de getallen "
                    "over in de cellen van het formulier die dezelfde definitie hebben."
                )
            )
        ]
    )
    sheet.append([_("controle")])
    sheet[sheet.max_row][0].font = bold
    for message in report.controle or [_("Alle tabellen tellen op en spreken elkaar niet tegen.")]:
        sheet.append([safe_text(message)])
    sheet.column_dimensions["A"].width = 70
    sheet.column_dimensions["B"].width = 12
    sheet.column_dimensions["C"].width = 80
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
