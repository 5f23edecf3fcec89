"""One set of rows counted several ways in one statement (GROUPING SETS), read back as counters.

The jaarverslag's tables mostly count the same rows (an organisation-year's meldingen, or its
trajecten) grouped by different columns. One query per table read those rows again for every
table; GROUPING SETS computes every grouping in one pass. Plain counts only: PostgreSQL then
hashes all sets in a single scan (a DISTINCT count would make it sort per set).
"""

from collections import Counter
from collections.abc import Collection

from django.db import connections


class Groepen:
    """{set name: Counter({values of the set's columns: n})}."""

    def __init__(self, sets: dict[str, tuple[str, ...]]):
        self.sets = sets
        self.counts = {name: Counter() for name in sets}

    def tel(self, *fields: str, **where) -> dict:
        """{value or tuple of values: n} over the rows whose columns equal `where` (a value, or
        a collection of allowed values): what one GROUP BY `fields` of those rows returns."""
        wanted = set(fields) | set(where)
        name = next(n for n, columns in self.sets.items() if wanted <= set(columns))
        columns = self.sets[name]
        positions = [columns.index(f) for f in fields]
        tests = [(columns.index(k), _allowed(v)) for k, v in where.items()]
        result: dict = {}
        for values, n in self.counts[name].items():
            if any(values[i] not in allowed for i, allowed in tests):
                continue
            key = tuple(values[i] for i in positions) if len(positions) > 1 else values[positions[0]]
            result[key] = result.get(key, 0) + n
        return result


def _allowed(value) -> Collection:
    if isinstance(value, Collection) and not isinstance(value, str):
        return set(value)
    return {value}


def tel_groepen(
    alias: str, sets: dict[str, tuple[str, ...]], expressions: dict[str, str], from_where: str, params: dict
) -> Groepen:
    """Run `SELECT <columns>, GROUPING(...), count(*) <from_where> GROUP BY GROUPING SETS (...)`.

    `expressions` gives each column's SQL (a column of the FROM clause, or an expression);
    `from_where` is the FROM and WHERE part with named parameters."""
    columns = list(dict.fromkeys(c for set_columns in sets.values() for c in set_columns))
    sql_of = [expressions.get(c, c) for c in columns]
    grouping_sets = ", ".join(
        "(" + ", ".join(expressions.get(c, c) for c in set_columns) + ")" for set_columns in sets.values()
    )
    sql = (
        f"SELECT {', '.join(sql_of)}, GROUPING({', '.join(sql_of)}), count(*) {from_where} "
        f"GROUP BY GROUPING SETS ({grouping_sets})"
    )
    # GROUPING() has a bit per column, the first column the highest; 1 = not in the set.
    set_of_bits = {
        sum(1 << (len(columns) - 1 - i) for i, c in enumerate(columns) if c not in set_columns): name
        for name, set_columns in sets.items()
    }
    groepen = Groepen(sets)
    with connections[alias].cursor() as cursor:
        cursor.execute(sql, params)
        for *values, bits, n in cursor.fetchall():
            name = set_of_bits[bits]
            row = dict(zip(columns, values, strict=True))
            groepen.counts[name][tuple(row[c] for c in sets[name])] += n
    return groepen
