"""
Pay figures for people: the `money` filter and the `pay_chart` tag.

    {% load wages %}
    {{ wage.annual_median|money }}            -> $58,130
    {{ wage.hourly_median|money:"hourly" }}   -> $27.95/hr
    {% pay_chart wages "annual" %}            -> SVG range chart + the same figures in a table
    {% pay_facts wage top_codes %}            -> the quick-facts box of one Wage row

The chart is drawn on the server (no JavaScript) with presentation attributes and classes
only, never a style attribute (the site's CSP forbids them); static/css/wages.css styles it.
A figure BLS did not publish is shown in words from its flag, never as a number.
"""

import datetime
import uuid
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal

from django import template
from django.utils.formats import date_format
from django.utils.translation import gettext

from wages.areas import STATE_AREA_CODE
from wages.models import (
    PERCENTILES,
    STATE_TABLE_URL,
    TABLES_URL,
    UNITS,
    Flag,
    Footnote,
)

register = template.Library()

WIDTH = 320
PAD_X = 10
ROW_HEIGHT = 50
AXIS_HEIGHT = 30
STEP = {"hourly": Decimal(5), "annual": Decimal(10000)}


@register.filter
def money(value, unit="annual"):
    """Decimal -> '$58,130' (annual, whole dollars) or '$27.95/hr' (hourly); '' for None.

    The figure itself is written the US way in every language ("$27.95 por hora" in
    Spanish, as US Spanish readers expect): only the words around it are translated.
    """
    if value in (None, ""):
        return ""
    amount = Decimal(str(value))
    if unit == "hourly":
        figure = f"${amount.quantize(Decimal('0.01'), ROUND_HALF_UP):,.2f}"
        return gettext("%(amount)s/hr") % {"amount": figure}
    return f"${amount.quantize(Decimal('1'), ROUND_HALF_UP):,.0f}"


@register.filter
def release_name(release):
    """A BLS release ("May 2025") as the reader's language writes a month ("mayo de 2025")."""
    try:
        month = datetime.datetime.strptime(str(release), "%B %Y").date()
    except ValueError:
        return release
    return date_format(month, "YEAR_MONTH_FORMAT")


def release_names(releases):
    return ", ".join(release_name(release) for release in releases)


def flag_words(flag, unit, top_code=None):
    """What to show people instead of a number BLS did not publish."""
    if flag == Flag.TOP_CODED:
        if top_code:
            amount = money(top_code[0 if unit == "hourly" else 1], unit)
            return gettext("%(amount)s or more") % {"amount": amount}
        return gettext("At or above the highest wage BLS publishes")
    if flag == Flag.NOT_RELEASED:
        return gettext("Not released")
    if flag == Flag.PAY_BASIS:
        if unit == "hourly":
            return gettext("Not published (BLS reports this pay only as a yearly salary)")
        return gettext("Not published (BLS reports this pay only as an hourly wage)")
    return gettext("Not published")


@dataclass
class Cell:
    key: str
    label: str
    value: Decimal | None
    text: str
    flag: str | None


def figure_text(wage, field, unit, top_code=None):
    value = getattr(wage, field)
    if value is not None:
        return money(value, unit)
    return flag_words(wage.flag(field), unit, top_code)


def _row_label(wage, vary_soc, vary_area):
    if vary_soc and vary_area:
        return f"{wage.soc_title}, {wage.area.display_name}"
    if vary_soc:
        return wage.soc_title
    return wage.area.display_name


def _scale(rows, unit):
    values = []
    for row in rows:
        for cell in row["cells"]:
            if cell.value is not None:
                values.append(cell.value)
        if row["top_coded_at"] is not None:
            values.append(row["top_coded_at"])
    if not values:
        return Decimal(0), STEP[unit]
    step = STEP[unit]
    lo = (min(values) / step).to_integral_value(ROUND_FLOOR) * step
    hi = (max(values) / step).to_integral_value(ROUND_CEILING) * step
    if hi <= lo:
        hi = lo + step
    return lo, hi


