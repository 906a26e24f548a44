"""
"Needs review": publishable content whose source was last checked more than
settings.REVIEW_AFTER_DAYS ago (or never), across every app, with a bulk "mark verified
today". The staff app shows it as an admin page (staff/views.py); the admin base offers
the same "mark verified" as an action on each list.
"""

import datetime
from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.db.models import Q
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from content.models import Publishable


@dataclass(frozen=True)
class ReviewedModel:
    """A publishable model on the review list; `key` names it in the form ("<key>:<pk>")."""

    model: type

    @property
    def key(self):
        return self.model._meta.model_name

    @property
    def type_label(self):
        return str(self.model._meta.verbose_name).capitalize()

    def perm(self, action):
        opts = self.model._meta
        return f"{opts.app_label}.{action}_{opts.model_name}"


def reviewed_models():
    """Every concrete Publishable model, in app and model order."""
    return [
        ReviewedModel(model)
        for model in apps.get_models()
        if issubclass(model, Publishable) and not model._meta.abstract
    ]


def by_key(key):
    return {m.key: m for m in reviewed_models()}.get(key)


@dataclass(frozen=True)
class Item:
    kind: ReviewedModel
    pk: int
    name: str
    date: datetime.date | None
    status: str

    @property
    def value(self):
        return f"{self.kind.key}:{self.pk}"

    @property
    def change_url(self):
        """The admin change page, or "" while the model has no admin (careers, for now)."""
        opts = self.kind.model._meta
        try:
            return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[self.pk])
        except NoReverseMatch:
            return ""


def cutoff(today=None):
    """Dates before this are stale: with 365 days, a date exactly 365 days old is fine."""
    today = today or timezone.localdate()
    return today - datetime.timedelta(days=settings.REVIEW_AFTER_DAYS)


def visible_models(user):
    return [
        m
        for m in reviewed_models()
        if user.has_perm(m.perm("view")) or user.has_perm(m.perm("change"))
    ]


def stale_items(user, *, today=None):
    """Every stale item the user may see, unsorted."""
    before = cutoff(today)
    items = []
    for kind in visible_models(user):
        rows = kind.model._default_manager.filter(
            Q(checked_on__isnull=True) | Q(checked_on__lt=before)
        ).order_by()
        items.extend(Item(kind, obj.pk, str(obj), obj.checked_on, obj.status) for obj in rows)
    return items


SORTS = {
    # Never-verified first, then oldest; ties by type then name.
    "date": lambda i: (
        i.date is not None,
        i.date or datetime.date.min,
        i.kind.type_label,
        i.name.lower(),
    ),
    "type": lambda i: (i.kind.type_label, i.name.lower(), i.pk),
    "name": lambda i: (i.name.lower(), i.kind.type_label, i.pk),
}


def sort_items(items, sort):
    key = sort.lstrip("-")
    return sorted(items, key=SORTS[key], reverse=sort.startswith("-"))


def mark_verified(items_by_kind, today=None):
    """Set the date to today on each object; returns how many were marked."""
    return sum(
        mark_checked(kind.model._default_manager.filter(pk__in=pks), today)
        for kind, pks in items_by_kind.items()
    )


def mark_checked(queryset, today=None):
    """Set checked_on to today on each row (save() one by one: the history records it)."""
    today = today or timezone.localdate()
    update_fields = ["checked_on"]
    if any(f.name == "updated_at" for f in queryset.model._meta.fields):
        update_fields.append("updated_at")
    count = 0
    for obj in queryset:
        obj.checked_on = today
        obj.save(update_fields=update_fields)
        count += 1
    return count
