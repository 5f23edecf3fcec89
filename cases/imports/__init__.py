"""File imports (public contract: docs/import-formats.md).

The whole file is validated first; if any row is invalid nothing is written and every problem
is reported at once (row, column, value, Dutch message). A valid file is written in one
transaction. A row whose `extern_id` exists updates that record, so importing a file twice
changes nothing. Each app provides an `Importer` for its records (settings.IMPORTERS).

This package: `reading` (CSV/XLSX to rows), `fields` (column parsing and problems), `persons`
(the jongere columns every file shares), `records` (the ImportRecord lifecycle: preview,
confirm), `models` (ImportRecord) and `views` (upload, preview, confirm, progress).
"""

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils.module_loading import import_string
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from ..models import CodeItem, Gemeente, Organisatie, User
from .fields import Problem, RowProblemList, RowProblems, check_length
from .locking import lock_import
from .reading import MAX_CELL_CHARS, TOO_LONG, TOO_MANY, UnreadableFile, read_table

#: Problems collected per file; the rest are counted ("en nog N problemen").
MAX_PROBLEMS = 1000
#: Rows between two progress updates of a running check or import.
PROGRESS_EVERY = 1000

__all__ = ["ImportFailed", "Importer", "ImportResult", "Problem", "get_importer", "run_import"]


class ImportFailed(Exception):
    """Nothing was written; `problems` lists every one found."""

    def __init__(self, problems: list[Problem], more: int = 0):
        super().__init__(f"{len(problems) + more} problem(s)")
        self.problems = problems[:MAX_PROBLEMS]
        #: Problems found but not kept (over MAX_PROBLEMS).
        self.more = more + max(0, len(problems) - MAX_PROBLEMS)

    @property
    def total(self) -> int:
        return len(self.problems) + self.more


@dataclass
class ImportResult:
    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0


@dataclass
class Context:
    """What an importer needs to look up, loaded once per file."""

    organisatie: Organisatie
    actor: User | None
    gemeenten: dict[str, Gemeente] = field(default_factory=dict)
    codes: dict[tuple[str, str], CodeItem] = field(default_factory=dict)
    #: The gemeenten (pk) a user restricted to some gemeenten may write in; None: all of them.
    scope: set[int] | None = None

    @classmethod
    def load(cls, organisatie, actor):
        context = cls(organisatie, actor)
        if actor is not None:
            context.scope = set(actor.gemeenten.values_list("pk", flat=True)) or None
        for gemeente in organisatie.gemeenten.all():
            context.gemeenten[gemeente.code.lower()] = gemeente
            context.gemeenten[gemeente.naam.lower()] = gemeente
        for item in CodeItem.objects.filter(organisatie=organisatie):
            context.codes[(item.lijst, item.label.strip().lower())] = item
            if item.categorie:
                context.codes[(item.lijst, f"{item.categorie.lower()}|{item.label.strip().lower()}")] = item
        return context

    def gemeente(self, value: str) -> Gemeente:
        gemeente = self.gemeenten.get(value.strip().lower())
        if gemeente is None:
            names = sorted({g.naam for g in self.gemeenten.values()})
            raise RowProblems(
                "gemeente",
                value,
                _("geen gemeente van deze organisatie; gebruik de CBS-code (GM0637) of de naam: %(names)s.")
                % {"names": ", ".join(names)},
            )
        if not self.in_scope(gemeente.pk):
            # The same rule as the browser: a user restricted to some gemeenten writes only there.
            allowed = sorted({g.naam for g in self.gemeenten.values() if g.pk in self.scope})
            raise RowProblems(
                "gemeente",
                value,
                _("valt buiten uw gemeenten; u mag alleen gegevens importeren van: %(names)s.")
                % {"names": ", ".join(allowed)},
            )
        return gemeente

    def in_scope(self, gemeente_id: int | None) -> bool:
        return self.scope is None or gemeente_id in self.scope

    def may(self, permission: str) -> bool:
        """Whether the importing user holds `permission`; the command line (no user) is the
        operator's tool and may do everything."""
        return self.actor is None or self.actor.has_perm(permission)

    def refused(self, number: int, column: str, value: str, what: str, permission: str) -> Problem:
        """A row that needs a right the user lacks, named as the browser's role table names it."""
        return Problem(
            number,
            column,
            value,
            _(
                "%(what)s vraagt het recht '%(perm)s', dat uw rol niet heeft; laat dit weg of "
                "vraag een collega met dat recht."
            )
            % {"what": capfirst(str(what)), "perm": permission},
        )

    def code(self, column: str, value: str, lijsten: list[str]) -> CodeItem | None:
        if not value:
            return None
        for lijst in lijsten:
            item = self.codes.get((lijst, value.strip().lower()))
            if item is not None:
                return item
        labels = [i.label for (lijst, _k), i in self.codes.items() if lijst in lijsten and i.actief]
        raise RowProblems(
            column,
            value,
            _("onbekend label; toegestaan: %(labels)s.") % {"labels": ", ".join(dict.fromkeys(labels))},
        )


