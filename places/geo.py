"""
ZIP code to coordinates, and great-circle distance computed by the database.

`near(queryset, point, miles)` keeps one query: a bounding box on latitude/longitude (which
an index can use) narrows the rows, then the haversine distance is annotated and cut at
the radius. Django supplies the maths functions on every backend (on SQLite it registers
them itself), so the same expression runs on SQLite and PostgreSQL.
"""

import math
import re
from dataclasses import dataclass
from functools import lru_cache

import zipcodes
from django.db.models import F, FloatField, Value
from django.db.models.functions import ASin, Cos, Power, Radians, Sin, Sqrt

EARTH_RADIUS_MILES = 3958.8
ZIP_CENTRE_NOTE = "ZIP code centre (zipcodes package)"
ZIP_RE = re.compile(r"^\d{5}$")
RADIUS_CHOICES = [5, 10, 25, 50]


@dataclass(frozen=True)
class Point:
    latitude: float
    longitude: float


class ZipError(ValueError):
    """A ZIP code that is malformed or unknown; its message is fit to show a visitor."""


def is_zip(value):
    return bool(ZIP_RE.match(value or ""))


@lru_cache(maxsize=4096)
def zip_point(zip_code):
    """The centre of a 5-digit US ZIP code, from data shipped with `zipcodes` (no network)."""
    zip_code = (zip_code or "").strip()
    if not is_zip(zip_code):
        raise ZipError("Enter a 5-digit ZIP code, for example 10001.")
    try:
        matches = zipcodes.matching(zip_code)
    except (TypeError, ValueError):
        matches = []
    if not matches:
        raise ZipError(f"We don't know the ZIP code {zip_code}. Check it, or search by county.")
    record = matches[0]
    return Point(float(record["lat"]), float(record["long"]))


def fill_coordinates_from_zip(place):
    """
    Give a place (a row with zip_code, latitude, longitude, coordinates_note) that has a ZIP
    code but no coordinates the centre of its ZIP code. Raises ZipError for a bad ZIP.
    """
    if place.zip_code and place.latitude is None and place.longitude is None:
        point = zip_point(place.zip_code)
        place.latitude, place.longitude = point.latitude, point.longitude
        place.coordinates_note = ZIP_CENTRE_NOTE


def zip_county(zip_code):
    """The county name of a ZIP code ("New York", without "County"), or "" if unknown."""
    try:
        record = zipcodes.matching(zip_code)[0]
    except (IndexError, TypeError, ValueError):
        return ""
    return record.get("county", "").removesuffix(" County")


def distance_expression(point, lat_field="latitude", lon_field="longitude"):
    """Haversine distance in miles from `point` to the row's coordinates, as an expression."""
    lat0 = math.radians(point.latitude)
    lon0 = math.radians(point.longitude)
    lat = Radians(F(lat_field))
    lon = Radians(F(lon_field))
    a = Power(Sin((lat - Value(lat0)) / 2), 2) + Value(math.cos(lat0)) * Cos(lat) * Power(
        Sin((lon - Value(lon0)) / 2), 2
    )
    return Value(2 * EARTH_RADIUS_MILES) * ASin(Sqrt(a), output_field=FloatField())


def bounding_box(point, miles):
    """(min_lat, max_lat, min_lon, max_lon) of a box that contains the circle."""
    dlat = math.degrees(miles / EARTH_RADIUS_MILES)
    cos_lat = max(math.cos(math.radians(point.latitude)), 1e-6)
    dlon = math.degrees(miles / (EARTH_RADIUS_MILES * cos_lat))
    return (
        point.latitude - dlat,
        point.latitude + dlat,
        point.longitude - dlon,
        point.longitude + dlon,
    )


def near(queryset, point, miles, lat_field="latitude", lon_field="longitude", name="distance"):
    """Rows within `miles` of `point`, annotated with `name` (miles); one query."""
    min_lat, max_lat, min_lon, max_lon = bounding_box(point, miles)
    return (
        queryset.filter(
            **{
                f"{lat_field}__gte": min_lat,
                f"{lat_field}__lte": max_lat,
                f"{lon_field}__gte": min_lon,
                f"{lon_field}__lte": max_lon,
            }
        )
        .annotate(**{name: distance_expression(point, lat_field, lon_field)})
        .filter(**{f"{name}__lte": miles})
    )
