"""Resolving the jongere of an import row by BSN or the source system's person key."""

from datetime import date

from django.utils import timezone
from django.utils.translation import gettext as _

from cases.platform.bulk import create_batch_size, update_batch_size
from cases.privacy.audit import log_bulk

from ..constants import AuditAction, Verwerkingsactiviteit
from ..models import Dossier, Gemeente, Jongere, Organisatie
from . import Importer, ImportFailed, ImportResult, Problem
from .fields import RowProblems, parse_bsn, parse_choice, parse_date, require

UNKNOWN_NAME = "(onbekend)"


class Persons:
    """Collects the persons of a file, checks their birth dates agree, and creates the new ones
    in bulk. Existing jongeren are loaded with one query per key kind."""

    def __init__(self, organisatie: Organisatie):
        self.organisatie = organisatie
        self.seen: dict[tuple[str, str], dict] = {}

    def key_of(self, row: dict) -> tuple[str, str]:
        if row.get("bsn"):
            return ("bsn", parse_bsn("bsn", row["bsn"]))
        if row.get("jongere_id"):
            return ("jongere_id", row["jongere_id"])
        raise RowProblems("bsn", "", _("vul een BSN of een jongere_id in om de jongere te herkennen."))

    def note(self, row: dict, gemeente: Gemeente) -> tuple[str, str]:
        key = self.key_of(row)
        geboortedatum = parse_date("geboortedatum", require("geboortedatum", row.get("geboortedatum", "")))
        if geboortedatum > timezone.localdate():
            raise RowProblems(
                "geboortedatum",
                row.get("geboortedatum", ""),
                _("ligt in de toekomst; dat kan geen geboortedatum zijn."),
            )
        known = self.seen.get(key)
        if known and known["geboortedatum"] != geboortedatum:
            raise RowProblems(
                "geboortedatum",
                row.get("geboortedatum", ""),
                _("deze jongere staat eerder in het bestand met geboortedatum %(d)s.")
                % {"d": known["geboortedatum"].strftime("%d-%m-%Y")},
            )
        if not known:
            self.seen[key] = {
                "geboortedatum": geboortedatum,
                "gemeente": gemeente,
                "voornamen": row.get("voornamen", "") or UNKNOWN_NAME,
                "achternaam": row.get("achternaam", "") or UNKNOWN_NAME,
                "geslacht": row.get("geslacht", "").lower(),
            }
        return key

    def load_existing(self) -> dict[tuple[str, str], Jongere]:
        bsns = [v for k, v in self.seen if k == "bsn"]
        ids = [v for k, v in self.seen if k == "jongere_id"]
        existing = {}
        queryset = Jongere.objects.filter(organisatie=self.organisatie).select_related("dossier")
        for jongere in queryset.filter(bsn__in=bsns):
            existing[("bsn", jongere.bsn)] = jongere
        for jongere in queryset.filter(extern_id__in=ids):
            existing[("jongere_id", jongere.extern_id)] = jongere
        return existing

    def birth_date_conflicts(self, existing: dict) -> list[tuple[tuple[str, str], date]]:
        return [
            (key, self.seen[key]["geboortedatum"])
            for key, jongere in existing.items()
            if jongere.geboortedatum != self.seen[key]["geboortedatum"]
        ]

    def create_missing(self, existing: dict) -> dict[tuple[str, str], Jongere]:
        """Create the jongeren (with dossiers) not in the database yet; returns all of them."""
        missing = [key for key in self.seen if key not in existing]
        created = Jongere.objects.bulk_create(
            (
                Jongere(
                    organisatie=self.organisatie,
                    bsn=value if kind == "bsn" else "",
                    extern_id=value if kind == "jongere_id" else "",
                    voornamen=self.seen[(kind, value)]["voornamen"],
                    achternaam=self.seen[(kind, value)]["achternaam"],
                    geboortedatum=self.seen[(kind, value)]["geboortedatum"],
                    geslacht=self.seen[(kind, value)]["geslacht"],
                    woongemeente=self.seen[(kind, value)]["gemeente"],
                )
                for kind, value in missing
            ),
            batch_size=create_batch_size(Jongere),
        )
        dossiers = Dossier.objects.bulk_create(
            (Dossier(jongere=j) for j in created), batch_size=create_batch_size(Dossier)
        )
        for jongere, dossier in zip(created, dossiers, strict=True):
            jongere.dossier = dossier
        return {**existing, **dict(zip(missing, created, strict=True))}


