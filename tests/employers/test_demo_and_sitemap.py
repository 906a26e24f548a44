"""Benchmark seeding and the sitemap."""

import pytest

from content.models import Status
from employers import demo
from employers.models import Employer, Location
from tests.employers.factories import EmployerFactory
from tests.sitemaps import sitemap_xml

pytestmark = pytest.mark.django_db


def test_seed_refuses_to_run_with_debug_off(settings):
    settings.DEBUG = False
    with pytest.raises(RuntimeError, match="DEBUG"):
        demo.seed(5)
    assert Employer.objects.count() == 0


def test_seed_makes_published_employers_with_three_locations_and_regions(settings):
    settings.DEBUG = True
    demo.seed(7)
    demo.seed(3)
    assert Employer.objects.published().count() == 10
    assert Location.objects.count() == 30
    assert not Location.objects.filter(region="").exists()


def test_sitemap_lists_the_search_page_and_published_employers_only(client):
    EmployerFactory(slug="shown-employer")
    EmployerFactory(slug="draft-employer", status=Status.DRAFT)
    xml = sitemap_xml(client)
    assert "<loc>http://testserver/employers/</loc>" in xml
    assert "<loc>http://testserver/employers/shown-employer/</loc>" in xml
    assert "draft-employer" not in xml
