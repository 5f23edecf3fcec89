from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from cases.codelists import VARIANTS
from cases.models import Organisatie
from cases.services import organisatie_create


class Command(BaseCommand):
    help = "Maakt een nieuwe organisatie aan voor een of meer gemeenten, met de standaard codelijsten."

    def add_arguments(self, parser):
        parser.add_argument("slug", help="Vaste korte naam, bijvoorbeeld 'zoetermeer'.")
        parser.add_argument("--naam", required=True, help="Naam van de organisatie.")
        parser.add_argument(
            "--gemeente",
            action="append",
            required=True,
            metavar="GM0637=Zoetermeer",
            help="CBS-code en naam van een gemeente; herhaal voor een contactgemeente.",
        )
        parser.add_argument("--codelijsten", choices=VARIANTS, default="standaard")

    def handle(self, *args, slug, naam, gemeente, codelijsten, **options):
        if Organisatie.objects.filter(slug=slug).exists():
            raise CommandError(f"Er bestaat al een organisatie met de korte naam '{slug}'.")
        gemeenten = []
        for value in gemeente:
            code, sep, gemeente_naam = value.partition("=")
            if not sep or not gemeente_naam.strip():
                raise CommandError(
                    f"'{value}' is geen geldige gemeente: schrijf CODE=Naam, bijvoorbeeld GM0637=Zoetermeer."
                )
            gemeenten.append((code.strip().upper(), gemeente_naam.strip()))
        try:
            organisatie = organisatie_create(
                slug=slug, naam=naam, gemeenten=gemeenten, codelijsten=codelijsten
            )
        except ValidationError as exc:
            raise CommandError("; ".join(exc.messages)) from exc
        self.stdout.write(
            f"Organisatie '{organisatie.slug}' aangemaakt voor {len(gemeenten)} gemeente(n), "
            f"met {organisatie.codes.count()} codes ({codelijsten})."
        )
