"""The data shapes of a report, and the arithmetic every table shares."""

from dataclasses import dataclass, field
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext_lazy as _

ONBEKEND = "Onbekend / niet geregistreerd"
TOTAAL = "Totaal"

# Parts of the report, in order.
LEERPLICHT = "leerplicht"
DOORSTROOM = "doorstroom"


@dataclass(frozen=True)
class Column:
    """A column: `key` is the stable JSON key / XLSX header (see docs/import-formats.md)."""

    key: str
    label: str
    percentage: bool = False


@dataclass
class Row:
    label: str
    values: dict[str, int | float | None]
    #: Detail rows (e.g. uitstroom details under a category) are indented in the PDF.
    level: int = 0
    #: A row whose numbers are percentages (e.g. the vsv-percentage in a table of key
    #: figures): every renderer writes them with a % sign.
    percentage: bool = False
    #: Where the figure comes from, shown next to it in the PDF (e.g. the BBV indicators).
    bron: str = ""


@dataclass
class Table:
    id: str
    titel: str
    deel: str
    columns: list[Column]
    rows: list[Row]
    total: dict[str, int | float | None]
    #: "pie", "donut" or "bar": drawn from `chart_column` of the rows; None for no chart.
    chart: str | None = None
    chart_column: str | None = None
    toelichting: str = ""
    #: False for tables of key figures, where a Totaal row would add apples and pears.
    has_total: bool = True
    #: Footnotes under the table: what is counted where it differs from a nearby table
    #: (see docs/jaarverslag-definities.md).
    voetnoten: list[str] = field(default_factory=list)


@dataclass
class Report:
    organisatie_naam: str
    organisatie_slug: str
    gemeenten: list[tuple[str, str]]  # (CBS code, naam)
    schooljaar: str
    vergelijkingsjaar: str | None
    generated_at: datetime
    tables: list[Table] = field(default_factory=list)
    #: Violations of the cross-table invariants (reporting/controle.py), in Dutch.
    controle: list[str] = field(default_factory=list)
    #: Figures the controle needs that no table shows (e.g. closed meldingen without result).
    feiten: dict = field(default_factory=dict)
    #: The teamleider's texts ({sleutel: Markdown}, reporting/teksten.py) and the cover logo.
    teksten: dict[str, str] = field(default_factory=dict)
    logo: str = ""
    logo_tekst: str = ""
    #: Extra comparison years (Roermond style), oldest first: {schooljaar: {figure: n}}.
    reeks: dict[str, dict] = field(default_factory=dict)

    def table(self, table_id: str) -> Table:
        return next(t for t in self.tables if t.id == table_id)

    def part(self, deel: str) -> list[Table]:
        return [t for t in self.tables if t.deel == deel]


def percentage(part: int, whole: int | None) -> float | None:
    """Percentage with one decimal, rounded half up; None ('n.b.') without a denominator."""
    if not whole:
        return None if whole is None else 0.0
    value = (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    return float(value)


def count_table(
    *,
    table_id: str,
    titel: str,
    deel: str,
    labels: list[str],
    counts: dict[str | None, int],
    count_key: str = "aantal",
    count_label: str | None = None,
    chart: str | None = None,
    toelichting: str = "",
    voetnoten: list[str] | None = None,
) -> Table:
    """A one-count table: a row per label in code-list order, an explicit 'Onbekend' row for
    what has no (known) label, a Totaal row, and a percentage of the total.

    `counts` maps label -> count; the key None (or any label not in `labels`) counts as
    Onbekend, so the rows always add up to the total.
    """
    known = {label: counts.get(label, 0) for label in labels}
    onbekend = sum(n for label, n in counts.items() if label not in known)
    total = sum(known.values()) + onbekend
    rows = [Row(label, {count_key: n}) for label, n in known.items()]
    if onbekend:
        rows.append(Row(ONBEKEND, {count_key: onbekend}))
    for row in rows:
        row.values["percentage"] = percentage(row.values[count_key], total)
    columns = [Column(count_key, str(count_label or _("Aantal"))), Column("percentage", "%", percentage=True)]
    return Table(
        id=table_id,
        titel=titel,
        deel=deel,
        columns=columns,
        rows=rows,
        total={count_key: total, "percentage": 100.0 if total else 0.0},
        chart=chart,
        chart_column=count_key if chart else None,
        toelichting=toelichting,
        voetnoten=list(voetnoten or []),
    )
