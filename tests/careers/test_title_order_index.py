"""PostgreSQL reads a title finder page that many titles match in title order, from the
indexes of migration 0018, instead of reading every match and sorting it."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from careers.models import JobTitle
from careers.search import spanish_search_text
from content.text import normalise
from tests.careers.factories import RoleFactory
from tests.plans import query_plan

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's plans"),
]

TITLES = 4000


@pytest.fixture
def many_titles():
    """4,000 titles, two in five of them "specialist" ones, as the planner sees them after
    ANALYZE (a few dozen rows would be read whole whatever the indexes), shared among three
    roles as the site's titles are among its roles (with one role, the index of a role's
    titles by title serves the order as well)."""
    first = RoleFactory()
    roles = [first, *(RoleFactory(career=first.career) for _ in range(2))]
    rows = []
    for n in range(TITLES):
        role = roles[n % len(roles)]
        if n % 5 < 2:
            english, spanish = f"Specialist {n:05d}", f"Especialista {n:05d}"
        else:
            english, spanish = f"Coordinator {n:05d}", f"Coordinador(a) {n:05d}"
        rows.append(
            JobTitle(
                role=role,
                title=english,
                title_en=english,
                title_es=spanish,
                search_text=normalise(english),  # as JobTitle.save() keeps them
                search_text_es=spanish_search_text(spanish),
            )
        )
    JobTitle.objects.bulk_create(rows)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE careers_career, careers_role, careers_jobtitle")


def page_plan(client, url):
    """The page's titles as listed, and the plan of the query that read them."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    sql = next(
        q["sql"]
        for q in queries.captured_queries
        if "careers_jobtitle" in q["sql"]
        and "ORDER BY" in q["sql"]
        and "LIMIT" in q["sql"]
        and '"id"' in q["sql"][:40]
    )
    return response, query_plan(sql)


@pytest.mark.parametrize(
    ("url", "index", "first"),
    [
        ("/careers/?q=specialist", "careers_jobtitle_title_en_order", "Specialist 00000"),
        ("/es/careers/?q=especialista", "careers_jobtitle_title_es_order", "Especialista 00000"),
    ],
)
def test_a_common_word_reads_the_titles_in_order_from_the_index(
    client, many_titles, url, index, first
):
    response, plan = page_plan(client, url)
    assert f"Index Scan using {index}" in plan, plan
    assert "Seq Scan on careers_jobtitle" not in plan, plan
    assert first in response.content.decode()
