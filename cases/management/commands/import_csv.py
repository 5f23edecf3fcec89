from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from cases.imports import ImportFailed
from cases.imports.records import import_now
from cases.models import Organisatie


class Command(BaseCommand):
    help = "Importeert een CSV- of XLSX-bestand (alles of niets); zie docs/import-formats.md."

    def add_arguments(self, parser):
        parser.add_argument("soort", choices=list(settings.IMPORTERS))
        parser.add_argument("bestand")
        parser.add_argument("--organisatie", required=True, help="Korte naam (slug) van de organisatie.")

    def handle(self, *args, soort, bestand, organisatie, **options):
        try:
            org = Organisatie.objects.get(slug=organisatie)
        except Organisatie.DoesNotExist:
            raise CommandError(f"Er is geen organisatie met de korte naam '{organisatie}'.") from None
        path = Path(bestand)
        if not path.is_file():
            raise CommandError(f"Het bestand '{bestand}' bestaat niet.")
        try:
            record = import_now(
                name=soort,
                organisatie=org,
                actor=None,
                data=path.read_bytes(),
                filename=path.name,
                via="commandoregel",
            )
        except ImportFailed as exc:
            for problem in exc.problems:
                self.stderr.write(str(problem))
            if exc.more:
                self.stderr.write(f"... en nog {exc.more} probleem/problemen (niet getoond).")
            raise CommandError(
                f"Het bestand is geweigerd: {exc.total} probleem/problemen. Er is niets opgeslagen."
            ) from None
        self.stdout.write(
            f"{record.rijen} rijen verwerkt: {record.aangemaakt} nieuw, {record.bijgewerkt} bijgewerkt, "
            f"{record.ongewijzigd} ongewijzigd."
        )
