"""The controle: cross-table invariants checked on every report before anyone downloads it.

Every table is built from its own query, so a contradiction in the records (a closed melding
without a result, a melding in a gemeente the organisation does not serve, a code from another
list) shows up as two tables that disagree. The controle names each disagreement in Dutch; the
Rapportages page and the Inhoud sheet of the XLSX list them. It reads only the built tables
(and the few figures in `Report.feiten`), so it adds no query.
"""

from django.utils.translation import gettext as _

from leerplicht.constants import MeldingSoort
from reporting.tables.base import Report, Table

#: Columns that are not additive counts: shares, and distinct persons or households.
NOT_ADDITIVE = {"percentage", "jongeren", "gezinnen", "vorig_jaar", "verschil"}


def _n(value) -> str:
    return f"{value:,}".replace(",", ".") if isinstance(value, int) else str(value)


def _count_columns(table: Table) -> list[str]:
    return [c.key for c in table.columns if c.key not in NOT_ADDITIVE and not c.percentage]


def rows_add_up(table: Table) -> list[str]:
    """The top-level rows add up to the Totaal row; detail rows add up to their category."""
    problems = []
    if not table.has_total:
        return problems
    for key in _count_columns(table):
        total = table.total.get(key)
        if total is None:
            continue
        som = sum(r.values.get(key) or 0 for r in table.rows if r.level == 0)
        if som != total:
            problems.append(
                _("Tabel ‘%(titel)s’: de regels tellen op tot %(som)s, maar het totaal is %(totaal)s.")
                % {"titel": table.titel, "som": _n(som), "totaal": _n(total)}
            )
    # Detail rows (level 1) below a category (level 0), where the detail rows carry counts.
    key = "aantal"
    parent, children = None, []
    for row in [*table.rows, None]:
        if row is None or row.level == 0:
            if parent is not None and children and key in parent.values:
                som = sum(c.values.get(key) or 0 for c in children)
                if som != parent.values[key]:
                    problems.append(
                        _("Tabel ‘%(titel)s’: de regels onder ‘%(regel)s’ tellen op tot %(som)s, niet %(n)s.")
                        % {
                            "titel": table.titel,
                            "regel": parent.label,
                            "som": _n(som),
                            "n": _n(parent.values[key]),
                        }
                    )
            parent, children = row, []
        else:
            children.append(row)
    return problems


def columns_add_up(table: Table) -> list[str]:
    """In a table with a `totaal` column, the count columns before it add up to it, per row
    (per gemeente, wettelijk + licht, per leeftijd, per onderwijskolom)."""
    keys = [c.key for c in table.columns]
    if "totaal" not in keys or not table.has_total:
        return []
    parts = [k for k in keys[: keys.index("totaal")] if k not in NOT_ADDITIVE]
    problems = []
    for row in [*table.rows, None]:
        values = table.total if row is None else row.values
        if values.get("totaal") is None:
            continue
        som = sum(values.get(k) or 0 for k in parts)
        if som != values["totaal"]:
            problems.append(
                _(
                    "Tabel ‘%(titel)s’, regel ‘%(regel)s’: de kolommen tellen op tot %(som)s, maar het totaal is %(totaal)s."
                )
                % {
                    "titel": table.titel,
                    "regel": _("Totaal") if row is None else row.label,
                    "som": _n(som),
                    "totaal": _n(values["totaal"]),
                }
            )
    return problems


class _Lookup:
    def __init__(self, report: Report):
        self.tables = {t.id: t for t in report.tables}

    def total(self, table_id, key="aantal"):
        table = self.tables.get(table_id)
        return None if table is None or not table.has_total else table.total.get(key)

    def row(self, table_id, label, key="aantal"):
        table = self.tables.get(table_id)
        if table is None:
            return None
        return next((r.values.get(key) for r in table.rows if str(r.label) == str(label)), None)

    def titel(self, table_id):
        return self.tables[table_id].titel


def _same(look: _Lookup, problems: list, a: tuple, b: tuple, wat: str) -> None:
    """Two figures that count the same thing must be equal."""
    (table_a, value_a), (table_b, value_b) = a, b
    if value_a is None or value_b is None or value_a == value_b:
        return
    problems.append(
        _("%(wat)s: %(a)s in ‘%(ta)s’, maar %(b)s in ‘%(tb)s’.")
        % {
            "wat": wat,
            "a": _n(value_a),
            "ta": look.titel(table_a),
            "b": _n(value_b),
            "tb": look.titel(table_b),
        }
    )


