"""Extension points through which the team apps plug into the core without the core importing
them (arrows point one way: leerplicht/doorstroom -> cases).

Apps register in their AppConfig.ready():
- `timeline_providers`: callables (user, dossier) -> list[TimelineEntry] for the dossier page;
- `demo_loaders`: callables (organisatie, users_by_role, today, rng) adding demo data.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

timeline_providers: list[Callable] = []
demo_loaders: list[Callable] = []
#: Templates included in the dossier page's overview (e.g. open meldingen, trajecten);
#: each receives `dossier` and `user`. Registered as (order, template name, context callable).
dossier_sections: list[tuple[int, str, Callable]] = []


@dataclass(frozen=True)
class TimelineEntry:
    datum: date
    titel: str
    omschrijving: str = ""
    door: str = ""
    url: str = ""
    soort: str = ""  # e.g. "melding", "actie", "fase"; used for styling only
