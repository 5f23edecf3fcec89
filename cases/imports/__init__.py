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
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from ..models import CodeItem, Gemeente, Organisatie, User
from .fields import Problem, RowProblemList, RowProblems
from .reading import UnreadableFile, read_table

__all__ = ["ImportFailed", "Importer", "ImportResult", "Problem", "get_importer", "run_import"]


class ImportFailed(Exception):
    """Nothing was written; `problems` lists every one found."""

    def __init__(self, problems: list[Problem]):
        super().__init__(f"{len(problems)} problem(s)")
        self.problems = problems


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

    @classmethod
    def load(cls, organisatie, actor):
        context = cls(organisatie, actor)
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
        return gemeente

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

    def __init__(self, context: Context):
        self.context = context

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


def validate(importer: Importer, data: bytes, filename: str) -> list[tuple[int, dict]]:
    """Parse and check the whole file; raise ImportFailed with every problem."""
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
    for number, row in table.rows:
        if "__te_veel__" in row:
            problems.append(
                Problem(number, "", row["__te_veel__"], _("deze rij heeft meer cellen dan de kopregel."))
            )
            continue
        try:
            cleaned.append((number, importer.clean_row(row)))
        except RowProblems as exc:
            problems.append(Problem(number, exc.column, exc.value, exc.message))
        except RowProblemList as exc:
            problems.extend(Problem(number, p.column, p.value, p.message) for p in exc.problems)
    if not problems:
        problems = importer.check_all(cleaned)
    if problems:
        raise ImportFailed(problems)
    return cleaned


def run_import(
    *, name: str, organisatie: Organisatie, actor: User | None, data: bytes, filename: str, dry_run=False
):
    """Validate and write a file; returns the ImportResult. With dry_run the counts are computed
    and everything is rolled back (the browser's preview)."""
    importer = get_importer(name)(Context.load(organisatie, actor))
    cleaned = validate(importer, data, filename)
    with transaction.atomic():
        result = importer.write(cleaned)
        result.rows = len(cleaned)
        if dry_run:
            transaction.set_rollback(True)
    return result
