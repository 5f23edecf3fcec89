"""Importer for population figures per gemeente and schooljaar (docs/import-formats.md)."""

from django.utils.translation import gettext as _

from cases.imports import Importer, ImportFailed, ImportResult, Problem
from cases.imports.fields import Cells, RowProblems, parse_int, require
from cases.rules import Schooljaar

from .models import Populatie

FIGURES = ("leerplichtigen", "kwalificatieplichtigen", "boven_leerplichtigen", "startpopulatie_vsv")


class PopulatieImporter(Importer):
    name = "populatie"
    columns = {
        "gemeente": True,
        "schooljaar": True,
        "leerplichtigen": True,
        "kwalificatieplichtigen": False,
        "boven_leerplichtigen": False,
        "startpopulatie_vsv": False,
    }

    def clean_row(self, row):
        gemeente = self.context.gemeente(require("gemeente", row.get("gemeente", "")))
        try:
            schooljaar = Schooljaar.parse(require("schooljaar", row.get("schooljaar", "")))
        except ValueError as exc:
            raise RowProblems("schooljaar", row["schooljaar"], str(exc)) from None
        cells = Cells()
        figures = {f: cells(parse_int, f, row.get(f, "")) for f in FIGURES}
        cells.done()
        if figures["leerplichtigen"] is None:
            raise RowProblems("leerplichtigen", "", _("verplicht; deze cel is leeg."))
        return {"gemeente": gemeente, "schooljaar": schooljaar.start_year, **figures}

    def _check_rights(self, cleaned, existing) -> None:
        """Population figures are kept by the administration (cases/roles.py): each row needs
        the right the same write needs in Beheer (security round 2, point 2)."""
        context, refused = self.context, []
        for number, data in cleaned:
            current = existing.get((data["gemeente"].pk, data["schooljaar"]))
            if current is None and not context.may("reporting.add_populatie"):
                refused.append(
                    context.refused(
                        number,
                        "gemeente",
                        data["gemeente"].code,
                        _("populatiecijfers invoeren"),
                        "reporting.add_populatie",
                    )
                )
            elif (
                current is not None
                and any(getattr(current, f) != data[f] for f in FIGURES)
                and not context.may("reporting.change_populatie")
            ):
                refused.append(
                    context.refused(
                        number,
                        "gemeente",
                        data["gemeente"].code,
                        _("populatiecijfers wijzigen"),
                        "reporting.change_populatie",
                    )
                )
        if refused:
            raise ImportFailed(refused)  # inside the import's transaction: nothing is written

    def check_all(self, cleaned) -> list[Problem]:
        seen = {}
        problems = []
        for number, data in cleaned:
            key = (data["gemeente"].pk, data["schooljaar"])
            if key in seen:
                problems.append(
                    Problem(
                        number,
                        "schooljaar",
                        str(data["schooljaar"]),
                        _("deze gemeente en dit schooljaar staan al in rij %(row)s.") % {"row": seen[key]},
                    )
                )
            seen.setdefault(key, number)
        return problems

    def write(self, cleaned) -> ImportResult:
        result = ImportResult()
        existing = {
            (p.gemeente_id, p.schooljaar): p
            for p in Populatie.objects.filter(gemeente__in=[d["gemeente"] for _n, d in cleaned])
        }
        self._check_rights(cleaned, existing)
        for _number, data in cleaned:
            figures = {f: data[f] for f in FIGURES}
            current = existing.get((data["gemeente"].pk, data["schooljaar"]))
            if current is None:
                Populatie.objects.create(gemeente=data["gemeente"], schooljaar=data["schooljaar"], **figures)
                result.created += 1
            elif any(getattr(current, f) != v for f, v in figures.items()):
                for f, v in figures.items():
                    setattr(current, f, v)
                current.save()
                result.updated += 1
            else:
                result.unchanged += 1
        return result
