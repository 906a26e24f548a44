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
