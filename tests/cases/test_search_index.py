import pytest
from django.db import connection, transaction

from cases.filters import JongereFilter
from cases.models import Jongere
from tests.factories import JongereFactory

pytestmark = pytest.mark.django_db


def test_name_search_is_answered_from_the_trigram_index():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname FROM pg_indexes WHERE tablename = 'cases_jongere' AND indexname LIKE '%%trgm'"
        )
        assert {row[0] for row in cursor.fetchall()} == {"cases_jongere_zoeknaam_trgm"}
    # The query the search page runs, for two words; with sequential and plain index scans off
    # the planner must be able to answer it from the trigram index.
    queryset = JongereFilter().filter_q(Jongere.objects.all(), "q", "de Visse").values("pk")
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute("SET LOCAL enable_indexscan = off")
        plan = queryset.explain()
    assert "cases_jongere_zoeknaam_trgm" in plan


def test_name_search_matches_every_word_in_any_name_part(organisatie_a):
    wanted = JongereFactory(
        organisatie=organisatie_a, voornamen="Noor Anna", tussenvoegsel="de", achternaam="Visser"
    )
    JongereFactory(organisatie=organisatie_a, voornamen="Noor", tussenvoegsel="", achternaam="Jansen")
    JongereFactory(organisatie=organisatie_a, voornamen="Sem", tussenvoegsel="de", achternaam="Vries")
    found = JongereFilter().filter_q(Jongere.objects.all(), "q", "noor DE viss")
    assert list(found) == [wanted]
