"""Name search that ignores accents and case: "chloe" finds "Chloé Michiels".

The `zoeknaam` column of a jongere is computed by the database (a generated column) as the full
name without accents, in capitals. A search term is folded the same way in Python (`fold`), so
the comparison is a plain LIKE that PostgreSQL answers from the trigram index (pg_trgm) on that
column. PostgreSQL's `unaccent` cannot be used: it is not IMMUTABLE, which a generated column
requires. TRANSLATE is. SQLite (the embedded default) has no TRANSLATE and refuses more than ~25
nested REPLACE calls, so there the column calls `ontaccent`, a deterministic function registered on
every connection (`register_sqlite_function`, from CasesConfig.ready) with the same mapping.

The mapping is a fixed literal (not computed at import from `unicodedata`), so the stored column
never changes with the Python version. Changing it needs a migration that adds the column again
(as 0060 does), or existing rows keep the old folding.
"""

import unicodedata

from django.db.models import Func, TextField

# Latin-1 Supplement and Latin Extended-A letters with a diacritic (and the Turkish dotless ı), and
# their base letter.
ACCENTED = (
    "ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝàáâãäåçèéêëìíîïñòóôõöùúûüýÿĀāĂăĄąĆćĈĉĊċČčĎďĒēĔĕĖėĘęĚěĜĝĞğĠġĢģĤĥĨĩĪīĬĭĮįİĴĵĶķĹĺ"
    "ĻļĽľŃńŅņŇňŌōŎŏŐőŔŕŖŗŘřŚśŜŝŞşŠšŢţŤťŨũŪūŬŭŮůŰűŲųŴŵŶŷŸŹźŻżŽžøØłŁđĐı"
)
PLAIN = (
    "AAAAAACEEEEIIIINOOOOOUUUUYaaaaaaceeeeiiiinooooouuuuyyAaAaAaCcCcCcCcDdEeEeEeEeEeGgGgGgGgHhIiIiIiIiIJjKkLl"
    "LlLlNnNnNnOoOoOoRrRrRrSsSsSsSsTtTtUuUuUuUuUuUuWwYyYZzZzZzoOlLdDi"
)
assert len(ACCENTED) == len(PLAIN)  # noqa: S101 - a programming error, caught at import
_TABLE = str.maketrans(ACCENTED, PLAIN)


def ontaccent(text: str | None) -> str | None:
    """The SQLite function: the text without the accents in ACCENTED (case kept, as TRANSLATE)."""
    return None if text is None else text.translate(_TABLE)


def register_sqlite_function(sender, connection, **kwargs):
    """connection_created receiver: SQLite computes `zoeknaam` on every write with `ontaccent`."""
    if connection.vendor == "sqlite":
        connection.connection.create_function("ontaccent", 1, ontaccent, deterministic=True)


def fold(text: str) -> str:
    """A search term as the `zoeknaam` column holds names: without accents, in capitals."""
    # NFC first: a browser may send "é" as "e" plus a combining accent.
    return unicodedata.normalize("NFC", text).translate(_TABLE).upper()


class Ontaccent(Func):
    """The text without the accents in ACCENTED; IMMUTABLE on PostgreSQL, deterministic on SQLite."""

    arity = 1
    output_field = TextField()

    def as_sql(self, compiler, connection, **extra_context):
        sql, params = compiler.compile(self.source_expressions[0])
        params = list(params)
        if connection.vendor == "sqlite":
            return f"ontaccent({sql})", params
        return f"TRANSLATE({sql}, %s, %s)", [*params, ACCENTED, PLAIN]
