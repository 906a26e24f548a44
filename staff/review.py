"""
"Needs review": content whose last verified / reviewed date is older than
settings.REVIEW_AFTER_DAYS (or was never set), across careers, trainings and employers,
with a bulk "mark verified today". A staff-only admin page (see staff/views.py).
"""

import datetime
from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.db.models import Q
from django.urls import NoReverseMatch, reverse
from django.utils import timezone


@dataclass(frozen=True)
class ReviewedModel:
    key: str  # used in the form: "<key>:<pk>"
    model_label: str  # app_label.ModelName
    date_field: str
    name_field: str
    type_label: str

    @property
    def model(self):
        return apps.get_model(self.model_label)

    def perm(self, action):
        opts = self.model._meta
        return f"{opts.app_label}.{action}_{opts.model_name}"


REVIEWED_MODELS = [
    ReviewedModel("career", "careers.Career", "reviewed_on", "title", "Career"),
    ReviewedModel("training", "trainings.Training", "last_verified", "title", "Training"),
    ReviewedModel("employer", "employers.Employer", "last_verified", "name", "Employer"),
]
BY_KEY = {m.key: m for m in REVIEWED_MODELS}


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
        for m in REVIEWED_MODELS
        if user.has_perm(m.perm("view")) or user.has_perm(m.perm("change"))
    ]


def stale_items(user, *, today=None):
    """Every stale item the user may see, unsorted."""
    before = cutoff(today)
    items = []
    for kind in visible_models(user):
        date = kind.date_field
        rows = (
            kind.model._default_manager.filter(
                Q(**{f"{date}__isnull": True}) | Q(**{f"{date}__lt": before})
            )
            .order_by()
            .values_list("pk", kind.name_field, date, "status")
        )
        items.extend(Item(kind, pk, name, day, status) for pk, name, day, status in rows)
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
    """Set the date to today on each object (save() one by one: the history records it)."""
    today = today or timezone.localdate()
    count = 0
    for kind, pks in items_by_kind.items():
        model = kind.model
        update_fields = [kind.date_field]
        if any(f.name == "updated_at" for f in model._meta.fields):
            update_fields.append("updated_at")
        for obj in model._default_manager.filter(pk__in=pks):
            setattr(obj, kind.date_field, today)
            obj.save(update_fields=update_fields)
            count += 1
    return count
