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


def window_columns(sql):
    """The columns of the plan's WindowAgg node and of the node below it, whose rows the
    window keeps (EXPLAIN VERBOSE's Output lines), each split at its top-level commas."""
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (VERBOSE) {sql}")
        lines = [row[0] for row in cursor.fetchall()]
    start = next(n for n, line in enumerate(lines) if "WindowAgg" in line)
    outputs = [line for line in lines[start + 1 :] if line.strip().startswith("Output:")]
    return [split_columns(line) for line in outputs[:2]]


def split_columns(output):
    """An Output line's columns. A column may be an expression that names the document,
    such as the rank computed below the window, "(ts_rank(t.search_vector, ...))": that
    is a number, not the document; the document itself is a column ending in
    "search_vector"."""
    columns, depth, current = [], 0, ""
    for char in output.split("Output:", 1)[1]:
        if char == "," and depth == 0:
            columns.append(current.strip())
            current = ""
            continue
        depth += (char == "(") - (char == ")")
        current += char
    return [*columns, current.strip()]


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
    # Which of the two plan shapes PostgreSQL picks varies from run to run; in either,
    # neither the window nor the rows it keeps hold the document.
    for columns in window_columns(sql):
        assert not any(column.endswith("search_vector") for column in columns), columns
