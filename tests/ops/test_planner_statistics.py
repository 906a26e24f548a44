"""PostgreSQL as its planner sees it. After a bulk load (load_content, seed_demo),
refresh_planner_statistics leaves the GIN indexes with nothing in their pending lists,
which every search would otherwise read through end to end (on a server without
autovacuum, for good); inside a transaction, where VACUUM cannot run, it still measures
the statistics. Every connection costs a page read out of order as on SSDs."""

import pytest
from django.db import connection

from careers.models import JobTitle
from content.loading import refresh_planner_statistics
from tests.careers.factories import RoleFactory

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL's planner and GIN indexes"
)

INDEXES = ("careers_jobtitle_search_text_trgm", "careers_jobtitle_search_text_es_trgm")


def pending_tuples(index):
    with connection.cursor() as cursor:
        # pgstattuple ships with PostgreSQL (contrib), as pg_trgm does.
        cursor.execute("CREATE EXTENSION IF NOT EXISTS pgstattuple")
        cursor.execute("SELECT pending_tuples FROM pgstatginindex(%s::regclass)", [index])
        return cursor.fetchone()[0]


def bulk_titles(n):
    role = RoleFactory()
    JobTitle.objects.bulk_create(
        JobTitle(
            role=role,
            title=f"Care Navigator {i}",
            search_text=f"care navigator {i}",
            search_text_es=f"navegador de cuidado {i}",
        )
        for i in range(n)
    )


@pytest.mark.django_db(transaction=True)
def test_a_bulk_load_leaves_nothing_in_the_gin_pending_lists():
    bulk_titles(300)
    assert all(pending_tuples(index) > 0 for index in INDEXES)
    refresh_planner_statistics()
    assert [pending_tuples(index) for index in INDEXES] == [0, 0]


def planned_titles():
    """How many job titles the planner's statistics say there are."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT reltuples FROM pg_class WHERE relname = %s", [JobTitle._meta.db_table]
        )
        return cursor.fetchone()[0]


@pytest.mark.django_db
def test_inside_a_transaction_it_measures_the_statistics_only():
    bulk_titles(73)
    before = planned_titles()
    refresh_planner_statistics()
    assert planned_titles() == 73 != before


@pytest.mark.django_db
def test_connections_cost_a_page_read_out_of_order_as_on_ssds():
    """config/settings.py: DATABASE_RANDOM_PAGE_COST (1.1), not PostgreSQL's 4.0 for
    spinning disks, with which the planner read every job title rather than an index that
    answered twice as fast (bench/results/explain.txt)."""
    with connection.cursor() as cursor:
        cursor.execute("SHOW random_page_cost")
        assert cursor.fetchone()[0] == "1.1"
        cursor.execute("SHOW statement_timeout")
        assert cursor.fetchone()[0] == "30s"
