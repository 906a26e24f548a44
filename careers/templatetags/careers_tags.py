"""Formatting for careers pages: money without needless cents."""

from decimal import Decimal

from django import template

register = template.Library()


@register.filter
def money(value):
    """16 -> "$16", 16.5 -> "$16.50", 42000 -> "$42,000"."""
    if value in (None, ""):
        return ""
    amount = Decimal(value)
    if amount == amount.to_integral_value():
        return f"${amount:,.0f}"
    return f"${amount:,.2f}"


@register.filter
def by_source(items):
    """
    Rows grouped by where they come from, in order of first appearance: a list of
    {"source": the first row of the group (its source_name, source_url, checked_on),
    "items": the rows}. Pages list each group with one source line under it.
    """
    groups = {}
    for item in items:
        key = (
            getattr(item, "source_url", ""),
            getattr(item, "source_name", ""),
            getattr(item, "checked_on", None),
        )
        groups.setdefault(key, {"source": item, "items": []})["items"].append(item)
    return list(groups.values())
