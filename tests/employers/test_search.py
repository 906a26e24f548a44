"""Acceptance 1 and 2: the search finds exactly the right employers, in the right order."""

import math
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from content.models import Status
from employers.models import Employer, EmployerKind
from places.geo import EARTH_RADIUS_MILES, zip_point
from tests.careers.factories import RoleFactory, WorkSettingFactory
from tests.employers.factories import EmployerFactory, LocationFactory
from tests.plans import query_plan

pytestmark = pytest.mark.django_db

URL = "/employers/"


def north_of(point, miles):
    """A point `miles` due north of `point` (great-circle distance along the meridian)."""
    return point.latitude + math.degrees(miles / EARTH_RADIUS_MILES), point.longitude


def place(employer, miles, **fields):
    centre = zip_point("10001")
    latitude, longitude = north_of(centre, miles)
    return LocationFactory(employer=employer, latitude=latitude, longitude=longitude, **fields)


RESULT_NAME = re.compile(r'<h3><a href="/employers/[^"]+/">([^<]+)</a></h3>')


def result_names(response):
    return RESULT_NAME.findall(response.content.decode())


@pytest.fixture
def ring():
    """Employers at known distances north of the centre of ZIP 10001."""
    three = EmployerFactory(name="Three Miles")
    place(three, 3)
    eight = EmployerFactory(name="Eight Miles")
    place(eight, 8)
    thirty = EmployerFactory(name="Thirty Miles")
    place(thirty, 30)
    sixty = EmployerFactory(name="Sixty Miles")
    place(sixty, 60)
    # Two locations: it must appear once, at its nearest one (4 miles).
    twice = EmployerFactory(name="Four and Forty-Five Miles")
    place(twice, 45, name="Far site")
    place(twice, 4, name="Near site")
    return {"three": three, "eight": eight, "thirty": thirty, "sixty": sixty, "twice": twice}


@pytest.mark.parametrize(
    ("radius", "expected"),
    [
        (5, ["Three Miles", "Four and Forty-Five Miles"]),
        (10, ["Three Miles", "Four and Forty-Five Miles", "Eight Miles"]),
        (25, ["Three Miles", "Four and Forty-Five Miles", "Eight Miles"]),
        (
            50,
            ["Three Miles", "Four and Forty-Five Miles", "Eight Miles", "Thirty Miles"],
        ),
    ],
)
@pytest.mark.parametrize("name", ["miles", "radius"])  # "radius": links from before "miles"
def test_zip_and_radius_find_exactly_the_employers_inside_it_nearest_first(
    client, ring, radius, expected, name
):
    response = client.get(URL, {"zip": "10001", name: radius})
    assert response.status_code == 200
    assert result_names(response) == expected
    assert f'<option value="{radius}" selected>' in response.content.decode()


def test_miles_wins_over_the_old_radius_name_when_a_link_has_both(client, ring):
    response = client.get(URL, {"zip": "10001", "miles": 5, "radius": 50})
    assert result_names(response) == ["Three Miles", "Four and Forty-Five Miles"]


def test_each_employer_is_listed_once_with_its_nearest_location_and_distance(client, ring):
    response = client.get(URL, {"zip": "10001", "radius": 50})
    html = response.content.decode()
    assert result_names(response).count("Four and Forty-Five Miles") == 1
    assert "4.0 miles away" in html
    assert "Near site" in html
    assert "3.0 miles away" in html
    assert "30.0 miles away" in html


def test_distance_is_computed_by_the_database_to_a_hundredth_of_a_mile(ring):
    employers = Employer.objects.published().search(point=zip_point("10001"), miles=50)
    distances = {e.name: e.distance for e in employers}
    assert distances == {
        "Three Miles": pytest.approx(3, abs=0.01),
        "Four and Forty-Five Miles": pytest.approx(4, abs=0.01),
        "Eight Miles": pytest.approx(8, abs=0.01),
        "Thirty Miles": pytest.approx(30, abs=0.01),
    }
    nearest = {e.name: e.matching_locations[0].name for e in employers}
    assert nearest["Four and Forty-Five Miles"] == "Near site"