class Importer:
    """One record type. Subclasses set `columns` ({name: required}) and implement
    `clean_row` (returns cleaned data or raises RowProblems) and `write` (in a transaction)."""

    name = ""
    columns: dict[str, bool] = {}
    #: Columns of which at least one must be filled (e.g. bsn or jongere_id).
    one_of: tuple[str, ...] = ()
    #: Longest text per column (the database column's length).
    max_lengths: dict[str, int] = {}
    #: Serialised with other imports that take the same extra lock (see locking.py).
    shared_locks: tuple[str, ...] = ()

    def __init__(self, context: Context):
        self.context = context
        #: Existing jongeren this import looked up (visible to the user); logged as consulted.
        self.looked_up: list = []

    def clean_row(self, row: dict[str, str]) -> dict:
        raise NotImplementedError

    def check_all(self, cleaned: list[tuple[int, dict]]) -> list[Problem]:
        """Checks that need the whole file (and the database); default none."""
        return []

    def write(self, cleaned: list[tuple[int, dict]]) -> ImportResult:
        raise NotImplementedError


def get_importer(name: str) -> type[Importer]:
    try:
        return import_string(settings.IMPORTERS[name])
    except KeyError:
        raise ValueError(
            _("Onbekend soort import '%(name)s'; kies uit: %(names)s.")
            % {"name": name, "names": ", ".join(settings.IMPORTERS)}
        ) from None


