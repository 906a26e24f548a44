"""
ZIP code to coordinates, and great-circle distance computed by the database.

`near(queryset, point, miles)` is the one "near a point" query of the site (trainings,
the guide, employers): a bounding box on latitude/longitude (which an index can use)
narrows the rows, then the haversine distance is annotated and cut at the radius, in one
query. Django supplies the maths functions on every backend (on SQLite it registers them
itself), so the same expression runs on SQLite and PostgreSQL.

ZIP codes come from places/data/zip_codes.csv, an extract of the `zipcodes` package's data
written by `manage.py extract_zip_codes` (the package is a test dependency, not the site's).
The table is read once per process as one string and a ZIP code is found in it by its line,
so a lookup costs a string search, not a scan of 42,000 records. Only 5 ASCII digits are
ever looked up (`is_zip` checks first): the package's compiled core, which the site used
before, panicked on other digits, and a ZIP code typed in full-width digits killed the worker.
"""

import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db.models import F, FloatField, Func, Q
from django.utils.translation import gettext_lazy as _

EARTH_RADIUS_MILES = 3958.8
ZIP_CENTER_NOTE = "ZIP code center (zipcodes package)"
CITY_CENTER_NOTE = (
    "Average of the centers of the standard ZIP codes of {city}, NY (zipcodes package): "
    "only the city is known"
)
# Shown to visitors: lazy, so each is read in the language of the request that shows it.
ZIP_FORMAT_MESSAGE = _("Enter a 5-digit ZIP code, for example 10001.")
UNKNOWN_ZIP_MESSAGE = _("We don't know the ZIP code {zip_code}. Check it, or search by county.")
OUTSIDE_NEW_YORK_MESSAGE = _(
    "{zip_code} is not a New York ZIP code. This site covers New York State only: enter a "
    "New York ZIP code, or choose a region or county."
)
RADIUS_CHOICES = [5, 10, 25, 50]
# The distance a search uses when the visitor chose none, on every page.
DEFAULT_MILES = 25


ZIP_TABLE = Path(__file__).resolve().parent / "data" / "zip_codes.csv"
ZIP_COLUMNS = ("zip_code", "state", "latitude", "longitude", "city", "county", "type")


@dataclass(frozen=True)
class Point:
    latitude: float
    longitude: float


@dataclass(frozen=True)
class ZipRecord:
    """One ZIP code of the table; city, county and type are given for New York only."""

    zip_code: str
    state: str
    point: Point
    city: str
    county: str
    type: str


class ZipError(ValueError):
    """A ZIP code that is malformed or unknown; its message is fit to show a visitor."""


def is_zip(value):
    """Whether `value` is exactly 5 ASCII digits: not full-width or Arabic-Indic digits,
    which `str.isdigit()` alone accepts, and no trailing newline."""
    return isinstance(value, str) and len(value) == 5 and value.isascii() and value.isdigit()


@lru_cache(maxsize=1)
def _zip_text():
    """The whole table, a newline in front so that every row starts with one."""
    return "\n" + ZIP_TABLE.read_text(encoding="utf-8")


def _zip_row(zip_code):
    """The table's row for `zip_code` (already checked by is_zip) as a list, or None."""
    text = _zip_text()
    start = text.find(f"\n{zip_code},")
    if start < 0:
        return None
    return text[start + 1 : text.index("\n", start + 1)].split(",")


def _record(row):
    zip_code, state, latitude, longitude, city, county, kind = row
    return ZipRecord(zip_code, state, Point(float(latitude), float(longitude)), city, county, kind)


@lru_cache(maxsize=4096)
def zip_record(zip_code):
    """The table's record of a 5-digit US ZIP code; ZipError for a malformed or unknown one."""
    zip_code = zip_code.strip() if isinstance(zip_code, str) else ""
    if not is_zip(zip_code):
        raise ZipError(ZIP_FORMAT_MESSAGE)
    row = _zip_row(zip_code)
    if row is None:
        raise ZipError(UNKNOWN_ZIP_MESSAGE.format(zip_code=zip_code))
    return _record(row)


def zip_point(zip_code):
    """The center of a 5-digit US ZIP code (ZipError for a malformed or unknown one)."""
    return zip_record(zip_code).point


def zip_state(zip_code):
    """The two-letter state of a valid ZIP code ("NY")."""
    return zip_record(zip_code).state


def is_new_york_zip(zip_code):
    try:
        return zip_state(zip_code) == "NY"
    except ZipError:
        return False


def new_york_records():
    """Every New York ZIP code of the table, in order."""
    text = _zip_text()
    return [_record(line.split(",")) for line in text.splitlines() if line[6:9] == "NY,"]


