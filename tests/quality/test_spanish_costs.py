"""
A Spanish page costs what its English page costs: the same number of database queries, on
the starting content, for every kind of public page (issue 17; `make bench` measures the
speed). Each page is counted as a cache miss (the page cache is bumped first) after one
warm-up request, so per-process caches are in their steady state in both languages.
"""

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from content.pagecache import bump_content_version
from employers.models import Employer
from trainings.models import Training

pytestmark = pytest.mark.django_db

CAREER = "/careers/care-management-care-coordination/"


@pytest.fixture
def content():
    call_command("load_content", stdout=open("/dev/null", "w"))


def pages():
    training = Training.objects.published().order_by("pk").first()
    employer = Employer.objects.published().order_by("pk").first()
    return [
        "/",
        "/careers/",
        "/careers/?q=care+coordinator",
        CAREER,
        CAREER + "care-coordinator/",
        CAREER + "compare/",
        CAREER + "care-coordinator/pay/?zip=12207",
        "/trainings/",
        "/trainings/?q=community+health&zip=12207&miles=50",
        training.get_absolute_url(),
        "/trainings/guide/?have=high_school&budget=2000&zip=13202",
        "/employers/?zip=10001&miles=10",
        employer.get_absolute_url(),
        "/cookies/",
        "/about-our-data/",
    ]


def count(client, url):
    client.get(url)
    bump_content_version()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


def test_every_kind_of_page_runs_the_same_queries_in_spanish(content, client):
    different = {}
    for url in pages():
        english, spanish = count(client, url), count(client, "/es" + url)
        if english != spanish:
            different[url] = (english, spanish)
    assert not different, f"queries (English, Spanish) differ: {different}"