def test_radius_defaults_to_25_miles(client, ring):
    response = client.get(URL, {"zip": "10001"})
    assert result_names(response) == ["Three Miles", "Four and Forty-Five Miles", "Eight Miles"]


def test_without_a_zip_the_list_is_alphabetical(client, ring):
    response = client.get(URL)
    assert result_names(response) == sorted(
        ["Three Miles", "Eight Miles", "Thirty Miles", "Sixty Miles", "Four and Forty-Five Miles"]
    )


def test_the_alphabetical_list_ignores_capitals_as_a_reader_does(client):
    for name in ("MVP Health Care", "MetroPlusHealth", "NYC Health + Hospitals", "Northwell"):
        place(EmployerFactory(name=name), 3)
    assert result_names(client.get(URL)) == [
        "MetroPlusHealth",
        "MVP Health Care",
        "Northwell",
        "NYC Health + Hospitals",
    ]


def test_a_location_named_after_its_city_is_not_named_twice(client):
    employer = EmployerFactory(name="Liberty")
    place(employer, 3, name="Syracuse", city="Syracuse", county="Onondaga")
    html = client.get(URL, {"zip": "10001"}).content.decode()
    assert "Syracuse, Onondaga County" in html
    assert "Syracuse, Syracuse" not in html


def test_draft_employers_are_never_listed(client, ring):
    EmployerFactory(name="Hidden Draft", status=Status.DRAFT)
    place(Employer.objects.get(name="Hidden Draft"), 1)
    assert "Hidden Draft" not in result_names(client.get(URL, {"zip": "10001", "radius": 5}))
    assert "Hidden Draft" not in result_names(client.get(URL))


# Acceptance 2: county, region, role, kind, setting and name, alone and together.


@pytest.fixture
def mix():
    coordinator = RoleFactory(slug="care-coordinator", name="Care coordinator")
    manager = RoleFactory(slug="care-manager", name="Care manager", career=coordinator.career)
    hospital = WorkSettingFactory(slug="hospital", name="Hospital")
    health_home = WorkSettingFactory(slug="health-home", name="Health Home")

    bronx = EmployerFactory(
        name="Bronx Health Home",
        kind=EmployerKind.HEALTH_HOME,
        roles=[manager],
        settings=[health_home],
    )
    LocationFactory(employer=bronx, city="Bronx", county="Bronx", zip_code="10451")
    albany = EmployerFactory(
        name="Albany Hospital",
        kind=EmployerKind.HEALTH_SYSTEM,
        roles=[coordinator, manager],
        settings=[hospital],
    )
    LocationFactory(employer=albany, city="Albany", county="Albany", zip_code="12208")
    LocationFactory(employer=albany, city="Troy", county="Rensselaer", zip_code="12180")
    buffalo = EmployerFactory(
        name="Buffalo Plan",
        kind=EmployerKind.MANAGED_CARE_PLAN,
        roles=[coordinator],
        settings=[hospital, health_home],
    )
    LocationFactory(employer=buffalo, city="Buffalo", county="Erie", zip_code="14203")
    schenectady = EmployerFactory(
        name="Schenectady Health Home",
        kind=EmployerKind.HEALTH_HOME,
        roles=[coordinator],
        settings=[health_home],
    )
    LocationFactory(
        employer=schenectady, city="Schenectady", county="Schenectady", zip_code="12305"
    )


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"county": "Bronx"}, ["Bronx Health Home"]),
        ({"county": "Rensselaer"}, ["Albany Hospital"]),
        ({"region": "capital"}, ["Albany Hospital", "Schenectady Health Home"]),
        ({"region": "western"}, ["Buffalo Plan"]),
        ({"region": "north-country"}, []),
        (
            {"role": "care-coordinator"},
            ["Albany Hospital", "Buffalo Plan", "Schenectady Health Home"],
        ),
        ({"role": "care-manager"}, ["Albany Hospital", "Bronx Health Home"]),
        ({"kind": "health-home"}, ["Bronx Health Home", "Schenectady Health Home"]),
        ({"setting": "hospital"}, ["Albany Hospital", "Buffalo Plan"]),
        ({"q": "health home"}, ["Bronx Health Home", "Schenectady Health Home"]),
        ({"q": "  ALBANY "}, ["Albany Hospital"]),
        # Together.
        ({"region": "capital", "kind": "health-home"}, ["Schenectady Health Home"]),
        ({"region": "capital", "role": "care-manager"}, ["Albany Hospital"]),
        ({"county": "Albany", "region": "capital", "setting": "hospital"}, ["Albany Hospital"]),
        ({"county": "Albany", "region": "western"}, []),
        ({"setting": "health-home", "role": "care-coordinator", "q": "plan"}, ["Buffalo Plan"]),
        ({"zip": "12208", "radius": 25, "kind": "health-home"}, ["Schenectady Health Home"]),
        ({"zip": "12208", "radius": 10, "role": "care-coordinator"}, ["Albany Hospital"]),
        ({"zip": "12208", "radius": 50, "county": "Schenectady"}, ["Schenectady Health Home"]),
    ],
)
def test_filters_work_alone_and_together(client, mix, params, expected):
    response = client.get(URL, params)
    assert response.status_code == 200
    names = result_names(response)
    assert sorted(names) == sorted(expected)
    if not expected:
        assert "No employers match your search" in response.content.decode()


