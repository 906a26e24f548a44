"""
Every public source the published content cites, gathered from the models themselves
through the apps registry: each model with a `source_url` field, in any app, without
importing one. The "About our data" page lists them, so the list cannot drift from the
content.

A row counts when it is published (models with a `status`), or when it belongs to
something published (a job title of a published role, a duty of at least one published
role); rows of models with neither (pay figures, areas) are shown wherever they apply, so
all of them count. History copies (django-simple-history) are left out.
"""

import datetime
from dataclasses import dataclass, field
from functools import reduce
from operator import or_

from django.apps import apps
from django.db.models import Q
from django.utils.translation import gettext
from simple_history.models import HistoricalChanges

from content.models import Status


@dataclass
class CitedSource:
    url: str
    names: set = field(default_factory=set)
    used_for: set = field(default_factory=set)
    # The oldest check of any row citing it: every use was checked on or after this date.
    checked_on: datetime.date | None = None
    # Some row citing it could have a checked date and has none: nobody has checked it yet.
    unverified: bool = False
    # Some row citing it is dated by its release instead (a model with a `release` and no
    # `checked_on`: pay figures).
    dated_by_release: bool = False

    @property
    def uses(self):
        return sorted(self.used_for)

    @property
    def name(self):
        return min(self.names, key=len) if self.names else ""


def _field_names(model):
    return {f.name for f in model._meta.get_fields()}


def sourced_models():
    """Every concrete model with a `source_url` field, history copies left out."""
    return [
        model
        for model in apps.get_models()
        if "source_url" in _field_names(model)
        and not issubclass(model, HistoricalChanges)
        and not model._meta.abstract
    ]


def _published_parent_filter(model):
    """Q: the row belongs to at least one published item (its FK or many-to-many parents)."""
    conditions = []
    for relation in model._meta.get_fields():
        if not (relation.is_relation and relation.concrete and relation.related_model):
            continue
        parent = relation.related_model
        if "status" not in _field_names(parent):
            continue
        published = (
            parent._default_manager.published()
            if hasattr(parent._default_manager, "published")
            else parent._default_manager.filter(status=Status.PUBLISHED)
        )
        conditions.append(Q(**{f"{relation.name}__in": published.values("pk")}))
    return reduce(or_, conditions) if conditions else None


def published_rows(model):
    """The rows of `model` that published content shows."""
    manager = model._default_manager
    if "status" in _field_names(model):
        if hasattr(manager, "published"):
            return manager.published()
        return manager.filter(status=Status.PUBLISHED)
    parents = _published_parent_filter(model)
    return manager.filter(parents) if parents is not None else manager.all()


def _source_columns(names):
    """(url column, name column or None) of each source a model's rows name: `source_url`
    (with `source_name`), and any other `<part>_source_url` (with `<part>_source_name`),
    e.g. the page that names the roles an employer hires for."""
    for url in sorted(n for n in names if n.endswith("source_url")):
        name = url.removesuffix("url") + "name"
        yield url, name if name in names else None


def cited_sources():
    """Each distinct source URL the published content cites, sorted by address."""
    sources = {}
    for model in sourced_models():
        names = _field_names(model)
        for url_column, name_column in _source_columns(names):
            _gather(sources, model, names, url_column, name_column)
    return sorted(sources.values(), key=lambda s: s.url)


def _gather(sources, model, names, url_column, name_column):
    """Add the sources in `url_column` of the published rows of `model` to `sources`."""
    dated = "checked_on" in names
    columns = [url_column] + [c for c in (name_column, "checked_on" if dated else None) if c]
    rows = published_rows(model).exclude(**{url_column: ""}).values_list(*columns).distinct()
    for row in rows:
        values = dict(zip(columns, row, strict=True))
        url, checked = values[url_column], values.get("checked_on")
        source = sources.setdefault(url, CitedSource(url))
        source.used_for.add(gettext(str(model._meta.verbose_name_plural)))
        if name_column and values[name_column]:
            source.names.add(values[name_column])
        if not dated and "release" in names:
            source.dated_by_release = True
        elif checked is None:
            source.unverified = True
        elif source.checked_on is None or checked < source.checked_on:
            source.checked_on = checked
