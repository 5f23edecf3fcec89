from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from cases.scholenregister import MAX_PROBLEMEN, importeer


class Command(BaseCommand):
    help = (
        "Leest een adressenbestand van schoolvestigingen van DUO (open onderwijsdata, CSV) in het "
        "scholenregister in (alles of niets); zie docs/import-formats.md."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "bestanden", nargs="+", help="Eén of meer bestanden, bijvoorbeeld bo, (v)so en vo."
        )
        parser.add_argument(
            "--proef", action="store_true", help="Alleen controleren en tellen; er wordt niets opgeslagen."
        )

    def handle(self, *args, bestanden, proef, **options):
        for bestand in bestanden:
            path = Path(bestand)
            if not path.is_file():
                raise CommandError(f"Het bestand '{bestand}' bestaat niet.")
        for bestand in bestanden:
            uitkomst = importeer(Path(bestand).read_bytes(), proef=proef)
            if uitkomst.problemen:
                for probleem in uitkomst.problemen[:MAX_PROBLEMEN]:
                    self.stderr.write(probleem)
                if len(uitkomst.problemen) > MAX_PROBLEMEN:
                    self.stderr.write(f"... en nog {len(uitkomst.problemen) - MAX_PROBLEMEN} (niet getoond).")
                raise CommandError(
                    f"{bestand} is geweigerd: {len(uitkomst.problemen)} probleem/problemen. "
                    "Uit dit bestand is niets opgeslagen."
                )
            self.stdout.write(
                f"{bestand}: {uitkomst.nieuw} scholen nieuw, {uitkomst.bijgewerkt} bijgewerkt, "
                f"{uitkomst.ongewijzigd} ongewijzigd; {uitkomst.nieuwe_gemeenten} gemeente(n) toegevoegd"
                + (" (proef: niets opgeslagen)." if proef else ".")
            )
