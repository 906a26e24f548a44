"""
New York State's 62 counties grouped into its 10 economic development regions, as used by
Empire State Development's Regional Economic Development Councils and the NYS Department
of Labor's regional labor-market reports.
"""

from django.db import models
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _


class Region(models.TextChoices):
    CAPITAL = "capital", _("Capital Region")
    CENTRAL = "central", _("Central New York")
    FINGER_LAKES = "finger-lakes", _("Finger Lakes")
    LONG_ISLAND = "long-island", _("Long Island")
    MID_HUDSON = "mid-hudson", _("Mid-Hudson")
    MOHAWK_VALLEY = "mohawk-valley", _("Mohawk Valley")
    NYC = "nyc", _("New York City")
    NORTH_COUNTRY = "north-country", _("North Country")
    SOUTHERN_TIER = "southern-tier", _("Southern Tier")
    WESTERN = "western", _("Western New York")


COUNTIES_BY_REGION = {
    Region.CAPITAL: [
        "Albany", "Columbia", "Greene", "Rensselaer", "Saratoga", "Schenectady", "Warren",
        "Washington",
    ],
    Region.CENTRAL: ["Cayuga", "Cortland", "Madison", "Onondaga", "Oswego"],
    Region.FINGER_LAKES: [
        "Genesee", "Livingston", "Monroe", "Ontario", "Orleans", "Seneca", "Wayne", "Wyoming",
        "Yates",
    ],
    Region.LONG_ISLAND: ["Nassau", "Suffolk"],
    Region.MID_HUDSON: [
        "Dutchess", "Orange", "Putnam", "Rockland", "Sullivan", "Ulster", "Westchester",
    ],
    Region.MOHAWK_VALLEY: ["Fulton", "Herkimer", "Montgomery", "Oneida", "Otsego", "Schoharie"],
    Region.NYC: ["Bronx", "Kings", "New York", "Queens", "Richmond"],
    Region.NORTH_COUNTRY: [
        "Clinton", "Essex", "Franklin", "Hamilton", "Jefferson", "Lewis", "St. Lawrence",
    ],
    Region.SOUTHERN_TIER: [
        "Broome", "Chemung", "Chenango", "Delaware", "Schuyler", "Steuben", "Tioga", "Tompkins",
    ],
    Region.WESTERN: ["Allegany", "Cattaraugus", "Chautauqua", "Erie", "Niagara"],
}  # fmt: skip

REGION_BY_COUNTY = {
    county: region for region, counties in COUNTIES_BY_REGION.items() for county in counties
}


def county_label(county):
    """ "Albany" -> "Albany County" ("Condado de Albany" in Spanish); other names unchanged."""
    if county not in REGION_BY_COUNTY:
        return county
    return format_lazy(_("{county} County"), county=county)


# The value is the county's own name; the label is "Albany County" ("Condado de Albany").
COUNTY_CHOICES = [(county, county_label(county)) for county in sorted(REGION_BY_COUNTY)]


def region_for_county(county):
    """The region a county belongs to, or None for a name that is not a NY county."""
    return REGION_BY_COUNTY.get(county)
