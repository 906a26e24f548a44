"""
Template tags every page shares: one way to show a date to people (with the machine-readable
date beside it), and `capture`, which renders a piece of template once into a variable so
that base.html can use a page's title and description in several tags.
"""

import datetime

from django import template
from django.utils.dateformat import format as format_date
from django.utils.html import format_html
from django.utils.safestring import mark_safe

register = template.Library()

# "March 5, 2026": the one date format people read on this site.
HUMAN_DATE = "F j, Y"


@register.filter
def human_date(value):
    """`{{ item.checked_on|human_date }}`: <time datetime="2026-03-05">March 5, 2026</time>.

    Datetimes show their (local) date only. Anything that is not a date renders as "".
    """
    if isinstance(value, datetime.datetime):
        if value.tzinfo is not None:
            from django.utils import timezone

            value = timezone.localtime(value)
        value = value.date()
    if not isinstance(value, datetime.date):
        return ""
    return format_html(
        '<time datetime="{}">{}</time>', value.isoformat(), format_date(value, HUMAN_DATE)
    )


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
