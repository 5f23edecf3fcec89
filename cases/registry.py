"""Extension points through which the team apps plug into the core without the core importing
them (arrows point one way: leerplicht/doorstroom -> cases).

Apps register in their AppConfig.ready():
- `timeline_providers`: callables (user, dossier) -> list[TimelineEntry] for the dossier page;
- `demo_loaders`: callables (organisatie, users_by_role, today, rng) adding demo data;
- `letter_sources`: what a letter can be made from (melding, vrijstelling, traject), by key.
- `termijn_signaleerders`: callables (today) -> int that store the deadline state (due soon,
  overdue) of their open items; run by the daily job `cases.termijnen_signaleren`;
- `digest_providers`: callables (user) -> list[DigestItem]: the open items assigned to `user`,
  read through `visible_to(user)`; the daily e-mail digest is built from them.
- `werkvoorraad_badges`: callables (user) -> Werkbadge | None: a count another app shows on the
  werkvoorraad and the caseload (e.g. signals waiting in the koppelingen inbox), so those pages
  show it without importing that app.
- `overdracht_handlers`: callables (actor=, dossier=, datum=) -> int that close the open items
  of a dossier handed over to another gemeente (cases/verhuizing/services.py); return how many.
- `termijn_bronnen`: TermijnBron per team app: its configurable terms with their defaults, shown
  and edited on the beheer page `termijnen` (cases/beheer/).
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

timeline_providers: list[Callable] = []
demo_loaders: list[Callable] = []
termijn_signaleerders: list[Callable] = []
digest_providers: list[Callable] = []
overdracht_handlers: list[Callable] = []
#: Templates included in the dossier page's overview (e.g. open meldingen, trajecten);
#: each receives `dossier` and `user`. Registered as (order, template name, context callable).
dossier_sections: list[tuple[int, str, Callable]] = []
#: Callables (user, dossier, today) -> str | None: a status label that replaces the obligation's
#: ("Leerplichtig") on the dossier page, e.g. "Vrijgesteld (5a)" while a vrijstelling holds.
dossier_status_providers: list[Callable] = []
werkvoorraad_badges: list[Callable] = []
#: Callables (dossier) -> a Dutch reason why no letter may be made for this dossier now, or None
#: (e.g. the BRP's geheimhouding until a person confirms the address may be used).
letter_blockers: list[Callable] = []


@dataclass(frozen=True)
class Werkbadge:
    """'3 signalen binnengekomen', linking to the page where they wait."""

    tekst: str
    aantal: int
    url: str


@dataclass(frozen=True)
class TimelineEntry:
    datum: date
    titel: str
    omschrijving: str = ""
    door: str = ""
    url: str = ""
    soort: str = ""  # e.g. "melding", "actie", "fase"; used for styling only


@dataclass(frozen=True)
class LetterSource:
    """A kind of record a letter can be made from, described by the app that owns it.

    - `load(user, pk)`: the record, starting from `visible_to(user)`; raises ObjectDoesNotExist;
    - `dossier(obj)`: its dossier (with the jongere loaded);
    - `values(obj)`: placeholder values (strings) the record adds, e.g. {"melding.soort": ...};
    - `record_action(actor=, obj=, soort=, datum=, omschrijving=)`: register the timeline action
      exactly as a case worker would by hand, and return the Actie;
    - `url(obj)`: the record's page;
    - `refusal(obj, soort)`: optional, a Dutch reason why this letter cannot be made yet, or None.
    """

    key: str
    soorten: tuple[str, ...]
    permission: str
    purpose: str
    load: Callable
    dossier: Callable
    values: Callable
    record_action: Callable
    url: Callable
    refusal: Callable | None = None


letter_sources: dict[str, LetterSource] = {}


def register_letter_source(source: LetterSource) -> None:
    letter_sources[source.key] = source


@dataclass(frozen=True)
class DigestItem:
    """One open item assigned to a user, as the digest may show it: kind, id, deadline and a
    link, never a name or another personal detail."""

    soort: str  # a stable key, e.g. "melding", "vrijstelling", "traject"
    soort_label: str  # e.g. "Melding", shown in the mail
    pk: int
    url: str  # path of the item's page; the digest makes it absolute
    termijn_label: str = ""  # e.g. "eerste contact"
    termijn_op: date | None = None
    signaal: str = ""

    @property
    def sleutel(self) -> str:
        return f"{self.soort}:{self.pk}"


@dataclass(frozen=True)
class TermijnDefinitie:
    """One configurable term with the value that applies when the organisation sets none."""

    #: Field values that identify the row of the term model (besides the organisation).
    sleutel: dict[str, str]
    omschrijving: str
    standaard_dagen: int
    standaard_eenheid: str
    standaard_vakanties_overslaan: bool
    #: Where the default comes from (a legal article, or the application's own default).
    grondslag: str


@dataclass(frozen=True)
class TermijnBron:
    """A team app's configurable terms, shown on the beheer page `termijnen` (cases/beheer/)."""

    code: str
    titel: str
    #: "app_label.ModelName" of a model with organisatie, dagen, eenheid, schoolvakanties_overslaan.
    model: str
    definities: Callable[[], list[TermijnDefinitie]]


#: Registered by the team apps; read by the beheer pages.
termijn_bronnen: list[TermijnBron] = []
