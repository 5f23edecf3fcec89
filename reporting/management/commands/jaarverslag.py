"""Make the jaarverslag of one organisation synchronously, in one format, into a file."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _

from cases.models import Organisatie
from cases.rules import Schooljaar
from reporting import services
from reporting.models import ReportFormaat
from reporting.tables import build_report


class Command(BaseCommand):
    help = "Maakt het jaarverslag van een organisatie als PDF, JSON of XLSX."

    def add_arguments(self, parser):
        parser.add_argument("--organisatie", required=True, help="Korte naam (slug) van de organisatie.")
        parser.add_argument("--schooljaar", required=True, help="Bijvoorbeeld 2024-2025.")
        parser.add_argument("--vergelijk", help="Vergelijkingsjaar, bijvoorbeeld 2023-2024.")
        parser.add_argument("--format", required=True, choices=ReportFormaat.values, dest="formaat")
        parser.add_argument("--output", required=True, help="Het bestand dat wordt geschreven.")
        parser.add_argument(
            "--drie-jaren",
            action="store_true",
            dest="drie_jaren",
            help="Kerncijfers van de laatste drie schooljaren naast elkaar (zoals Roermond).",
        )

    def _schooljaar(self, option: str, text: str) -> Schooljaar:
        try:
            return Schooljaar.parse(text)
        except ValueError as exc:
            raise CommandError(
                _("Ongeldig %(optie)s '%(tekst)s': %(fout)s") % {"optie": option, "tekst": text, "fout": exc}
            ) from None

    def handle(self, *args, organisatie, schooljaar, vergelijk, formaat, output, drie_jaren=False, **options):
        translation.activate("nl")
        jaar = self._schooljaar("--schooljaar", schooljaar)
        vergelijkingsjaar = self._schooljaar("--vergelijk", vergelijk) if vergelijk else None
        if vergelijkingsjaar is not None and vergelijkingsjaar.start_year >= jaar.start_year:
            raise CommandError(
                _("Het vergelijkingsjaar moet vóór schooljaar %(jaar)s liggen.") % {"jaar": jaar}
            )
        path = Path(output)
        if not path.parent.is_dir():
            raise CommandError(_("De map %(map)s bestaat niet.") % {"map": path.parent})
        try:
            org = Organisatie.objects.get(slug=organisatie)
        except Organisatie.DoesNotExist:
            raise CommandError(_("Onbekende organisatie '%(slug)s'.") % {"slug": organisatie}) from None

        report = build_report(org, jaar, vergelijkingsjaar, drie_jaren=drie_jaren)
        databasis = services.describe_databasis(report, organisatie=org, schooljaar=jaar)
        content, pages = services.render_format(report, formaat, databasis=databasis)
        path.write_bytes(content)
        summary = _("%(aantal)d tabellen geschreven naar %(pad)s") % {
            "aantal": len(report.tables),
            "pad": path,
        }
        if pages:
            summary += " " + _("(%(paginas)d pagina's)") % {"paginas": pages}
        self.stdout.write(summary)
