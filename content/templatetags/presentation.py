"""
Template tags every page shares: one way to show a date to people (with the machine-readable
date beside it) and a month, in the page's language; `capture`, which renders a piece of
template once into a variable so that base.html can use a page's title and description in
several tags; `cachedfragment`, a piece of page rendered once per content version and
language; and `icon`, one of the heroicons drawn in the site's icon sprite (content.icons).
"""

import datetime
from functools import lru_cache

from django import template
from django.templatetags.static import static
from django.utils import timezone
from django.utils.dateformat import format as format_date
from django.utils.formats import get_format
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from content.i18n import DEFAULT_LANGUAGE, active_language
from content.icons import SPRITE
from content.pagecache import cached_fragment

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


class CachedFragmentNode(template.Node):
    def __init__(self, name, nodelist):
        self.name = name
        self.nodelist = nodelist

    def render(self, context):
        return cached_fragment(self.name, lambda: self.nodelist.render(context))


@register.tag
def cachedfragment(parser, token):
    """`{% cachedfragment "name" %}...{% endcachedfragment %}`: rendered once per content
    version and language (content.pagecache.cached_fragment), so what is inside must not
    depend on the request or the query: a county map, not a result list. Values it needs
    are best passed uncalled (`Model.objects.published().counts_by_county`): the template
    calls them only when the fragment is rendered."""
    bits = token.split_contents()
    if len(bits) != 2 or bits[1][0] not in "\"'" or bits[1][0] != bits[1][-1]:
        raise template.TemplateSyntaxError('usage: {% cachedfragment "name" %}')
    nodelist = parser.parse(("endcachedfragment",))
    parser.delete_first_token()
    return CachedFragmentNode(bits[1][1:-1], nodelist)


@register.simple_tag
@lru_cache(maxsize=64)  # names are literals in templates: a few dozen at most
def icon(name):
    """`{% icon "clock" %}`: heroicons' 20-pixel "mini" icon, decorative (hidden from screen
    readers: the text beside it says the same), drawn from the sprite static/img/icons.svg,
    which the browser fetches once and caches (`manage.py build_icon_sprite` writes it)."""
    return format_html(
        '<svg class="icon" width="20" height="20" aria-hidden="true">'
        '<use href="{}#{}"></use></svg>',
        static(SPRITE),
        name,
    )
