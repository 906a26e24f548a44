"""
Which BLS area a New York county or ZIP code belongs to (wages.models.CountyArea).

Both return None when the county has no sourced mapping (see docs/wages.md): the caller
then shows the New York State figures, `state_area()`.
"""

import zipcodes

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


def is_zip(value):
    """True only for exactly five ASCII digits: full-width digits or a newline do not pass."""
    return isinstance(value, str) and len(value) == 5 and value.isascii() and value.isdigit()


def area_for_zip(zip_code):
    """
    The BLS area of a New York ZIP code's county (from the `zipcodes` package), or None for
    a ZIP code outside New York or in a county without a mapping.

    Raises ZipCodeError, without calling `zipcodes`, unless zip_code is five ASCII digits:
    that library fails on some non-ASCII digits.
    """
    zip_code = zip_code.strip() if isinstance(zip_code, str) else zip_code
    if not is_zip(zip_code):
        raise ZipCodeError("Enter a 5-digit ZIP code, for example 12207.")
    try:
        matches = zipcodes.matching(zip_code)
    except (TypeError, ValueError):
        return None
    record = next((m for m in matches if m.get("state") == "NY"), None)
    if record is None:
        return None
    return area_for_county(record.get("county", ""))