def employment_text(wage):
    """Jobs as people read them ('5,800'), or in words when BLS did not publish the number."""
    if wage.employment is not None:
        return f"{wage.employment:,}"
    return flag_words(wage.flag("employment"), "annual")


@register.simple_tag
def pay_figure(wage, field, top_codes=None):
    """One figure of a Wage row as people read it: '$27.95/hr', '$58,130', '5,800' or words."""
    if field == "employment":
        return employment_text(wage)
    if top_codes is None:
        top_codes = Footnote.objects.top_codes([wage.release])
    unit = "hourly" if field.startswith("hourly") else "annual"
    return figure_text(wage, field, unit, top_codes.get(wage.release))


def source_url_for(area):
    """BLS's own table for New York State; the OEWS tables page for the other areas."""
    return STATE_TABLE_URL if area.code == STATE_AREA_CODE else TABLES_URL


@register.inclusion_tag("wages/_pay_facts.html")
def pay_facts(wage, top_codes=None, facts_id="", heading="", heading_level=2):
    """
    Quick facts of one Wage row: the median pay an hour and a year, the middle half (25th to
    75th percentile) in both units, the number of jobs, and the source line. Pass
    `top_codes` ({release: thresholds}, from Footnote.objects.top_codes) to save a query.
    """
    if top_codes is None:
        top_codes = Footnote.objects.top_codes([wage.release])
    top_code = top_codes.get(wage.release)

    def text(field, unit):
        return figure_text(wage, field, unit, top_code)

    return {
        "wage": wage,
        "facts_id": facts_id or f"facts-{uuid.uuid4().hex[:8]}",
        "heading": heading or gettext("Pay in %(area)s") % {"area": wage.area.name_in_sentence},
        "heading_tag": f"h{min(max(int(heading_level), 2), 6)}",
        "median_hourly": text("hourly_median", "hourly"),
        "median_annual": text("annual_median", "annual"),
        "p25_hourly": text("hourly_p25", "hourly"),
        "p75_hourly": text("hourly_p75", "hourly"),
        "p25_annual": text("annual_p25", "annual"),
        "p75_annual": text("annual_p75", "annual"),
        "employment": employment_text(wage),
        "area_name": wage.area.display_name,
        "area_in_sentence": wage.area.name_in_sentence,
        "source_url": source_url_for(wage.area),
        "release": release_name(wage.release),
    }


