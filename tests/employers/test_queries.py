"""Acceptance 3: the results page costs the same few queries whatever the amount of data."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from employers import demo
from employers.models import Employer, Location
from tests.careers.factories import RoleFactory, WorkSettingFactory

pytestmark = pytest.mark.django_db

MAX_QUERIES = 6
SEARCHES = [
    {},
    {"zip": "10001", "radius": "50"},
    {"zip": "10001", "radius": "25", "role": "care-coordinator", "setting": "hospital"},
    {"region": "nyc", "setting": "hospital"},
    {"county": "Erie", "q": "demo"},
    {"zip": "10001", "radius": "50", "page": "2"},
]


def count_queries(client, params):
    with CaptureQueriesContext(connection) as context:
        response = client.get("/employers/", params)
    assert response.status_code == 200
    # Both sizes must show results, so the counts compare like with like.
    assert response.context["page_obj"].paginator.count > 0
    return len(context.captured_queries), response


@pytest.fixture
def roles_and_settings():
    RoleFactory(slug="care-coordinator", name="Care coordinator")
    WorkSettingFactory(slug="hospital", name="Hospital")


def seed(settings, n):
    settings.DEBUG = True  # seed() refuses to run with DEBUG off
    demo.seed(n)


def test_results_page_makes_the_same_few_queries_for_10_and_5000_employers(
    client, settings, roles_and_settings, django_assert_max_num_queries
):
    seed(settings, 30)  # two pages, so that page 2 exists at both sizes
    # Warm the per-process caches (the consent policy registry) so both sizes are measured
    # in the steady state every later request sees.
    client.get("/employers/")
    small = {str(params): count_queries(client, params)[0] for params in SEARCHES}

    seed(settings, 4970)
    assert Employer.objects.count() == 5000
    assert Location.objects.count() == 15000
    large = {str(params): count_queries(client, params)[0] for params in SEARCHES}

    assert max(small.values()) <= MAX_QUERIES
    assert large == small
    # A page past the last one is counted apart to find the last page: still a few.
    with django_assert_max_num_queries(MAX_QUERIES):
        client.get("/employers/", {"region": "nyc", "page": "999"})

    with django_assert_max_num_queries(MAX_QUERIES):
        response = client.get("/employers/", {"zip": "10001", "radius": "50"})
    employers = list(response.context["employers"])
    assert len(employers) == 20
    distances = [e.distance for e in employers]
    assert distances == sorted(distances)
    assert all(e.matching_locations[0].distance == e.distance for e in employers)


def test_detail_page_makes_a_fixed_number_of_queries(
    client, settings, roles_and_settings, django_assert_max_num_queries
):
    seed(settings, 3)
    employer = Employer.objects.first()
    client.get("/employers/")  # warm the consent policy cache, as any earlier request would
    with django_assert_max_num_queries(4):
        assert client.get(employer.get_absolute_url()).status_code == 200


def test_a_search_reads_only_the_columns_a_result_shows(client, settings, roles_and_settings):
    seed(settings, 30)
    client.get("/employers/")
    with CaptureQueriesContext(connection) as context:
        response = client.get("/employers/", {"zip": "10001", "radius": "50"})
    assert response.status_code == 200 and len(response.context["employers"]) == 20
    reads = [q["sql"] for q in context.captured_queries if '"employers_' in q["sql"]]
    assert any('FROM "employers_employer"' in sql for sql in reads)
    assert any('FROM "employers_location"' in sql for sql in reads)
    for sql in reads:
        for column in ("description", "website", "careers_url", "address", "phone"):
            assert f'."{column}' not in sql, (column, sql)
    # What the page shows is still there.
    html = response.content.decode()
    first = response.context["employers"][0]
    assert first.get_absolute_url() in html and first.get_kind_display() in html
    assert first.matching_locations[0].city in html


def test_the_whole_list_is_counted_apart_and_read_in_name_order(client, settings):
    # Nothing narrows it: a count of its own and a page read in name order, not a window
    # that reads and sorts every employer first. Narrowed, it is one query with its count.
    seed(settings, 45)
    names = list(Employer.objects.published().order_by("name", "pk").values_list("name", flat=True))
    seen = []
    for number in (1, 2, 3):
        with CaptureQueriesContext(connection) as context:
            response = client.get("/employers/", {"page": number})
        assert response.context["page_obj"].paginator.count == len(names)
        seen += [employer.name for employer in response.context["employers"]]
        assert not any("OVER ()" in q["sql"] for q in context.captured_queries)
    assert seen == names[:60]
    with CaptureQueriesContext(connection) as context:
        client.get("/employers/", {"q": "demo"})
    assert any("OVER ()" in q["sql"] for q in context.captured_queries)
