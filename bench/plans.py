"""The query plans of the hot pages, as PostgreSQL runs them on the data in DATABASE_URL.

    BENCH=load scripts/bench.sh --meldingen 1000000   (first, to generate the data), or
    .venv/bin/python bench/plans.py                   (against a database that has the load data)

Builds each query with the application's own selectors and filters for the first simulated
leerplichtambtenaar of the load test (bench/load.py), and prints EXPLAIN (ANALYZE, BUFFERS) with
planning and execution time. docs/performance.md shows the output at 1,000,000 meldingen.
"""

import os
import sys
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"

import django  # noqa: E402

django.setup()

from cases.filters import JongereFilter  # noqa: E402
from cases.models import Dossier, Jongere, User  # noqa: E402
from leerplicht import selectors  # noqa: E402
from leerplicht.models import Melding  # noqa: E402

PAGE = 25


def show(title: str, queryset) -> None:
    plan = queryset.explain(analyze=True, buffers=True)
    lines = plan.splitlines()
    print(f"\n## {title}\n")
    print("\n".join(lines))


def main():
    user = User.objects.get(username="load-lpa-00")
    today = date.today()
    print(f"{Melding.objects.count():,} meldingen, {Jongere.objects.count():,} jongeren")
    werkvoorraad = selectors.werkvoorraad_meldingen(user, today)
    show("Werkvoorraad (eigen): telling", werkvoorraad.filter(behandelaar=user).values("pk"))
    show("Werkvoorraad (eigen): eerste pagina", werkvoorraad.filter(behandelaar=user)[:PAGE])
    show("Werkvoorraad (team): telling", werkvoorraad.values("pk"))
    show("Werkvoorraad (team): eerste pagina", werkvoorraad[:PAGE])
    jongere = Jongere.objects.visible_to(user).exclude(bsn="").order_by("pk").first()
    search = Jongere.objects.visible_to(user).select_related("dossier")
    show("Zoeken op BSN", JongereFilter().filter_q(search, "q", jongere.bsn))
    show("Zoeken op naam (achternaam)", JongereFilter().filter_q(search, "q", jongere.achternaam)[:PAGE])
    dossier = Dossier.objects.get(pk=Melding.objects.visible_to(user).values("dossier")[:1])
    show(
        "Dossier: de meldingen van een dossier",
        Melding.objects.visible_to(user).filter(dossier=dossier).select_related("school", "reden"),
    )
    show("API meldingen: eerste pagina", selectors.meldingen_for(user).order_by("-ontvangen_op", "-pk")[:50])


if __name__ == "__main__":
    main()
