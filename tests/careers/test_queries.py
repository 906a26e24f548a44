"""
Each careers page runs a fixed number of queries (at most 11) whatever the data. The pay
figures add one query to the career and compare pages (the BLS rows, with their top-code
footnote in the same query) and two to the role and pay pages (the role's BLS occupations,
then their rows); a ZIP code adds the one lookup of its county's area. Education as its
source states it (StatedEducation) adds one query to the career, role and compare pages,
and "This career is right for you, if…" (CareerFit) one to the career page.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.careers.helpers import build_career

pytestmark = pytest.mark.django_db

MAX_QUERIES = 11


def _count(client, url):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(ctx.captured_queries)


def _urls(career, roles):
    return {
        "home": "/",
        "list": "/careers/",
        "list with a title search": "/careers/?q=navigator",
        "list with a misspelt search": "/careers/?q=navigatr+numbr",
        "career": career.get_absolute_url(),
        "role": roles[0].get_absolute_url(),
        "compare": f"{career.get_absolute_url()}compare/",
        "pay": roles[0].pay_url,
        "pay for a ZIP code": f"{roles[0].pay_url}?zip=12207",
        "pay for an area": f"{roles[0].pay_url}?area=0010580",
        "pay for a ZIP code outside New York": f"{roles[0].pay_url}?zip=90210",
    }


@pytest.mark.parametrize(
    "page",
    ["home", "list", "list with a title search", "list with a misspelt search", "career", "role",
     "compare", "pay", "pay for a ZIP code", "pay for an area",
     "pay for a ZIP code outside New York"],
)  # fmt: skip
def test_page_query_count_is_the_same_with_1_and_50_rows(client, page):
    small = _urls(*build_career(1, slug="small"))[page]
    small_count = _count(client, small)
    # 50 roles, 50 titles, 50 duties, settings and certifications, in a second career.
    big = _urls(*build_career(50, slug="big"))[page]
    big_count = _count(client, big)
    assert big_count == small_count, f"{page}: {small_count} queries with 1, {big_count} with 50"
    assert big_count <= MAX_QUERIES