def checksum(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


Progress = Callable[[int, int], None]


def clean_file(importer: Importer, data: bytes, filename: str, progress: Progress | None = None):
    """Parse the file and check every row on its own; raise ImportFailed with every problem
    (up to MAX_PROBLEMS, the rest counted). Needs no lock: reads no records."""
    try:
        table = read_table(data, filename)
    except UnreadableFile as exc:
        raise ImportFailed([Problem(1, "", "", exc.message)]) from None
    problems = []
    known = set(importer.columns)
    unknown = [h for h in table.headers if h and h not in known]
    for header in unknown:
        problems.append(
            Problem(
                1,
                header,
                header,
                _("onbekende kolom; toegestaan zijn: %(cols)s.") % {"cols": ", ".join(importer.columns)},
            )
        )
    missing = [c for c, required in importer.columns.items() if required and c not in table.headers]
    for column in missing:
        problems.append(Problem(1, column, "", _("verplichte kolom ontbreekt in de kopregel.")))
    if importer.one_of and not set(importer.one_of) & set(table.headers):
        problems.append(
            Problem(
                1, "/".join(importer.one_of), "", _("de kopregel moet minstens een van deze kolommen hebben.")
            )
        )
    if problems:
        raise ImportFailed(problems)
    if not table.rows:
        raise ImportFailed([Problem(1, "", "", _("het bestand bevat geen gegevensregels."))])
    cleaned = []
    more = 0
    total = len(table.rows)
    for index, (number, row) in enumerate(table.rows, start=1):
        if progress and index % PROGRESS_EVERY == 0:
            progress(index, total)
        found = _row_problems(importer, number, row)
        if not found:
            try:
                cleaned.append((number, importer.clean_row(row)))
            except RowProblems as exc:
                found = [Problem(number, exc.column, exc.value, exc.message)]
            except RowProblemList as exc:
                found = [Problem(number, p.column, p.value, p.message) for p in exc.problems]
        room = MAX_PROBLEMS - len(problems)
        problems.extend(found[:room])
        more += max(0, len(found) - room)
    if progress:
        progress(total, total)
    if problems:
        raise ImportFailed(problems, more)
    return cleaned


def _row_problems(importer: Importer, number: int, row: dict) -> list[Problem]:
    """Cells over a limit: reported instead of parsing the row further."""
    found = []
    if TOO_MANY in row:
        found.append(Problem(number, "", row[TOO_MANY], _("deze rij heeft meer cellen dan de kopregel.")))
    for column in filter(None, row.get(TOO_LONG, "").split(";")):
        found.append(
            Problem(
                number,
                column,
                row[column],
                _("de cel is langer dan %(max)s tekens.") % {"max": MAX_CELL_CHARS},
            )
        )
    too_long = {p.column for p in found}
    for column, max_length in importer.max_lengths.items():
        if column in too_long:
            continue
        try:
            check_length(column, row.get(column, ""), max_length)
        except RowProblems as exc:
            found.append(Problem(number, exc.column, exc.value, exc.message))
    return found


def validate(importer: Importer, data: bytes, filename: str) -> list[tuple[int, dict]]:
    """Parse and check the whole file, including against the database; raise ImportFailed."""
    cleaned = clean_file(importer, data, filename)
    problems = importer.check_all(cleaned)
    if problems:
        raise ImportFailed(problems)
    return cleaned


def run_import(
    *,
    name: str,
    organisatie: Organisatie,
    actor: User | None,
    data: bytes,
    filename: str,
    dry_run=False,
    progress: Progress | None = None,
):
    """Validate and write a file; returns the ImportResult. With dry_run the counts are computed
    and everything is rolled back (the browser's preview).

    The checks against the database and the writes run under a lock per organisation and kind
    (locking.py), so two imports of the same file cannot both find a record missing and both
    create it. Existing jongeren the import looked up are logged as consulted, also when the
    file is refused or only previewed (the log entry outlives the rolled-back transaction)."""
    importer = get_importer(name)(Context.load(organisatie, actor))
    cleaned = clean_file(importer, data, filename, progress)
    try:
        with transaction.atomic():
            lock_import(organisatie.pk, name, *importer.shared_locks)
            problems = importer.check_all(cleaned)
            if problems:
                raise ImportFailed(problems)
            result = importer.write(cleaned)
            result.rows = len(cleaned)
            if dry_run:
                transaction.set_rollback(True)
    except IntegrityError:
        # Reachable when the lock is not available (SQLite), or a colleague registered the same
        # BSN in the browser at the same moment; nothing of this file was written.
        raise ImportFailed(
            [
                Problem(
                    1,
                    "",
                    "",
                    _(
                        "De database weigerde het bestand, meestal omdat tegelijk een ander bestand "
                        "of een collega dezelfde gegevens opsloeg; er is niets opgeslagen. Probeer "
                        "het opnieuw."
                    ),
                )
            ]
        ) from None
    finally:
        _log_lookups(importer, organisatie)
    return result


def _log_lookups(importer: Importer, organisatie: Organisatie) -> None:
    """Every existing jongere the import matched was consulted (AVG art. 30 processing log)."""
    if not importer.looked_up:
        return
    from cases.privacy.audit import log_bulk

    from ..constants import AuditAction, Verwerkingsactiviteit

    log_bulk(
        actor=importer.context.actor,
        organisatie_id=organisatie.pk,
        action=AuditAction.ZOEKEN,
        purpose=Verwerkingsactiviteit.REGISTRATIE,
        objects=[(jongere, jongere) for jongere in importer.looked_up],
    )
