"""Importer for population figures per gemeente and schooljaar (docs/import-formats.md)."""

from django.utils.translation import gettext as _

from cases.imports import Importer, ImportResult, Problem
from cases.imports.fields import RowProblems, parse_int, require
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
        figures = {f: parse_int(f, row.get(f, "")) for f in FIGURES}
        if figures["leerplichtigen"] is None:
            raise RowProblems("leerplichtigen", "", _("verplicht; deze cel is leeg."))
        return {"gemeente": gemeente, "schooljaar": schooljaar.start_year, **figures}

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
