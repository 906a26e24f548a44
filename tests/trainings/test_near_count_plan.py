"""PostgreSQL counts a trainings search near a ZIP code (up to 1,001 matches, see
content.pagination) from the index of migration 0013, not by reading the trainings table,
once VACUUM has marked the table's pages all-visible (as refresh_planner_statistics leaves
them after a load): so this test commits its rows, where VACUUM can run."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from content.loading import refresh_planner_statistics
from tests.plans import query_plan
from tests.trainings.factories import ProviderFactory, TrainingFactory
from trainings.models import Training

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's plans"),
]

# Real New York ZIP codes: two within 10 miles of 10001, the rest far from it.
ZIP_CODES = ["10001", "10027", "12207", "13202", "14202", "14604", "12601", "13901"]
TRAININGS = 4000


@pytest.fixture
def many_trainings():
    """4,000 trainings at 80 providers across New York, a third of them online, as the
    planner sees them after a load (VACUUM (ANALYZE))."""
    providers = [ProviderFactory(zip_code=ZIP_CODES[n % len(ZIP_CODES)]) for n in range(80)]
    delivery = Training.Delivery
    rows = [
        TrainingFactory.build(
            provider=providers[n % len(providers)],
            delivery=delivery.ONLINE if n % 3 == 0 else delivery.IN_PERSON,
        )
        for n in range(TRAININGS)
    ]
    Training.objects.bulk_create(rows)
    refresh_planner_statistics()


def test_the_count_near_a_zip_code_reads_the_covering_index(client, many_trainings):
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/trainings/?zip=10001&miles=10")
    assert response.status_code == 200
    # 666 trainings taught in person within 10 miles and 1,334 online: "more than 1,000".
    assert response.context["page_obj"].paginator.more_than == 1000
    count = next(q["sql"] for q in queries.captured_queries if q["sql"].startswith("SELECT COUNT"))
    plan = query_plan(count)
    assert "training_provider_cover" in plan, plan
    assert "Seq Scan on trainings_training" not in plan, plan