def test_region_is_derived_from_the_county_on_save():
    location = LocationFactory(county="Onondaga", city="Syracuse", zip_code="13202")
    assert location.region == "central"
    location.county = "Erie"
    location.save()
    location.refresh_from_db()
    assert location.region == "western"


def test_the_careers_page_link_with_a_role_slug_prefilters_the_list(client, mix):
    response = client.get("/employers/?role=care-coordinator")
    html = response.content.decode()
    assert '<option value="care-coordinator" selected>' in html
    assert "Bronx Health Home" not in result_names(response)


def test_pagination_keeps_the_filters(client):
    for i in range(25):
        LocationFactory(employer=EmployerFactory(name=f"Paged {i:02d}"))
    response = client.get(URL, {"zip": "10001", "radius": "5", "kind": "health-home"})
    html = response.content.decode()
    assert "Page 1 of 2" in html
    assert "zip=10001&amp;radius=5&amp;kind=health-home&amp;page=2" in html
    second = client.get(URL, {"zip": "10001", "radius": "5", "kind": "health-home", "page": 2})
    assert len(result_names(second)) == 5


def test_pagination_links_change_only_the_page(client):
    for i in range(45):
        LocationFactory(employer=EmployerFactory(name=f"Paged {i:02d}"))
    response = client.get(URL, {"zip": "10001", "miles": "5", "page": "2"})
    html = response.content.decode()
    assert "Page 2 of 3" in html
    assert 'href="?zip=10001&amp;miles=5&amp;page=1" rel="prev"' in html
    assert 'href="?zip=10001&amp;miles=5&amp;page=3" rel="next"' in html


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's query plans")
def test_a_search_near_a_zip_reads_the_locations_from_indexes_alone(client, ring):
    # Which locations are in the circle (and whose they are), and each employer's nearest:
    # both answered from an index (migration 0010), not by reading the location rows.
    with CaptureQueriesContext(connection) as queries:
        response = client.get(URL, {"zip": "10001", "miles": "10"})
    assert result_names(response) == ["Three Miles", "Four and Forty-Five Miles", "Eight Miles"]
    sql = next(q["sql"] for q in queries.captured_queries if "pagination_total" in q["sql"])
    plan = query_plan(sql)
    assert "USING COVERING INDEX location_lat_lon_employer" in plan, plan
    assert "USING COVERING INDEX location_employer_lat_lon" in plan, plan
