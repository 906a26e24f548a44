"""
`{% county_map counts base_url singular plural %}`: the New York county map, shaded by how
many things each county has, each county a link to `<base_url>?county=<County>`.

The owning app counts (one query) and hands the counts over, so places imports no feature
app. It also hands over the nouns already in the reader's language
(`{% translate "employer" as one %}`), since places cannot know what is counted.
The shapes are places/data/ny_counties.json (scripts/make_ny_county_map.py).
"""

import json
import math
from functools import cache
from pathlib import Path

from django import template
from django.utils.http import urlencode
from django.utils.translation import gettext, pgettext

from places.regions import REGION_BY_COUNTY
from places.regions import county_label as county_label_of

register = template.Library()

SHAPES = Path(__file__).resolve().parent.parent / "data" / "ny_counties.json"
BUCKETS = 5


@cache
def shapes():
    data = json.loads(SHAPES.read_text())
    return data["viewBox"], data["counties"]


def bucket(count, most):
    """0 for none, else 1..BUCKETS in equal steps up to the largest count."""
    if count <= 0 or most <= 0:
        return 0
    return max(1, min(BUCKETS, math.ceil(BUCKETS * count / most)))


def legend(most):
    """(bucket, "low to high") for each shade that some count can fall in."""
    rows = [(0, pgettext("county map legend: no things in a county", "None"))]
    low = 1
    for level in range(1, BUCKETS + 1):
        high = math.floor(most * level / BUCKETS)
        if high >= low:
            if low == high:
                rows.append((level, str(low)))
            else:
                rows.append((level, gettext("{low} to {high}").format(low=low, high=high)))
            low = high + 1
    return rows


@register.filter
def county_label(county):
    """`{{ location.county|county_label }}`: "Albany County" in the page's language. What
    get_county_display shows, without building a dictionary of all 62 translated choices
    on every call (a results page of 20 employers built it 20 times)."""
    return county_label_of(county)


@register.inclusion_tag("places/_county_map.html")
def county_map(counts, base_url, singular, plural, caption=""):
    """counts: {county name: count}; names that are not NY counties are ignored."""
    view_box, paths = shapes()
    counts = {name: n for name, n in counts.items() if name in REGION_BY_COUNTY}
    most = max(counts.values(), default=0)
    counties = []
    for name, d in paths.items():
        count = counts.get(name, 0)
        if count:
            # The caller's nouns are already in the reader's language ("employer", "employers").
            label = gettext("{county} County: {count} {noun}").format(
                county=name, count=count, noun=singular if count == 1 else plural
            )
        else:
            label = gettext("{county} County: no {plural}").format(
                county=name, singular=singular, plural=plural
            )
        counties.append(
            {
                "name": name,
                "d": d,
                "count": count,
                "level": bucket(count, most),
                "label": label,
                "url": f"{base_url}?{urlencode({'county': name})}",
            }
        )
    return {
        "view_box": view_box,
        "counties": counties,
        "legend": legend(most),
        "caption": caption,
        "plural": plural,
    }
