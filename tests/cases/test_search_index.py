import pytest
from django.db import connection

pytestmark = pytest.mark.django_db


def test_name_search_has_trigram_indexes_that_postgresql_uses():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname FROM pg_indexes WHERE tablename = 'cases_jongere' AND indexname LIKE '%%trgm'"
        )
        assert {row[0] for row in cursor.fetchall()} == {
            "cases_jongere_achternaam_trgm",
            "cases_jongere_voornamen_trgm",
        }
        # With sequential scans off the planner must be able to answer the search from the index.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(
            "EXPLAIN SELECT id FROM cases_jongere WHERE UPPER(achternaam::text) LIKE UPPER('%%isse%%')"
        )
        plan = " ".join(row[0] for row in cursor.fetchall())
    assert "cases_jongere_achternaam_trgm" in plan