def cross_table(report: Report) -> list[str]:
    look = _Lookup(report)
    problems: list[str] = []
    per_soort = "meldingen_per_soort"
    for soort, ids in (
        (MeldingSoort.ABSOLUUT, ["absoluut_redenen", "absoluut_resultaten", "absoluut_onderwijssector"]),
        (MeldingSoort.LUXE, ["luxe_redenen", "luxe_resultaten"]),
        (
            MeldingSoort.THUISZITTER,
            [
                "thuiszitters_redenen",
                "thuiszitters_resultaten",
                "thuiszitters_leeftijd",
                "thuiszitters_sector",
            ],
        ),
        (MeldingSoort.ZORG, ["zorg_redenen", "zorg_resultaten"]),
    ):
        if per_soort not in look.tables:
            break
        n = look.row(per_soort, soort.label)
        for table_id in ids:
            if table_id in look.tables:
                _same(
                    look,
                    problems,
                    (per_soort, n),
                    (table_id, look.total(table_id)),
                    _("Meldingen %(soort)s") % {"soort": soort.label.lower()},
                )
    if per_soort in look.tables:
        relatief = (look.row(per_soort, MeldingSoort.RELATIEF_WETTELIJK.label) or 0) + (
            look.row(per_soort, MeldingSoort.RELATIEF_LICHT.label) or 0
        )
        for table_id in ("relatief_onderwijssoort", "relatief_redenen", "relatief_resultaten"):
            if table_id in look.tables:
                _same(
                    look,
                    problems,
                    (per_soort, relatief),
                    (table_id, look.total(table_id, "totaal")),
                    _("Meldingen relatief verzuim"),
                )
    kern = look.tables.get("kerncijfers")
    if kern is not None:
        total_key = "totaal" if any(c.key == "totaal" for c in kern.columns) else "aantal"
        meldingen = look.row("kerncijfers", _("Meldingen verzuim en zorg"), total_key)
        aanvragen = look.row("kerncijfers", _("Aanvragen vrijstelling en verlof"), total_key)
        if per_soort in look.tables and meldingen is not None:
            _same(
                look,
                problems,
                ("kerncijfers", meldingen + (aanvragen or 0)),
                (per_soort, look.total(per_soort)),
                _("Meldingen en aanvragen samen"),
            )
        _same(
            look,
            problems,
            ("kerncijfers", meldingen),
            ("resultaten_samenvatting", look.total("resultaten_samenvatting")),
            _("Alle meldingen"),
        )
        _same(
            look,
            problems,
            ("kerncijfers", aanvragen),
            ("vrijstellingen", look.total("vrijstellingen", "totaal")),
            _("Aanvragen vrijstelling"),
        )
        if total_key == "totaal":
            # The per-gemeente columns add up to the organisation's figure.
            gemeente_keys = [c.key for c in kern.columns if c.key not in ("totaal", "vorig_jaar", "verschil")]
            for label in (_("Meldingen verzuim en zorg"), _("Aanvragen vrijstelling en verlof")):
                row = next((r for r in kern.rows if str(r.label) == str(label)), None)
                if row is None or row.values.get("totaal") is None:
                    continue
                som = sum(row.values.get(k) or 0 for k in gemeente_keys)
                if som != row.values["totaal"]:
                    problems.append(
                        _(
                            "‘%(regel)s’: de gemeenten tellen op tot %(som)s, maar de organisatie heeft er "
                            "%(totaal)s. Controleer de gemeente van de meldingen: een gemeente die niet bij "
                            "de organisatie hoort telt niet per gemeente mee."
                        )
                        % {"regel": label, "som": _n(som), "totaal": _n(row.values["totaal"])}
                    )
    for gemeente_table, whole_table, key in (
        ("relatief_per_gemeente", "relatief_resultaten", "totaal"),
        ("vrijstellingen_per_gemeente", "vrijstellingen", "totaal"),
        ("doorstroom_resultaten_per_gemeente", "vsv_begeleiding", "aantal"),
    ):
        if gemeente_table in look.tables and whole_table in look.tables:
            _same(
                look,
                problems,
                (whole_table, look.total(whole_table, key)),
                (gemeente_table, look.total(gemeente_table, "totaal")),
                _("Per gemeente tegen de hele organisatie"),
            )
    uitvallers = [
        "vsv_begeleiding",
        "vsv_onderwijsachtergrond_leeftijd",
        "vsv_geslacht",
        "vsv_uitstroom_vergelijking",
    ]
    if "vsv_kerncijfers" in look.tables:
        gestopt = (
            "vsv_kerncijfers",
            look.row("vsv_kerncijfers", _("Jongeren tijdelijk gestopt (uitvallers)")),
        )
        for table_id in uitvallers:
            if table_id in look.tables:
                key = "totaal" if table_id == "vsv_onderwijsachtergrond_leeftijd" else "aantal"
                _same(
                    look,
                    problems,
                    gestopt,
                    (table_id, look.total(table_id, key)),
                    _("Uitvallers (nieuwe vsv)"),
                )
    if "vsv_begeleiding" in look.tables and "vsv_uitstroom" in look.tables:
        _same(
            look,
            problems,
            ("vsv_begeleiding", look.row("vsv_begeleiding", "Begeleid")),
            ("vsv_uitstroom", look.total("vsv_uitstroom")),
            _("Begeleide uitvallers"),
        )
    for a, b, key_a, wat in (
        ("oud_vsv", "oud_vsv_uitstroom", "aantal", _("Oud-vsv'ers")),
        ("kwetsbare_jongeren_leeftijd", "kwetsbare_jongeren_uitstroom", "totaal", _("Kwetsbare jongeren")),
    ):
        if a in look.tables and b in look.tables:
            _same(look, problems, (a, look.total(a, key_a)), (b, look.total(b)), wat)
    for soort, n in sorted(report.feiten.get("afgesloten_zonder_resultaat", {}).items()):
        if n:
            problems.append(
                _(
                    "%(n)s afgesloten melding(en) %(soort)s hebben geen resultaat; ze staan in de "
                    "resultatentabel onder ‘Onbekend / niet geregistreerd’. Vul het resultaat aan."
                )
                % {"n": _n(n), "soort": MeldingSoort(soort).label.lower()}
            )
    buiten = report.feiten.get("meldingen_buiten_gemeenten", 0)
    if buiten:
        problems.append(
            _(
                "%(n)s melding(en) staan op een gemeente die niet bij de organisatie hoort; ze tellen "
                "niet mee in de tabellen per gemeente."
            )
            % {"n": _n(buiten)}
        )
    return problems


def run(report: Report) -> list[str]:
    """Every violation, in Dutch, in report order; an empty list when all numbers agree."""
    problems: list[str] = []
    for table in report.tables:
        problems += rows_add_up(table)
        problems += columns_add_up(table)
    problems += cross_table(report)
    return list(dict.fromkeys(problems))
