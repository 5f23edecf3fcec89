"""The optional ouders file (docs/import-formats.md): the ouders/verzorgers (art. 2 Lpw) of
jongeren already known, one row per ouder. The file is the source's list for each jongere in it:
ouders of source `import` are added, updated or deactivated to match it (matched on BSN, else
name); ouders typed by hand or from the BRP are never touched. A second import of the same file
changes nothing."""

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from cases.models.ouder import normalise_postcode
from cases.ouders.services import ouders_bijwerken_uit_bron

from ..constants import GegevensBron, OuderRelatie
from ..models import Jongere, Ouder
from . import Importer, ImportResult, Problem
from .fields import Cells, parse_bool, parse_bsn, parse_choice, require

#: Cells that map onto Ouder fields one to one (text).
TEXT_COLUMNS = (
    "voornamen",
    "voorvoegsel",
    "straat",
    "huisnummer",
    "postcode",
    "woonplaats",
    "telefoon",
    "email",
)


class OudersImporter(Importer):
    name = "ouders"
    columns = {
        "bsn": False,
        "jongere_id": False,
        "ouder_bsn": False,
        "achternaam": True,
        "voornamen": False,
        "voorvoegsel": False,
        "relatie": False,
        "gezag": False,
        "feitelijke_verzorging": False,
        "straat": False,
        "huisnummer": False,
        "postcode": False,
        "woonplaats": False,
        "telefoon": False,
        "email": False,
        "geheim_adres": False,
    }
    one_of = ("bsn", "jongere_id")

    def clean_row(self, row: dict[str, str]) -> dict:
        cells = Cells()
        if row.get("bsn"):
            person = ("bsn", cells(parse_bsn, "bsn", row["bsn"]))
        elif row.get("jongere_id"):
            person = ("jongere_id", row["jongere_id"])
        else:
            person = None
            cells.add("bsn", "", _("vul een BSN of een jongere_id in om de jongere te herkennen."))
        fields = {name: row.get(name, "").strip() for name in TEXT_COLUMNS}
        fields["achternaam"] = cells(require, "achternaam", row.get("achternaam", "").strip()) or ""
        fields["bsn"] = cells(parse_bsn, "ouder_bsn", row["ouder_bsn"]) if row.get("ouder_bsn") else ""
        fields["relatie"] = (
            cells(parse_choice, "relatie", row["relatie"], OuderRelatie.values)
            if row.get("relatie")
            else OuderRelatie.OUDER
        )
        for name, default in (("gezag", True), ("feitelijke_verzorging", True), ("geheim_adres", False)):
            value = cells(parse_bool, name, row.get(name, ""))
            fields[name] = default if value is None else value
        # The model's own checks (postcode, e-mail, phone), with its Dutch messages, per column.
        already = {p.column for p in cells.problems}
        candidate = Ouder(**{k: v for k, v in fields.items() if v is not None})
        candidate.postcode = normalise_postcode(candidate.postcode)
        try:
            candidate.clean_fields(exclude=["organisatie", "jongere", "bsn", "achternaam", *already])
        except ValidationError as exc:
            for name, messages in exc.message_dict.items():
                cells.add(name, row.get(name, ""), " ".join(messages))
        cells.done()
        fields["postcode"] = candidate.postcode
        return {"person": person, "fields": fields}

    def check_all(self, cleaned) -> list[Problem]:
        organisatie = self.context.organisatie
        bsns = [v for (_n, d) in cleaned for k, v in [d["person"]] if k == "bsn"]
        ids = [v for (_n, d) in cleaned for k, v in [d["person"]] if k == "jongere_id"]
        queryset = Jongere.objects.filter(organisatie=organisatie).select_related("dossier")
        found = {("bsn", j.bsn): j for j in queryset.filter(bsn__in=bsns)}
        found |= {("jongere_id", j.extern_id): j for j in queryset.filter(extern_id__in=ids)}
        problems = []
        seen: dict[tuple, int] = {}
        for number, data in cleaned:
            kind, value = data["person"]
            jongere = found.get(data["person"])
            column = "bsn" if kind == "bsn" else "jongere_id"
            if jongere is None:
                problems.append(
                    Problem(
                        number,
                        column,
                        value,
                        _(
                            "geen bekende jongere van uw organisatie; importeer eerst de meldingen of trajecten."
                        ),
                    )
                )
                continue
            if jongere.dossier.overgedragen_op is not None:
                problems.append(
                    Problem(number, column, value, _("het dossier is overgedragen aan een andere gemeente."))
                )
            ouder_bsn = data["fields"]["bsn"]
            if ouder_bsn and ouder_bsn == jongere.bsn:
                problems.append(
                    Problem(number, "ouder_bsn", ouder_bsn, _("dit is het BSN van de jongere zelf."))
                )
            key = (
                jongere.pk,
                ouder_bsn or tuple(data["fields"][n].casefold() for n in ("voornamen", "achternaam")),
            )
            if key in seen:
                problems.append(
                    Problem(
                        number,
                        "ouder_bsn" if ouder_bsn else "achternaam",
                        ouder_bsn or data["fields"]["achternaam"],
                        _("deze ouder staat voor dezelfde jongere al in rij %(row)s.") % {"row": seen[key]},
                    )
                )
            seen.setdefault(key, number)
            data["jongere"] = jongere
        return problems

    def write(self, cleaned) -> ImportResult:
        per_jongere: dict[int, tuple[Jongere, list[dict]]] = {}
        for _number, data in cleaned:
            jongere = data["jongere"]
            per_jongere.setdefault(jongere.pk, (jongere, []))[1].append(data["fields"])
        before = {
            o.pk: o.versie
            for o in Ouder.objects.filter(jongere_id__in=per_jongere, bron=GegevensBron.IMPORT, actief=True)
        }
        result = ImportResult()
        today = timezone.localdate()
        for jongere, ouders in per_jongere.values():
            for ouder in ouders_bijwerken_uit_bron(
                actor=self.context.actor,
                jongere=jongere,
                ouders=ouders,
                bron=GegevensBron.IMPORT,
                bron_datum=today,
            ):
                if ouder.pk not in before:
                    result.created += 1
                elif before[ouder.pk] != ouder.versie:
                    result.updated += 1
                else:
                    result.unchanged += 1
        return result
