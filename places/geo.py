"""
ZIP code to coordinates, and great-circle distance computed by the database.

`near(queryset, point, miles)` is the one "near a point" query of the site (trainings,
the guide, employers): a bounding box on latitude/longitude (which an index can use)
narrows the rows, then the haversine distance is annotated and cut at the radius, in one
query. Django supplies the maths functions on every backend (on SQLite it registers them
itself), so the same expression runs on SQLite and PostgreSQL.

Only 5 ASCII digits ever reach the `zipcodes` package: its compiled core panics on other
digits (a ZIP code typed in full-width digits killed the worker), so `is_zip` checks first.
"""

import math
from dataclasses import dataclass
from functools import lru_cache

import zipcodes
from django.core.exceptions import ValidationError
from django.db.models import F, FloatField, Q, Value
from django.db.models.functions import ASin, Cos, Power, Radians, Sin, Sqrt
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


@dataclass(frozen=True)
class Point:
    latitude: float
    longitude: float


class ZipError(ValueError):
    """A ZIP code that is malformed or unknown; its message is fit to show a visitor."""


def is_zip(value):
    """Whether `value` is exactly 5 ASCII digits: not full-width or Arabic-Indic digits,
    which `str.isdigit()` alone accepts, and no trailing newline."""
    return isinstance(value, str) and len(value) == 5 and value.isascii() and value.isdigit()


@lru_cache(maxsize=4096)
def zip_point(zip_code):
    """The center of a 5-digit US ZIP code, from data shipped with `zipcodes` (no network)."""
    zip_code = zip_code.strip() if isinstance(zip_code, str) else ""
    if not is_zip(zip_code):
        raise ZipError(ZIP_FORMAT_MESSAGE)
    try:
        matches = zipcodes.matching(zip_code)
    except (TypeError, ValueError):
        matches = []
    if not matches:
        raise ZipError(UNKNOWN_ZIP_MESSAGE.format(zip_code=zip_code))
    record = matches[0]
    return Point(float(record["lat"]), float(record["long"]))


@lru_cache(maxsize=4096)
def zip_state(zip_code):
    """The two-letter state of a valid ZIP code ("NY"), from the `zipcodes` data."""
    zip_point(zip_code)  # raises ZipError for a malformed or unknown ZIP code
    return zipcodes.matching(zip_code.strip())[0].get("state", "")


def is_new_york_zip(zip_code):
    try:
        return zip_state(zip_code) == "NY"
    except ZipError:
        return False


@lru_cache(maxsize=512)
def city_point(city):
    """The average of the centers of a New York city's standard ZIP codes (zipcodes package).
    Raises ZipError when the package knows no standard ZIP code for that city."""
    records = [
        r for r in zipcodes.filter_by(city=city, state="NY") if r.get("zip_code_type") == "STANDARD"
    ]
    if not records:
        raise ZipError(f"No standard ZIP codes for {city}, NY in the zipcodes package.")
    return Point(
        round(sum(float(r["lat"]) for r in records) / len(records), 5),
        round(sum(float(r["long"]) for r in records) / len(records), 5),
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
    min_lat, max_lat, min_lon, max_lon = bounding_box(point, miles)
    # Built in this order on purpose: the database tests the cheap box before it computes
    # the distance. (One Q(**kwargs) sorts its keywords, which put "distance" first, and
    # SQLite evaluates the terms as written: the haversine, Python functions there, ran for
    # every row, not only for those in the box.)
    within = (
        Q(**{f"{lat_field}__range": (min_lat, max_lat)})
        & Q(**{f"{lon_field}__range": (min_lon, max_lon)})
        & Q(**{f"{name}__lte": miles})
    )
    return queryset.annotate(**{name: distance_expression(point, lat_field, lon_field)}).filter(
        within | keep if keep is not None else within
    )
