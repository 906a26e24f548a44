"""Synthetic data: refused without DEBUG; the title finder stays at a fixed query count."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from careers import demo
from careers.models import JobTitle

pytestmark = pytest.mark.django_db


def test_seed_refuses_to_run_with_debug_off(settings):
    settings.DEBUG = False
    with pytest.raises(RuntimeError, match="refuses to run with DEBUG off"):
        demo.seed(10)
    assert not JobTitle.objects.exists()


def _finder_queries(client, query):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get("/careers/", {"q": query})
    assert response.status_code == 200
    return len(ctx.captured_queries)


def test_title_finder_query_count_is_fixed_with_5000_titles(client, settings):
    settings.DEBUG = True
    demo.seed(10)
    small = _finder_queries(client, "navigatr")
    demo.seed(4990)
    assert JobTitle.objects.count() == 5000
    assert _finder_queries(client, "navigatr") == small <= 8
    assert _finder_queries(client, "community navigator") <= 8


def test_title_finder_reads_only_what_its_results_show(client, settings):
    """A result shows a title and its role's name and link: the roles are read once per
    content version, without their definitions and focus (the longest text they have), and
    no search after the first reads a role, joined to its titles or apart."""
    settings.DEBUG = True
    demo.seed(50)
    searches = []
    for words in ["care", "navigator"]:
        with CaptureQueriesContext(connection) as ctx:
            response = client.get("/careers/", {"q": words})
        assert response.status_code == 200
        assert response.context["matches"], f"the search for {words!r} found no title"
        searches.append([q["sql"] for q in ctx.captured_queries])
    first, second = ([sql for sql in queries if '"careers_role"' in sql] for queries in searches)
    assert first, "the first search read no role"
    for sql in first:
        assert "definition" not in sql and "focus" not in sql, sql
    assert not second, second
    links = response.content.decode()
    role = JobTitle.objects.filter(title__icontains="navigator").first().role
    assert f'<a href="{role.get_absolute_url()}">' in links


def test_title_finder_reads_an_exact_match_in_one_query(client, settings):
    """The query that tells whether the words match a title reads the titles shown: no
    exists() first."""
    settings.DEBUG = True
    demo.seed(50)
    title = JobTitle.objects.order_by("pk").first()
    with CaptureQueriesContext(connection) as ctx:
        response = client.get("/careers/", {"q": title.title})
    assert response.status_code == 200
    assert response.context["exact"]
    assert title.title in {match["title"] for match in response.context["matches"]}
    reads = [q["sql"] for q in ctx.captured_queries if 'FROM "careers_jobtitle"' in q["sql"]]
    assert len(reads) == 1, reads
