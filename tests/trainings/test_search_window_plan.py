"""PostgreSQL ranks a trainings search's matches before the window that counts them, so the
window keeps each match's rank, not its whole text-search document (content.pagination)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.trainings.factories import TrainingFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's plans"),
]


def window_output(sql):
    """The columns the plan's WindowAgg node passes on (EXPLAIN VERBOSE's Output line)."""
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (VERBOSE) {sql}")
        lines = [row[0] for row in cursor.fetchall()]
    start = next(n for n, line in enumerate(lines) if "WindowAgg" in line)
    return next(line for line in lines[start + 1 :] if line.strip().startswith("Output:"))


def test_the_window_keeps_the_rank_not_the_document(client):
    titles = ["Patient Navigator Certificate", "Care Coordination", "Patient Advocacy"]
    for n in range(30):
        TrainingFactory(title=f"{titles[n % 3]} {n}", description="Patient care. " * 40)
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/trainings/?q=patient")
    assert response.status_code == 200
    page = response.context["page_obj"]
    assert page.paginator.count == 30
    # Best match first: the word in the title ranks above the word in the description only.
    assert all("Patient" in training.title for training in page.object_list[:20])
    sql = next(q["sql"] for q in queries.captured_queries if "OVER ()" in q["sql"])
    output = window_output(sql)
    assert "search_vector" not in output, output
