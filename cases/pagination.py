"""Pagination for searches that can match a large part of a municipality."""

from django.core.paginator import Paginator
from django.utils.functional import cached_property


class CappedPaginator(Paginator):
    """Counts at most `limit` results. A search for "Jansen" matches thousands of jongeren in a
    large municipality; counting them all costs more than finding the first page and tells the
    user nothing a "more than 200, refine your search" does not."""

    def __init__(self, object_list, per_page, limit: int, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.limit = limit

    @cached_property
    def _counted(self) -> int:
        # COUNT over a LIMIT subquery without ORDER BY (which rows does not matter for a count):
        # PostgreSQL stops after limit + 1 matching rows instead of sorting all of them.
        return self.object_list.order_by()[: self.limit + 1].count()

    @cached_property
    def count(self) -> int:
        return min(self._counted, self.limit)

    @property
    def more(self) -> bool:
        """Whether there are more results than the limit (and so than the pages offer)."""
        return self._counted > self.limit