@register.inclusion_tag("wages/_pay_chart.html")
def pay_chart(wages, unit="annual", caption="", chart_id="", top_codes=None):
    """
    A pay-range chart and table for one or several Wage rows, all in one unit:
    the 10th to 90th percentile as a thin bar, the middle half (25th to 75th) as a thick bar
    and the median as a mark. Pass `top_codes` (Footnote.objects.top_codes) to save a query.
    """
    if unit not in UNITS:
        raise template.TemplateSyntaxError(f"pay_chart unit must be one of {UNITS}.")
    wages = list(wages)
    chart_id = chart_id or f"pay-{uuid.uuid4().hex[:8]}"
    releases = sorted({w.release for w in wages})
    if top_codes is None:
        top_codes = Footnote.objects.top_codes(releases) if releases else {}
    vary_soc = len({w.soc_code for w in wages}) > 1
    vary_area = len({w.area_id for w in wages}) > 1

    rows = []
    for wage in wages:
        top_code = top_codes.get(wage.release)
        cells = [
            Cell(
                key=key,
                label=label,
                value=value,
                text=figure_text(wage, f"{unit}_{key}", unit, top_code),
                flag=str(flag) if flag else None,
            )
            for key, label, value, flag in wage.percentiles(unit)
        ]
        top_coded_at = None
        if wage.flag(f"{unit}_p90") == Flag.TOP_CODED and top_code:
            top_coded_at = top_code[0 if unit == "hourly" else 1]
        rows.append(
            {
                "wage": wage,
                "label": _row_label(wage, vary_soc, vary_area),
                "cells": cells,
                "top_coded_at": top_coded_at,
            }
        )

    lo, hi = _scale(rows, unit)
    span = hi - lo
    inner = WIDTH - 2 * PAD_X

    def x(value):
        return round(PAD_X + float((value - lo) / span) * inner, 1)

    for index, row in enumerate(rows):
        by_key = {cell.key: cell.value for cell in row["cells"]}
        top = index * ROW_HEIGHT
        row["label_y"] = top + 16
        row["bar_y"] = top + 24
        row["middle_y"] = top + 22
        row["median_y1"], row["median_y2"] = top + 19, top + 41
        row["text_y"] = top + 36
        low = by_key["p10"] if by_key["p10"] is not None else by_key["p25"]
        high = by_key["p90"]
        row["open_end"] = False
        if high is None and row["top_coded_at"] is not None:
            high, row["open_end"] = row["top_coded_at"], True
        if high is None:
            high = by_key["p75"]
        row["range"] = (x(low), x(high)) if low is not None and high is not None else None
        if row["range"]:
            row["range_width"] = round(row["range"][1] - row["range"][0], 1)
        if by_key["p25"] is not None and by_key["p75"] is not None:
            row["middle"] = (x(by_key["p25"]), round(x(by_key["p75"]) - x(by_key["p25"]), 1))
        else:
            row["middle"] = None
        row["median_x"] = x(by_key["median"]) if by_key["median"] is not None else None
        row["drawn"] = bool(row["range"] or row["middle"] or row["median_x"] is not None)
        flags = {cell.flag for cell in row["cells"]}
        if flags == {str(Flag.TOP_CODED)}:
            row["none_text"] = gettext("Every percentile: %(figure)s") % {
                "figure": row["cells"][0].text
            }
        else:
            row["none_text"] = gettext("No figures published")
        row["summary"] = "; ".join(f"{c.label} {c.text}" for c in row["cells"])

    height = len(rows) * ROW_HEIGHT + AXIS_HEIGHT
    axis_y = len(rows) * ROW_HEIGHT + 4
    ticks = [
        {"x": x(value), "text": money(value, unit), "anchor": anchor}
        for value, anchor in ((lo, "start"), (lo + span / 2, "middle"), (hi, "end"))
    ]
    release_words = release_names(releases)
    if unit == "hourly":
        title = caption or gettext("Pay range, hourly wage")
        table_caption = gettext("%(title)s: hourly wages, %(releases)s")
        from_words = gettext("Hourly wages from the U.S. Bureau of Labor Statistics, %(releases)s.")
    else:
        title = caption or gettext("Pay range, annual wage")
        table_caption = gettext("%(title)s: annual wages, %(releases)s")
        from_words = gettext("Annual wages from the U.S. Bureau of Labor Statistics, %(releases)s.")
    description = " ".join(
        [
            from_words % {"releases": release_words},
            gettext(
                "Each bar runs from the 10th to the 90th percentile; the thick part is the "
                "middle half (25th to 75th percentile) and the mark is the median."
            ),
            *(
                gettext("%(label)s: %(figures)s.")
                % {"label": row["label"], "figures": row["summary"]}
                for row in rows
            ),
        ]
    )
    return {
        "chart_id": chart_id,
        "title": title,
        "description": description,
        "rows": rows,
        "width": WIDTH,
        "height": height,
        "axis_y": axis_y,
        "axis_x1": PAD_X,
        "axis_x2": WIDTH - PAD_X,
        "tick_y": axis_y + 18,
        "ticks": ticks,
        "percentiles": PERCENTILES,
        "unit": unit,
        "table_caption": table_caption % {"title": title, "releases": release_words},
        "release_words": release_words,
        "source_url": TABLES_URL,
        "row_header": gettext("Occupation") if vary_soc and not vary_area else gettext("Area"),
    }
