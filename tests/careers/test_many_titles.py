"""
A role with more job titles than its pages list: its page, its career's page and the
compare table list the first TITLES_SHOWN in title order, say how many there are and point
to the title finder for the rest, and stay the same size however many there are.
"""

import json
import re

import pytest

from careers.models import TITLES_SHOWN, JobTitle
from content.text import normalise
from tests.careers.helpers import build_career

pytestmark = pytest.mark.django_db


def _add_titles(role, count):
    titles = [JobTitle(role=role, title=f"Outreach worker {i:04d}") for i in range(count)]
    for title in titles:
        title.search_text = normalise(title.title)
    JobTitle.objects.bulk_create(titles)


def _urls(career, role):
    url = career.get_absolute_url()
    return {"role": role.get_absolute_url(), "career": url, "compare": f"{url}compare/"}


def _listed(html, name="Outreach worker"):
    return re.findall(rf"<li>({name} \d+)</li>", html)


@pytest.mark.parametrize("page", ["role", "career", "compare"])
def test_a_page_lists_the_first_titles_and_says_how_many_there_are(client, page):
    career, roles = build_career(1)
    _add_titles(roles[0], TITLES_SHOWN + 12)
    html = client.get(_urls(career, roles[0])[page]).content.decode()
    # The role's own title from build_career ("Navigator number 0") sorts before these.
    assert _listed(html) == [f"Outreach worker {i:04d}" for i in range(TITLES_SHOWN - 1)]
    total = TITLES_SHOWN + 13
    assert f"These are {TITLES_SHOWN} of its {total} job titles." in html
    assert '<a href="/careers/#finder-heading">job title finder</a>' in html


def test_the_role_page_structured_data_names_the_titles_it_lists(client):
    roles = build_career(1)[1]
    _add_titles(roles[0], TITLES_SHOWN + 12)
    html = client.get(roles[0].get_absolute_url()).content.decode()
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    names = json.loads(block.group(1))["alternateName"]
    assert len(names) == TITLES_SHOWN
    assert names[0] == "Navigator number 0"


@pytest.mark.parametrize("page", ["role", "career", "compare"])
def test_a_page_does_not_grow_with_the_number_of_titles(client, page):
    # Two careers alike but for their slugs (of one length) and how many titles a role has.
    sizes = {}
    for slug, extra in (("fewer", 12), ("lotsa", 512)):
        career, roles = build_career(1, slug=slug)
        _add_titles(roles[0], TITLES_SHOWN + extra)
        response = client.get(_urls(career, roles[0])[page])
        assert f"These are {TITLES_SHOWN} of its {TITLES_SHOWN + extra + 1} job titles." in (
            response.content.decode()
        )
        sizes[extra] = len(response.content)
    # Only the count differs ("43" against "543"); 500 more titles listed would have added
    # some 10 KB.
    assert 0 <= sizes[512] - sizes[12] <= 5


def test_a_role_with_few_titles_lists_them_all_without_a_count(client):
    roles = build_career(3)[1]
    html = client.get(roles[0].get_absolute_url()).content.decode()
    assert _listed(html, "Navigator number") == [f"Navigator number {i}" for i in range(3)]
    assert "job titles. To check any other title" not in html


def test_the_count_and_the_finder_link_are_in_spanish_on_the_spanish_page(client):
    roles = build_career(1)[1]
    _add_titles(roles[0], TITLES_SHOWN + 12)
    html = client.get(f"/es{roles[0].get_absolute_url()}").content.decode()
    assert f"Estos son {TITLES_SHOWN} de sus {TITLES_SHOWN + 13} títulos de puesto." in html
    assert '<a href="/es/careers/#finder-heading">buscador de títulos de puesto</a>' in html
