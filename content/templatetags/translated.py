"""
Printing translated content (content/i18n.py) so screen readers pronounce it right.

A page in Spanish prints each translated field in Spanish; where a row has no Spanish yet,
it falls back to the English text, and that text must say it is English:

    {{ role|tr:"name" }}                 the text; <span lang="en">...</span> when it is English
    {{ role|tr:"name"|lower }}           (the result is safe HTML: chain text filters freely)
    {{ career|tr_paragraphs:"overview" }} like |linebreaks, each <p lang="en"> when English
    <h1{% lang_of career "title" %}>     ' lang="en"' on an element holding only that field

Attribute values (a title, a meta description, aria-label) take plain {{ obj.field }}: an
attribute cannot carry its own language.
"""

from django import template
from django.template.defaultfilters import linebreaks_filter
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe

from content.i18n import DEFAULT_LANGUAGE, active_language, translated_fields

register = template.Library()


def falls_back(obj, field):
    """True when `obj.field` shows English on a page in another language (no text there)."""
    language = active_language()
    if language == DEFAULT_LANGUAGE or obj is None:
        return False
    own_answer = getattr(obj, f"{field}_falls_back", None)  # a cached copy, e.g. consent's
    if own_answer is not None:
        return own_answer
    if field not in translated_fields(type(obj)):
        return False
    own = getattr(obj, f"{field}_{language}", None)
    return not (own or "").strip() and bool(getattr(obj, field, ""))


@register.filter
def tr(obj, field):
    """`obj.field` escaped, in a <span lang="en"> when it falls back to English."""
    text = getattr(obj, field, "") if obj is not None else ""
    if falls_back(obj, field):
        return format_html('<span lang="{}">{}</span>', DEFAULT_LANGUAGE, text)
    return conditional_escape(text)


@register.filter
def tr_paragraphs(obj, field):
    """`obj.field` as paragraphs (|linebreaks), each marked lang="en" when it falls back."""
    text = getattr(obj, field, "") if obj is not None else ""
    html = linebreaks_filter(text, autoescape=True)
    if falls_back(obj, field):
        html = html.replace("<p>", f'<p lang="{DEFAULT_LANGUAGE}">')
    return mark_safe(html)  # linebreaks escaped the text; the attribute is ours


@register.simple_tag
def lang_of(obj, field):
    """' lang="en"' for the element that holds `obj.field` when it falls back, else ""."""
    if falls_back(obj, field):
        return format_html(' lang="{}"', DEFAULT_LANGUAGE)
    return ""