def _shown(value) -> str:
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, bool):
        return "ja" if value else "nee"
    return str(getattr(value, "label", value))


PERSON_COLUMNS = {
    "extern_id": True,
    "gemeente": True,
    "bsn": False,
    "jongere_id": False,
    "achternaam": False,
    "voornamen": False,
    "geboortedatum": True,
    "geslacht": False,
}


class PersonImporter(Importer):
    """Shared by importers whose rows are about a jongere and carry an extern_id.

    Each row needs the right the same write needs in the browser (security round 2, point 2):
    `add_permission` for a new record, `change_permission` for a change to an existing one and
    for a new record that already carries what the browser only lets a case worker do
    (`decision_fields`: closing, a besluit, a result).
    """

    one_of = ("bsn", "jongere_id")
    model = None
    max_lengths = {"extern_id": 64, "jongere_id": 64, "voornamen": 200, "achternaam": 200}
    # Several kinds create jongeren: their imports wait for each other (one BSN, one jongere).
    shared_locks = ("jongeren",)
    add_permission = ""
    change_permission = ""
    #: What the user may not do without the permission, for the problem's message.
    add_what = ""
    change_what = ""
    #: Cleaned fields that, when filled on a new record, are a decision: {field: what}.
    decision_fields: dict = {}
    #: Decision fields for which `False` (a "nee") is a decision too, not an empty cell.
    decision_false: tuple[str, ...] = ()

    def __init__(self, context):
        super().__init__(context)
        self.persons = Persons(context.organisatie)
        self.first_row_of: dict = {}

    def clean_person(self, row, cells) -> tuple:
        """The person key and gemeente of a row (None where a cell has a problem)."""
        cells(require, "extern_id", row.get("extern_id", ""))
        gemeente = cells(self.context.gemeente, row.get("gemeente", "")) if row.get("gemeente") else None
        if not row.get("gemeente"):
            cells.add("gemeente", "", _("verplicht; deze cel is leeg."))
        if row.get("geslacht"):
            cells(parse_choice, "geslacht", row["geslacht"], ["m", "v", "x"])
        key = cells(self.persons.note, row, gemeente) if gemeente else cells(self.persons.key_of, row)
        return key, gemeente

    def check_all(self, cleaned) -> list[Problem]:
        problems = []
        seen_ids = {}
        for number, data in cleaned:
            if data["extern_id"] in seen_ids:
                problems.append(
                    Problem(
                        number,
                        "extern_id",
                        data["extern_id"],
                        _("staat al in rij %(row)s; elk record hoort één keer in het bestand.")
                        % {"row": seen_ids[data["extern_id"]]},
                    )
                )
            seen_ids.setdefault(data["extern_id"], number)
            self.first_row_of.setdefault(data["person"], number)
        existing = self.persons.load_existing()
        problems += self._check_persons(existing)
        self.existing_persons = existing
        self.existing_records = {
            obj.extern_id: obj
            for obj in self.model.objects.filter(
                organisatie=self.context.organisatie, extern_id__in=[d["extern_id"] for _n, d in cleaned]
            ).select_related("dossier__jongere")
        }
        problems += self._check_rights(cleaned)
        return problems

    def _check_persons(self, existing: dict) -> list[Problem]:
        """Existing jongeren outside the user's gemeenten are refused as the browser refuses
        them; for the others a different birth date is only confirmed or denied, never shown
        (security round 2, point 3), and every one of them is logged as looked up."""
        problems = []
        context = self.context
        hidden = {
            key
            for key, jongere in existing.items()
            if not context.in_scope(jongere.woongemeente_id)
            or (context.actor is not None and not context.actor.has_perm("cases.view_jongere"))
        }
        for key in sorted(hidden, key=self.first_row_of.__getitem__):
            problems.append(
                Problem(
                    self.first_row_of[key],
                    key[0],
                    key[1],
                    _("deze jongere valt buiten uw gemeenten; vraag een collega."),
                )
            )
        self.looked_up = [jongere for key, jongere in existing.items() if key not in hidden]
        for key, given in self.persons.birth_date_conflicts(existing):
            if key in hidden:
                continue
            problems.append(
                Problem(
                    self.first_row_of[key],
                    "geboortedatum",
                    given.isoformat(),
                    _("bij dit %(key)s hoort een andere geboortedatum; controleer %(key)s en geboortedatum.")
                    % {"key": "BSN" if key[0] == "bsn" else "jongere_id"},
                )
            )
        if not context.may("cases.add_jongere") and len(existing) < len(self.persons.seen):
            new_key = next(key for key in self.persons.seen if key not in existing)
            problems.append(
                context.refused(
                    self.first_row_of[new_key],
                    new_key[0],
                    new_key[1],
                    _("jongeren registreren"),
                    "cases.add_jongere",
                )
            )
        return problems

    def _check_rights(self, cleaned) -> list[Problem]:
        """New records need the add right, and the change right when they carry a decision;
        records of jongeren outside the user's gemeenten are not touched. Changes to existing
        records are checked in upsert, where it is known whether anything changes."""
        problems = []
        context = self.context
        may_add, may_change = context.may(self.add_permission), context.may(self.change_permission)
        looked_up = {jongere.pk for jongere in self.looked_up}
        for number, data in cleaned:
            obj = self.existing_records.get(data["extern_id"])
            if obj is not None:
                jongere = obj.dossier.jongere
                if context.in_scope(jongere.woongemeente_id) and jongere.pk not in looked_up:
                    looked_up.add(jongere.pk)  # its record was looked up: logged as well
                    self.looked_up.append(jongere)
                if not context.in_scope(jongere.woongemeente_id):
                    problems.append(
                        Problem(
                            number,
                            "extern_id",
                            data["extern_id"],
                            _("dit record hoort bij een jongere buiten uw gemeenten; vraag een collega."),
                        )
                    )
                continue
            if not may_add:
                problems.append(
                    context.refused(
                        number, "extern_id", data["extern_id"], self.add_what, self.add_permission
                    )
                )
                continue
            if may_change:
                continue
            for name, what in self.decision_fields.items():
                value = data.get(name)
                if value is None or value == "" or (value is False and name not in self.decision_false):
                    continue
                problems.append(
                    context.refused(number, name, _shown(data[name]), what, self.change_permission)
                )
        return problems

    def upsert(self, cleaned, build_fields, after_create=None) -> ImportResult:
        """Create or update by extern_id; unchanged records are left alone (a second import of
        the same file changes nothing)."""
        jongeren = self.persons.create_missing(self.existing_persons)
        organisatie = self.context.organisatie
        existing = self.existing_records
        may_change = self.context.may(self.change_permission)
        refused = []
        result = ImportResult()
        new, changed = [], []
        changed_fields: set[str] = set()
        for number, data in cleaned:
            jongere = jongeren[data["person"]]
            fields = build_fields(data, jongere)
            obj = existing.get(data["extern_id"])
            if obj is None:
                new.append(
                    (
                        self.model(
                            dossier=jongere.dossier,
                            organisatie=organisatie,
                            extern_id=data["extern_id"],
                            **fields,
                        ),
                        jongere,
                    )
                )
                continue
            diff = {k: v for k, v in fields.items() if getattr(obj, k) != v}
            if obj.dossier_id != jongere.dossier.pk:
                diff["dossier_id"] = jongere.dossier.pk
            if not diff:
                result.unchanged += 1
                continue
            if not may_change:
                refused.append(
                    self.context.refused(
                        number, "extern_id", data["extern_id"], self.change_what, self.change_permission
                    )
                )
                continue
            for key, value in diff.items():
                setattr(obj, key, value)
            obj.versie += 1
            changed_fields |= set(diff) | {"versie"}
            changed.append((obj, jongere))
        if refused:
            raise ImportFailed(refused)  # inside the import's transaction: nothing is kept
        created = self.model.objects.bulk_create(
            [obj for obj, _j in new], batch_size=create_batch_size(self.model)
        )
        if changed:
            self.model.objects.bulk_update(
                [obj for obj, _j in changed],
                sorted(changed_fields),
                batch_size=update_batch_size(changed_fields),
            )
        result.created, result.updated = len(created), len(changed)
        if after_create:
            after_create([(obj, j) for obj, (_o, j) in zip(created, new, strict=True)])
        purpose = Verwerkingsactiviteit.REGISTRATIE
        log_bulk(
            actor=self.context.actor,
            organisatie_id=organisatie.pk,
            action=AuditAction.AANMAKEN,
            purpose=purpose,
            objects=[(obj, j) for obj, (_o, j) in zip(created, new, strict=True)],
        )
        log_bulk(
            actor=self.context.actor,
            organisatie_id=organisatie.pk,
            action=AuditAction.WIJZIGEN,
            purpose=purpose,
            objects=changed,
        )
        return result
