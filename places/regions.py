"""
New York State's 62 counties grouped into its 10 economic development regions, as used by
Empire State Development's Regional Economic Development Councils and the NYS Department
of Labor's regional labor-market reports.
"""

from django.db import models


class Region(models.TextChoices):
    CAPITAL = "capital", "Capital Region"
    CENTRAL = "central", "Central New York"
    FINGER_LAKES = "finger-lakes", "Finger Lakes"
    LONG_ISLAND = "long-island", "Long Island"
    MID_HUDSON = "mid-hudson", "Mid-Hudson"
    MOHAWK_VALLEY = "mohawk-valley", "Mohawk Valley"
    NYC = "nyc", "New York City"
    NORTH_COUNTRY = "north-country", "North Country"
    SOUTHERN_TIER = "southern-tier", "Southern Tier"
    WESTERN = "western", "Western New York"


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

COUNTY_CHOICES = [(county, f"{county} County") for county in sorted(REGION_BY_COUNTY)]


def region_for_county(county):
    """The region a county belongs to, or None for a name that is not a NY county."""
    return REGION_BY_COUNTY.get(county)
