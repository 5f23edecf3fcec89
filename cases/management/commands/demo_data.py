from django.core.management.base import BaseCommand, CommandError

from cases.demo import DEMO_PASSWORD, ORGANISATIONS, USERS, demo_allowed, load_demo


class Command(BaseCommand):
    help = "Laadt fictieve demogegevens (alleen met ontwikkelinstellingen)."

    def handle(self, *args, **options):
        if not demo_allowed():
            raise CommandError(
                "Demogegevens zijn alleen toegestaan met de ontwikkelinstellingen (config.settings.dev)."
            )
        loaded = load_demo()
        if loaded:
            self.stdout.write(f"Demogegevens geladen voor: {', '.join(loaded)}.")
        else:
            self.stdout.write("Demogegevens waren al geladen.")
        self.stdout.write(f"Demo-gebruikers (wachtwoord '{DEMO_PASSWORD}'):")
        for spec in ORGANISATIONS:
            names = ", ".join(username + spec["suffix"] for username, *_rest in USERS)
            self.stdout.write(f"  {spec['naam']}: {names}")
