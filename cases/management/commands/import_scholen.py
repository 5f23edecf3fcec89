from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from cases.scholenregister import MAX_PROBLEMEN, lees, schrijf


class Command(BaseCommand):
    help = (
        "Leest adressenbestanden van schoolvestigingen van DUO (open onderwijsdata, CSV) in het "
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
        inhoud = {}
        for bestand in bestanden:
            path = Path(bestand)
            if not path.is_file():
                raise CommandError(f"Het bestand '{bestand}' bestaat niet.")
            inhoud[bestand] = path.read_bytes()
        # Every file is checked before anything is written: all of them, or nothing.
        geweigerd, gelezen = 0, {}
        for bestand, data in inhoud.items():
            gelezen[bestand], problemen = lees(data)
            for probleem in problemen[:MAX_PROBLEMEN]:
                self.stderr.write(f"{bestand}: {probleem}")
            if len(problemen) > MAX_PROBLEMEN:
                self.stderr.write(f"{bestand}: ... en nog {len(problemen) - MAX_PROBLEMEN} (niet getoond).")
            geweigerd += len(problemen)
        if geweigerd:
            raise CommandError(f"Geweigerd: {geweigerd} probleem/problemen. Er is niets opgeslagen.")
        with transaction.atomic():
            for bestand, rijen in gelezen.items():
                uitkomst = schrijf(rijen, proef=proef)
                self.stdout.write(
                    f"{bestand}: {uitkomst.nieuw} scholen nieuw, {uitkomst.bijgewerkt} bijgewerkt, "
                    f"{uitkomst.ongewijzigd} ongewijzigd; {uitkomst.nieuwe_gemeenten} gemeente(n) toegevoegd"
                    + (" (proef: niets opgeslagen)." if proef else ".")
                )
