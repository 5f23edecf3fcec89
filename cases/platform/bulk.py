"""Batch sizes for bulk writes that stay within PostgreSQL's limit on parameters per statement.

With server-side parameter binding (DATABASE_SERVER_SIDE_BINDING, the default) every value is a
protocol parameter, and one statement carries at most 65,535 of them: a bulk_create of 5,000
meldingen of 27 columns each would be refused. Django does not split batches for PostgreSQL
itself, so the callers ask here."""

MAX_PARAMETERS = 65_535
MAX_BATCH = 5_000


def create_batch_size(model) -> int:
    """Rows per INSERT for `model.objects.bulk_create`: one parameter per concrete column."""
    return max(1, min(MAX_BATCH, MAX_PARAMETERS // len(model._meta.concrete_fields)))


def update_batch_size(fields) -> int:
    """Rows per UPDATE for `bulk_update(objs, fields)`: per row and field a WHEN pk THEN value
    (two parameters), plus the pk in the WHERE clause."""
    return max(1, min(MAX_BATCH, MAX_PARAMETERS // (2 * len(fields) + 1)))
