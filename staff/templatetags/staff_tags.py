"""The staff start page's queues: what waits for someone, each with the list it counts."""

from django import template
from django.urls import NoReverseMatch, reverse

from content.admin import reviewable_content_types
from content.models import Revision, Status
from content.review import stale_items, visible_models

register = template.Library()


def _revisions(user, status):
    return Revision.objects.filter(status=status, content_type__in=reviewable_content_types(user))


def _changelist(model, query):
    opts = model._meta
    try:
        return reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist") + query
    except NoReverseMatch:
        return ""


@register.simple_tag(takes_context=True)
def staff_queues(context):
    """[{"label", "count", "url"}]: changes for review, scheduled changes, items whose
    source needs checking, and the drafts of each content type the user may see."""
    user = context["request"].user
    revisions_url = reverse("admin:content_revision_changelist")
    queues = [
        {
            "label": "Changes waiting for review",
            "count": _revisions(user, Revision.State.PENDING).count(),
            "url": revisions_url + "?status__exact=pending",
        },
        {
            "label": "Changes scheduled to go live",
            "count": _revisions(user, Revision.State.SCHEDULED).count(),
            "url": revisions_url + "?status__exact=scheduled",
        },
        {
            "label": "Items whose source needs checking",
            "count": len(stale_items(user)),
            "url": reverse("staff_needs_review"),
        },
    ]
    for kind in visible_models(user):
        url = _changelist(kind.model, "?status__exact=draft")
        if url:
            queues.append(
                {
                    "label": f"Draft {kind.model._meta.verbose_name_plural}",
                    "count": kind.model._default_manager.filter(status=Status.DRAFT).count(),
                    "url": url,
                }
            )
    return queues