@lru_cache(maxsize=512)
def city_point(city):
    """The average of the centers of a New York city's standard ZIP codes.
    Raises ZipError when the table knows no standard ZIP code for that city."""
    records = [r for r in new_york_records() if r.city == city and r.type == "STANDARD"]
    if not records:
        raise ZipError(f"No standard ZIP codes for {city}, NY in the ZIP code table.")
    return Point(
        round(sum(r.point.latitude for r in records) / len(records), 5),
        round(sum(r.point.longitude for r in records) / len(records), 5),
    )


def fill_coordinates_from_zip(place):
    """
    Give a place (a row with zip_code, latitude, longitude, coordinates_note) that has a ZIP
    code but no coordinates the center of its ZIP code. Raises ZipError for a bad ZIP.
    """
    if place.zip_code and place.latitude is None and place.longitude is None:
        point = zip_point(place.zip_code)
        place.latitude, place.longitude = point.latitude, point.longitude
        place.coordinates_note = ZIP_CENTER_NOTE


def validate_zip_code(value):
    """Model and form validator: 5 ASCII digits that make a real US ZIP code."""
    if not is_zip(value):
        raise ValidationError(ZIP_FORMAT_MESSAGE, code="invalid")
    try:
        zip_point(value)
    except ZipError as error:
        raise ValidationError(str(error), code="unknown") from None


def validate_new_york_zip_code(value):
    """A real ZIP code (validate_zip_code runs first) that is in New York State."""
    try:
        state = zip_state(value)
    except ZipError:
        return  # validate_zip_code says what is wrong with it
    if state != "NY":
        raise ValidationError(
            OUTSIDE_NEW_YORK_MESSAGE.format(zip_code=value), code="outside_new_york"
        )


class Haversine(Func):
    """Great-circle distance in miles from (latitude, longitude) to the row's coordinates, by
    the haversine formula, as one SQL expression.

    The same formula built from Django's functions (Radians, Sin, Power, ...) was a tree of
    about twenty expressions, and a search that filters, annotates and sorts by distance
    resolved, hashed and compiled it each time: about a third of compiling the trainings
    search. One node, identified by its four arguments, costs little. RADIANS, SIN, COS,
    ASIN, SQRT and POWER are built into PostgreSQL, and Django defines them on SQLite.
    """

    output_field = FloatField()
    arity = 2

    def __init__(self, latitude, longitude, lat_field="latitude", lon_field="longitude"):
        super().__init__(F(lat_field), F(lon_field))
        self.latitude, self.longitude = latitude, longitude

    def as_sql(self, compiler, connection, **extra_context):
        lat, lat_params = compiler.compile(self.source_expressions[0])
        lon, lon_params = compiler.compile(self.source_expressions[1])
        lat0, lon0 = math.radians(self.latitude), math.radians(self.longitude)
        sql = (
            f"(%s * ASIN(SQRT(POWER(SIN((RADIANS({lat}) - %s) / 2), 2) + "
            f"%s * COS(RADIANS({lat})) * POWER(SIN((RADIANS({lon}) - %s) / 2), 2))))"
        )
        params = (2 * EARTH_RADIUS_MILES, *lat_params, lat0, math.cos(lat0), *lat_params)
        return sql, (*params, *lon_params, lon0)


def distance_expression(point, lat_field="latitude", lon_field="longitude"):
    """Haversine distance in miles from `point` to the row's coordinates, as an expression."""
    return Haversine(point.latitude, point.longitude, lat_field, lon_field)


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


def box_lookups(point, miles, lat_field="latitude", lon_field="longitude"):
    """Field lookups for the rows inside bounding_box(point, miles): what an index on the
    coordinates can find, before any distance is computed."""
    min_lat, max_lat, min_lon, max_lon = bounding_box(point, miles)
    return {f"{lat_field}__range": (min_lat, max_lat), f"{lon_field}__range": (min_lon, max_lon)}


def near(
    queryset,
    point,
    miles,
    *,
    lat_field="latitude",
    lon_field="longitude",
    name="distance",
    keep=None,
):
    """
    Rows within `miles` of `point`, annotated with `name` (miles, by the haversine
    formula); one query. The bounding box comes first so an index on the coordinates can
    narrow the rows before the exact distance is computed.

    `keep`, a Q, adds rows whatever their distance (the guide keeps online trainings);
    their `name` is still their distance, or None without coordinates.
    """
    # Built in this order on purpose: the database tests the cheap box before it computes
    # the distance. (One Q(**kwargs) sorts its keywords, which put "distance" first, and
    # SQLite evaluates the terms as written: the haversine, Python functions there, ran for
    # every row, not only for those in the box.)
    within = Q(**box_lookups(point, miles, lat_field, lon_field)) & Q(**{f"{name}__lte": miles})
    return queryset.annotate(**{name: distance_expression(point, lat_field, lon_field)}).filter(
        within | keep if keep is not None else within
    )
