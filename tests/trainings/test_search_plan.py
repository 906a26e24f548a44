"""SQLite reads a trainings search's matches from the covering indexes of migration 0011, once
the planner's statistics are measured (as load_content and seed_demo leave them), instead of
reading each matching training's whole row."""

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from content.loading import refresh_planner_statistics
from tests.plans import query_plan
from tests.trainings.factories import ProviderFactory, TrainingFactory
from trainings.models import Training

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's plans"),
]

TRAININGS = 400
# Every filter the covering index serves that these rows pass, the education one included.
URL = "/trainings/?q=coordination&zip=10001&miles=25&kind=certificate&have=high_school"


@pytest.fixture
def many_trainings():
    """400 trainings at 10 providers, half of them about care coordination."""
    providers = [ProviderFactory() for _ in range(10)]
    rows = []
    for n in range(TRAININGS):
        topic = "care coordination" if n % 2 else "peer recovery"
        row = TrainingFactory.build(
            provider=providers[n % 10],
            title=f"{topic.title()} {n:03d}",
            description=f"A course in {topic} with a long description. " * 20,
        )
        row.search_text = row.build_search_text()  # as save() keeps it; bulk_create does not
        rows.append(row)
    Training.objects.bulk_create(rows)


def search_queries(client):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(URL)
    assert response.status_code == 200
    return response, [q["sql"] for q in queries.captured_queries if "MATCH" in q["sql"]]


def test_the_search_reads_its_matches_from_the_covering_indexes(client, many_trainings):
    refresh_planner_statistics()
    response, searches = search_queries(client)
    # 200 matches, every one a certificate taught at 10001: the first page of 20, in order.
    assert "200 trainings found" in response.content.decode()
    assert searches, "the search asked the text index"
    for sql in searches:
        plan = query_plan(sql)
        assert "COVERING INDEX training_search_cover" in plan, plan
        assert "COVERING INDEX provider_search_cover" in plan, plan


def test_load_content_measures_the_statistics_the_planner_needs(client, many_trainings):
    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE IF EXISTS sqlite_stat1")
    _response, searches = search_queries(client)
    assert "COVERING INDEX training_search_cover" not in query_plan(searches[0])
    call_command("load_content", stdout=open("/dev/null", "w"))
    _response, searches = search_queries(client)
    assert "COVERING INDEX training_search_cover" in query_plan(searches[0])


def test_the_search_joins_the_text_index_and_a_limit_stops_it(client, many_trainings):
    """The words' matches are read from the FTS5 table joined as TrainingTextIndex, one by
    one as the query goes, not listed whole in `id IN (...)` first: so the count of a search
    near a ZIP code, which stops at 1,001 rows, reads no more matches than it counts."""
    refresh_planner_statistics()
    _response, searches = search_queries(client)
    counts = [sql for sql in searches if sql.startswith("SELECT COUNT(*)")]
    assert len(counts) == 1, searches
    assert "LIMIT 1001" in counts[0]
    plan = query_plan(counts[0])
    assert "LIST SUBQUERY" not in plan, plan
    steps = plan.split(" | ")
    index = next(i for i, step in enumerate(steps) if "_fts VIRTUAL TABLE" in step)
    trainings = next(i for i, step in enumerate(steps) if "training_search_cover" in step)
    assert index < trainings, plan  # the index drives the join
