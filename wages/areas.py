"""
Which BLS area a New York county or ZIP code belongs to (wages.models.CountyArea).

Both return None when the county has no sourced mapping (see docs/wages.md): the caller
then shows the New York State figures, `state_area()`.
"""

from dataclasses import dataclass

from django.utils.translation import gettext

from places.geo import ZipError, is_zip, zip_record
from places.regions import REGION_BY_COUNTY, county_label
from wages.models import Area, CountyArea

STATE_AREA_CODE = "3600000"


class ZipCodeError(ValueError):
    """A ZIP code that is not exactly five ASCII digits; the message can be shown to people."""


def state_area():
    """The New York State area, or None before any figures are loaded."""
    return Area.objects.filter(code=STATE_AREA_CODE).first()


def _county_key(name):
    name = " ".join(str(name or "").split())
    if name.lower().endswith(" county"):
        name = name[: -len(" county")]
    if name.lower().startswith("st "):  # zipcodes spells it both "St Lawrence" and "St. Lawrence"
        name = "St. " + name[3:]
    return name.strip()


def area_for_county(county_name):
    """The BLS area of a New York county ('Albany' or 'Albany County'), or None."""
    key = _county_key(county_name)
    if not key:
        return None
    mapping = CountyArea.objects.select_related("area").filter(county__iexact=key).first()
    return mapping.area if mapping else None


@dataclass(frozen=True)
class ZipArea:
    """Where a ZIP code is: its New York county (or "") and that county's BLS area (or None)."""

    zip_code: str
    county: str
    area: Area | None

    @property
    def in_new_york(self):
        return bool(self.county)

    @property
    def county_name(self):
        """The county for people, in their language: "Albany County", "Condado de Albany"."""
        key = _county_key(self.county)
        return county_label(key) if key in REGION_BY_COUNTY else self.county


def locate_zip(zip_code):
    """
    The New York county of a ZIP code (places.geo's ZIP code table) and its BLS area.
    `county` is "" for a ZIP code outside New York (or unknown); `area` is None then, and
    also for a New York county without a sourced mapping (show state_area() instead).

    Raises ZipCodeError unless zip_code is five ASCII digits.
    """
    zip_code = zip_code.strip() if isinstance(zip_code, str) else zip_code
    if not is_zip(zip_code):
        raise ZipCodeError(gettext("Enter a 5-digit ZIP code, for example 12207."))
    try:
        record = zip_record(zip_code)
    except ZipError:
        record = None
    county = record.county if record is not None and record.state == "NY" else ""
    return ZipArea(zip_code, county, area_for_county(county) if county else None)


def area_for_zip(zip_code):
    """
    The BLS area of a New York ZIP code's county, or None for a ZIP code outside New York
    or in a county without a mapping. Raises ZipCodeError unless five ASCII digits.
    """
    return locate_zip(zip_code).area
