"""
places.geo.near, the one "near a point" query: the bounding box, then the exact great-circle
distance. The suite runs on SQLite and PostgreSQL; these tests expect the same on both.
"""

import math

import pytest
from django.db.models import Q

from employers.models import Location
from places.geo import EARTH_RADIUS_MILES, Point, near, zip_point
from tests.employers.factories import LocationFactory

pytestmark = pytest.mark.django_db

CENTRE = zip_point("10001")


def destination(point, miles, bearing_degrees):
    """The point `miles` from `point` along a great circle at this bearing."""
    lat1, lon1 = math.radians(point.latitude), math.radians(point.longitude)
    bearing, angle = math.radians(bearing_degrees), miles / EARTH_RADIUS_MILES
    lat2 = math.asin(
        math.sin(lat1) * math.cos(angle) + math.cos(lat1) * math.sin(angle) * math.cos(bearing)
    )
    lon2 = lon1 + math.atan2(
        math.sin(bearing) * math.sin(angle) * math.cos(lat1),
        math.cos(angle) - math.sin(lat1) * math.sin(lat2),
    )
    return Point(math.degrees(lat2), math.degrees(lon2))


def located(name, miles, bearing):
    point = destination(CENTRE, miles, bearing)
    return LocationFactory(name=name, latitude=point.latitude, longitude=point.longitude)


@pytest.fixture
def around():
    """Places at known distances from the centre of 10001, created out of order."""
    located("9.9 miles west", 9.9, 270)
    located("2 miles north", 2, 0)
    located("10.1 miles south, just outside", 10.1, 180)
    # Inside the bounding box of a 10-mile circle (its corner is 14 miles away), not the circle.
    located("12 miles north-east, in the box only", 12, 45)
    located("6 miles east", 6, 90)


def test_near_keeps_the_rows_within_the_radius_nearest_first(around):
    rows = near(Location.objects.all(), CENTRE, 10).order_by("distance")
    assert [(row.name, round(row.distance, 2)) for row in rows] == [
        ("2 miles north", 2.0),
        ("6 miles east", 6.0),
        ("9.9 miles west", 9.9),
    ]


def test_the_distance_is_great_circle_miles_to_a_hundredth(around):
    distances = dict(near(Location.objects.all(), CENTRE, 50).values_list("name", "distance"))
    assert distances == {
        "2 miles north": pytest.approx(2, abs=0.01),
        "6 miles east": pytest.approx(6, abs=0.01),
        "9.9 miles west": pytest.approx(9.9, abs=0.01),
        "10.1 miles south, just outside": pytest.approx(10.1, abs=0.01),
        "12 miles north-east, in the box only": pytest.approx(12, abs=0.01),
    }


def test_keep_adds_rows_whatever_their_distance(around):
    far = located("Buffalo", 290, 300)
    rows = near(Location.objects.all(), CENTRE, 5, keep=Q(pk=far.pk)).order_by("distance")
    assert [row.name for row in rows] == ["2 miles north", "Buffalo"]
    assert rows[1].distance == pytest.approx(290, abs=0.01)


def test_near_follows_a_relation_and_names_the_annotation(around):
    from employers.models import Employer

    employers = near(
        Employer.objects.all(),
        CENTRE,
        3,
        lat_field="locations__latitude",
        lon_field="locations__longitude",
        name="miles_away",
    )
    assert [(e.locations.get().name, round(e.miles_away, 1)) for e in employers] == [
        ("2 miles north", 2.0)
    ]


def test_near_is_one_query(around, django_assert_num_queries):
    with django_assert_num_queries(1):
        assert len(list(near(Location.objects.all(), CENTRE, 10))) == 3
