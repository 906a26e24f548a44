"""Template helpers of the trainings pages."""

from django import template
from django.urls import NoReverseMatch

register = template.Library()


@register.simple_tag
def role_url(role):
    """The public page of a published role, or "" (no page yet, or not published)."""
    if not (role.is_published and role.career.is_published):
        return ""
    try:
        return role.get_absolute_url()
    except NoReverseMatch:  # the careers pages are not wired up on this branch yet
        return ""
