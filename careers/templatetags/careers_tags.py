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
