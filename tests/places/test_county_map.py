"""
The county map of /trainings/ and /employers/: one link per New York county, shaded by
its count, and each link leads to a list holding exactly the things the map counted.
"""

import re
from html import unescape

import pytest

from content.models import Status
from places.regions import REGION_BY_COUNTY
from places.templatetags.places_map import bucket, legend
from tests.employers.factories import EmployerFactory, LocationFactory
from tests.trainings.factories import ProviderFactory, TrainingFactory

pytestmark = pytest.mark.django_db

LINK = re.compile(
    r'<a href="(?P<url>[^"]+)" class="county-map__county county-map__county--(?P<level>\d)">'
    r"<title>(?P<title>[^<]+)</title>"
)


def map_links(response):
    html = response.content.decode()
    return {
        unescape(m["title"]).split(" County:")[0]: (unescape(m["url"]), unescape(m["title"]))
        for m in LINK.finditer(html)
    }


def counted(title):
    number = title.split(": ")[1].split()[0]
    return 0 if number == "no" else int(number)


@pytest.fixture
def trainings():
    albany = ProviderFactory(county="Albany")
    erie = ProviderFactory(county="Erie")
    lawrence = ProviderFactory(county="St. Lawrence")
    TrainingFactory.create_batch(3, provider=albany)
    TrainingFactory(provider=albany, status=Status.DRAFT)  # not counted, not listed
    TrainingFactory(provider=erie)
    TrainingFactory.create_batch(2, provider=lawrence)


@pytest.fixture
def employers():
    one = EmployerFactory()
    LocationFactory(employer=one, county="Kings", city="Brooklyn", zip_code="11201")
    LocationFactory(employer=one, county="Kings", city="Brooklyn", zip_code="11215")
    LocationFactory(employer=one, county="Albany", city="Albany", zip_code="12207")
    two = EmployerFactory()
    LocationFactory(employer=two, county="Kings", city="Brooklyn", zip_code="11201")
    draft = EmployerFactory(status=Status.DRAFT)
    LocationFactory(employer=draft, county="Albany", city="Albany", zip_code="12207")


def test_training_map_has_a_link_for_each_of_the_62_counties(client, trainings):
    links = map_links(client.get("/trainings/"))
    assert set(links) == set(REGION_BY_COUNTY)
    assert links["Albany"] == ("/trainings/?county=Albany", "Albany County: 3 trainings")
    assert links["Erie"][1] == "Erie County: 1 training"
    assert links["Hamilton"][1] == "Hamilton County: no trainings"


@pytest.mark.parametrize("county", ["Albany", "Erie", "St. Lawrence"])
def test_training_map_links_list_exactly_what_the_map_counted(client, trainings, county):
    url, title = map_links(client.get("/trainings/"))[county]
    listed = client.get(url)
    assert listed.status_code == 200
    assert listed.context["page_obj"].paginator.count == counted(title) > 0


@pytest.mark.parametrize("county", ["Kings", "Albany"])
def test_employer_map_links_list_exactly_what_the_map_counted(client, employers, county):
    url, title = map_links(client.get("/employers/"))[county]
    assert url == f"/employers/?county={county}"
    listed = client.get(url)
    assert listed.status_code == 200
    assert listed.context["page_obj"].paginator.count == counted(title) > 0


def test_employer_map_counts_each_employer_once_per_county(client, employers):
    links = map_links(client.get("/employers/"))
    assert len(links) == 62
    assert links["Kings"][1] == "Kings County: 2 employers"
    assert links["Albany"][1] == "Albany County: 1 employer"  # the draft is not counted


def test_counts_are_one_query(employers, trainings, django_assert_num_queries):
    from employers.models import Employer
    from trainings.models import Training

    with django_assert_num_queries(2):
        Employer.objects.published().counts_by_county()
        Training.objects.published().counts_by_county()


def test_shading_buckets_and_legend():
    assert [bucket(n, 10) for n in (0, 1, 2, 3, 5, 10)] == [0, 1, 1, 2, 3, 5]
    assert legend(10) == [
        (0, "None"),
        (1, "1 to 2"),
        (2, "3 to 4"),
        (3, "5 to 6"),
        (4, "7 to 8"),
        (5, "9 to 10"),
    ]
    assert legend(2) == [(0, "None"), (3, "1"), (5, "2")]
    assert [bucket(n, 2) for n in (1, 2)] == [3, 5]
