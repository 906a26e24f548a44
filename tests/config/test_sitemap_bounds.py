"""
Neither sitemap grows with the content. /sitemap.xml is an index of the sections' own
sitemaps, each cut into pages of SITEMAP_PAGE_ADDRESSES addresses read a page at a time;
/site-map/ lists a section's pages while there are at most SITE_MAP_MAX_LINKS, then says
how many there are and links the search. The limits are lowered here so that a few rows
cross them; the code that applies them is the one that runs at any size.
"""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from config import pages
from config.sitemaps import EveryLanguage
from config.urls import sitemaps
from tests.careers.factories import CareerFactory, RoleFactory
from tests.employers.factories import EmployerFactory
from tests.sitemaps import LOC, sitemap_pages
from tests.trainings.factories import ProviderFactory, TrainingFactory

pytestmark = pytest.mark.django_db

PAGE = 10  # addresses a sitemap page, in these tests


@pytest.fixture
def small_pages(monkeypatch):
    for section in sitemaps.values():
        monkeypatch.setattr(section, "limit", PAGE)


def _trainings(count):
    provider = ProviderFactory()
    return [TrainingFactory(provider=provider) for _ in range(count)]


def test_every_language_reads_the_pairs_a_slice_at_a_time():
    pairs = EveryLanguage(["a", "b", "c"], ["en", "es"])
    assert len(pairs) == 6
    assert pairs[1:4] == [("a", "es"), ("b", "en"), ("b", "es")]
    assert pairs[4:10] == [("c", "en"), ("c", "es")]
    assert pairs[0] == ("a", "en")
    assert list(pairs) == [(i, lang) for i in "abc" for lang in ("en", "es")]


def test_the_index_lists_each_page_of_a_long_section(client, small_pages):
    trainings = _trainings(12)  # 24 addresses: pages of 10, 10 and 4
    index = client.get("/sitemap.xml").content.decode()
    assert "<sitemapindex" in index
    assert re.findall(r"http://testserver/sitemap-trainings\.xml[^<]*", index) == [
        "http://testserver/sitemap-trainings.xml",
        "http://testserver/sitemap-trainings.xml?p=2",
        "http://testserver/sitemap-trainings.xml?p=3",
    ]
    pages_ = sitemap_pages(client)
    sizes = [
        len(re.findall(r"<url>", xml)) for loc, xml in pages_.items() if "sitemap-trainings" in loc
    ]
    assert sizes == [10, 10, 4]
    listed = [loc for loc, xml in pages_.items() if "sitemap-trainings" in loc]
    found = [LOC.findall(pages_[loc]) for loc in listed]
    addresses = [address for page in found for address in page]
    expected = [
        f"http://testserver{prefix}{t.get_absolute_url()}"
        for t in trainings
        for prefix in ("", "/es")
    ]
    assert addresses == expected


@pytest.mark.parametrize("page", ["0", "4", "two", "-1"])
def test_a_page_that_does_not_exist_is_a_404(client, small_pages, page):
    _trainings(12)
    assert client.get("/sitemap-trainings.xml", {"p": page}).status_code == 404
    assert client.get("/sitemap-no-such-section.xml").status_code == 404


def test_a_sitemap_page_costs_the_same_queries_and_bytes_with_10_or_100_times_the_rows(
    client, small_pages
):
    def measure():
        with CaptureQueriesContext(connection) as queries:
            index = client.get("/sitemap.xml")
            page = client.get("/sitemap-trainings.xml", {"p": 2})
        assert index.status_code == page.status_code == 200
        return len(queries.captured_queries), len(page.content), len(index.content)

    _trainings(10)
    few = measure()
    _trainings(90)
    many = measure()
    assert many[0] == few[0]  # queries
    assert abs(many[1] - few[1]) < 100  # a page of 10 addresses, only the slugs differ
    # The index grows by one line a page: 100 trainings are 200 addresses, 20 pages.
    assert many[2] - few[2] < 20 * 100


def test_the_site_map_lists_a_short_section_and_counts_a_long_one(client, monkeypatch):
    monkeypatch.setattr(pages, "SITE_MAP_MAX_LINKS", 5)
    trainings = _trainings(6)
    employers = [EmployerFactory() for _ in range(2)]
    html = client.get("/site-map/").content.decode()
    section = html[html.index('id="map-trainings"') : html.index('id="map-employers"')]
    assert "There are 6 of these pages, too many to list here." in section
    assert '<a href="/trainings/">search</a>, which also maps them by county.' in section
    assert not any(t.get_absolute_url() in html for t in trainings)
    for employer in employers:
        assert f'href="{employer.get_absolute_url()}"' in html
    spanish = client.get("/es/site-map/").content.decode()
    assert "Hay 6 páginas de este tipo, demasiadas para enumerarlas aquí." in spanish
    assert '<a href="/es/trainings/">búsqueda</a>' in spanish


def test_a_long_roles_section_points_to_the_careers_page(client, monkeypatch):
    monkeypatch.setattr(pages, "SITE_MAP_MAX_LINKS", 2)
    career = CareerFactory()
    roles = [RoleFactory(career=career) for _ in range(3)]
    html = client.get("/site-map/").content.decode()
    section = html[html.index('id="map-roles"') :]
    section = section[: section.index("</section>")]
    assert "There are 3 of these pages, too many to list here." in section
    assert '<a href="/careers/">careers page</a>, which lists every career and its roles.' in (
        section
    )
    assert not any(role.get_absolute_url() in section for role in roles)
    spanish = client.get("/es/site-map/").content.decode()
    assert '<a href="/es/careers/">página de carreras</a>' in spanish


def test_the_site_map_costs_the_same_queries_with_10_or_100_times_the_rows(client):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/site-map/").status_code == 200
        return len(captured.captured_queries)

    _trainings(3)
    few = queries()
    _trainings(30)  # a change: the page cache keeps the page under a new content version
    assert queries() == few
