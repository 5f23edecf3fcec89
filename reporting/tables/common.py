"""Helpers shared by the table modules: grouped counts, code-list labels, two-column tables."""

from collections import defaultdict

from django.db.models import Count, QuerySet

from cases.models import CodeItem, Organisatie

from .base import ONBEKEND, Column, Row, Table, percentage


def grouped(queryset: QuerySet, *fields: str, distinct: str | None = None) -> dict:
    """{value or tuple of values: count} in one query."""
    count = Count(distinct, distinct=True) if distinct else Count("pk")
    result = {}
    for row in queryset.order_by().values(*fields).annotate(n=count):
        key = tuple(row[f] for f in fields) if len(fields) > 1 else row[fields[0]]
        result[key] = row["n"]
    return result


class CodeLists:
    """An organisation's code lists, loaded once per report (one query)."""

    def __init__(self, organisatie: Organisatie):
        self.by_list: dict[str, list[CodeItem]] = defaultdict(list)
        self.by_id: dict[int, CodeItem] = {}
        for item in CodeItem.objects.filter(organisatie=organisatie).order_by("lijst", "volgorde", "pk"):
            self.by_list[item.lijst].append(item)
            self.by_id[item.pk] = item

    def labels(self, lijst: str, used_ids=()) -> list[str]:
        """Labels in the organisation's order; a retired code only when it has data."""
        used = set(used_ids)
        return [i.label for i in self.by_list[lijst] if i.actief or i.pk in used]

    def label_counts(self, counts_by_id: dict) -> dict[str | None, int]:
        """{code id: n} -> {label: n}; None stays None (Onbekend)."""
        result: dict[str | None, int] = defaultdict(int)
        for code_id, n in counts_by_id.items():
            result[self.by_id[code_id].label if code_id in self.by_id else None] += n
        return dict(result)


def split_table(
    *,
    table_id: str,
    titel: str,
    deel: str,
    labels: list[str],
    counts: dict[tuple[str | None, str], int],
    split: list[tuple[str, str]],
    toelichting: str = "",
    always_show: set[str] | None = None,
) -> Table:
    """Rows per label, a count column per split key (e.g. wettelijk / licht), their sum
    `totaal` and the percentage of the grand total. counts: {(label, split_key): n}."""
    keys = [key for key, _ in split]
    rows: dict[str, dict] = {label: dict.fromkeys(keys, 0) for label in labels}
    for (label, key), n in counts.items():
        target = label if label in rows else ONBEKEND
        rows.setdefault(target, dict.fromkeys(keys, 0))[key] += n
    grand = sum(sum(v.values()) for v in rows.values())
    table_rows = []
    for label, values in rows.items():
        total = sum(values.values())
        if always_show is not None and label not in always_show and total == 0:
            continue
        table_rows.append(Row(label, {**values, "totaal": total, "percentage": percentage(total, grand)}))
    totals = {key: sum(r.values[key] for r in table_rows) for key in keys}
    return Table(
        id=table_id,
        titel=titel,
        deel=deel,
        columns=[
            *(Column(k, str(lbl)) for k, lbl in split),
            Column("totaal", "Totaal"),
            Column("percentage", "%", True),
        ],
        rows=table_rows,
        total={**totals, "totaal": grand, "percentage": 100.0 if grand else 0.0},
        toelichting=toelichting,
    )


def gemeente_table(
    *,
    table_id: str,
    titel: str,
    deel: str,
    labels: list[str],
    counts: dict[tuple[str | None, int], int],
    gemeenten: list[tuple[str, str]],
    gemeente_codes: dict[int, str],
    toelichting: str = "",
) -> Table:
    """Rows per label, a column per gemeente (CBS code) and `totaal`. counts: {(label, gemeente_id): n}."""
    codes = [code for code, _ in gemeenten]
    rows: dict[str, dict] = {label: dict.fromkeys(codes, 0) for label in labels}
    for (label, gemeente_id), n in counts.items():
        target = label if label in rows else ONBEKEND
        code = gemeente_codes.get(gemeente_id)
        if code is None:
            continue
        rows.setdefault(target, dict.fromkeys(codes, 0))[code] += n
    grand = sum(sum(v.values()) for v in rows.values())
    table_rows = [
        Row(
            label,
            {**values, "totaal": sum(values.values()), "percentage": percentage(sum(values.values()), grand)},
        )
        for label, values in rows.items()
    ]
    return Table(
        id=table_id,
        titel=titel,
        deel=deel,
        columns=[
            *(Column(code, naam) for code, naam in gemeenten),
            Column("totaal", "Totaal"),
            Column("percentage", "%", True),
        ],
        rows=table_rows,
        total={
            **{code: sum(r.values[code] for r in table_rows) for code in codes},
            "totaal": grand,
            "percentage": 100.0 if grand else 0.0,
        },
        toelichting=toelichting,
    )
