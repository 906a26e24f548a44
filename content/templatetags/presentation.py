"""
Template tags every page shares: one way to show a date to people (with the machine-readable
date beside it) and a month, in the page's language; and `capture`, which renders a piece of
template once into a variable so that base.html can use a page's title and description in
several tags.
"""

import datetime

from django import template
from django.utils import timezone
from django.utils.dateformat import format as format_date
from django.utils.formats import get_format
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from content.i18n import DEFAULT_LANGUAGE, active_language

register = template.Library()

# "March 5, 2026": the one date format people read on the English pages (Django's English
# DATE_FORMAT abbreviates the month). Other languages use their DATE_FORMAT, which for
# Spanish (config/formats/es) reads "5 de marzo de 2026".
HUMAN_DATE = "F j, Y"


def _as_date(value):
    """The (local) date of a date or datetime; None for anything else."""
    if isinstance(value, datetime.datetime):
        if value.tzinfo is not None:
            value = timezone.localtime(value)
        value = value.date()
    return value if isinstance(value, datetime.date) else None


def _format(value, english, name):
    """`english` on English pages, the active language's `name` format otherwise."""
    if active_language() == DEFAULT_LANGUAGE:
        return format_date(value, english)
    return format_date(value, get_format(name))


@register.filter
def human_date(value):
    """`{{ item.checked_on|human_date }}`: <time datetime="2026-03-05">March 5, 2026</time>.

    In Spanish "5 de marzo de 2026". Datetimes show their (local) date only. Anything that
    is not a date renders as "".
    """
    value = _as_date(value)
    if value is None:
        return ""
    return format_html(
        '<time datetime="{}">{}</time>',
        value.isoformat(),
        _format(value, HUMAN_DATE, "DATE_FORMAT"),
    )


@register.filter
def human_month(value):
    """`{{ item.checked_on|human_month }}`: "March 2026", in Spanish "marzo de 2026".

    For "checked March 2026" beside a source. Plain text (it sits inside a sentence);
    anything that is not a date renders as "".
    """
    value = _as_date(value)
    if value is None:
        return ""
    return _format(value, "F Y", "YEAR_MONTH_FORMAT")


class CaptureNode(template.Node):
    # Lets {% extends %} find {% block %}s inside, so child templates still fill them.
    child_nodelists = ("nodelist",)

    def __init__(self, nodelist, name):
        self.nodelist = nodelist
        self.name = name

    def render(self, context):
        # What the nodelist renders is already escaped: keep it as it is.
        context[self.name] = mark_safe(self.nodelist.render(context).strip())
        return ""


@register.tag
def capture(parser, token):
    """`{% capture as name %}...{% endcapture %}`: render the content into `name`, output nothing.

    base.html wraps `{% block title %}` in it, so the title a page sets is written into the
    <title>, Open Graph and Twitter tags alike.
    """
    bits = token.split_contents()
    if len(bits) != 3 or bits[1] != "as":
        raise template.TemplateSyntaxError("Usage: {% capture as name %}...{% endcapture %}")
    nodelist = parser.parse(("endcapture",))
    parser.delete_first_token()
    return CaptureNode(nodelist, bits[2])
