"""
What every request needs to know about the policy, read from the database once and kept in
the cache: the categories (which are necessary), the declared cookie names and patterns, and
the current revision number. Saving a category, declaration or revision forgets the cached
copy; with a per-process cache (locmem) other processes see a change within CACHE_SECONDS.
When the cache cannot be reached the registry is built from the database on each request.

Each process also holds the registry it read for LOCAL_SECONDS, so a page with the banner
costs no cache round trip for it (with Redis one is a network call, as long as the rest of
a cached page). A change saved in this process drops that copy at once; with a shared cache
other processes see the change within LOCAL_SECONDS.
"""

import time
from dataclasses import dataclass, field

from django.conf import settings

from consent.models import (
    REGISTRY_CACHE_KEY,
    Category,
    CookieDeclaration,
    PolicyRevision,
    cookie_name_matches,
)
from content.cache import forget_on_recovery, safe_delete, safe_get, safe_set
from content.i18n import DEFAULT_LANGUAGE, active_language

CACHE_SECONDS = 60
LOCAL_SECONDS = 5
_held = {"registry": None, "until": 0.0}


@dataclass(frozen=True)
class CategoryInfo:
    slug: str
    # {language: name}: the cached registry serves pages in every language.
    names: dict
    necessary: bool

    @property
    def name(self):
        """The name in the active language, else the English one (content/i18n.py)."""
        return self.names.get(active_language()) or self.names.get(DEFAULT_LANGUAGE, "")

    @property
    def name_falls_back(self):
        language = active_language()
        return language != DEFAULT_LANGUAGE and not self.names.get(language)


@dataclass(frozen=True)
class Registry:
    categories: tuple[CategoryInfo, ...] = ()
    # (cookie name or pattern, category slug), exact names first.
    declarations: tuple[tuple[str, str], ...] = ()
    revision: int = 0
    necessary_slugs: frozenset[str] = field(default_factory=frozenset)

    @property
    def optional(self):
        return tuple(c for c in self.categories if not c.necessary)

    def category_of(self, cookie_name):
        """The slug of the category that declares `cookie_name`, or None if undeclared."""
        for pattern, slug in self.declarations:
            if cookie_name_matches(pattern, cookie_name):
                return slug
        return None


def load():
    now = time.monotonic()
    if _held["registry"] is not None and now < _held["until"]:
        return _held["registry"]
    registry = safe_get(REGISTRY_CACHE_KEY)
    if registry is None:
        registry = _build()
        safe_set(REGISTRY_CACHE_KEY, registry, CACHE_SECONDS)
    _held.update(registry=registry, until=now + LOCAL_SECONDS)
    return registry


def forget():
    _held["registry"] = None
    safe_delete(REGISTRY_CACHE_KEY)


# A policy change saved while the cache was down could not drop the cached copy.
forget_on_recovery(REGISTRY_CACHE_KEY)


def _build():
    languages = [code for code, _name in settings.LANGUAGES]
    columns = [f"name_{code}" for code in languages]
    categories = tuple(
        CategoryInfo(
            slug,
            {code: name for code, name in zip(languages, names, strict=True) if name},
            necessary,
        )
        for slug, necessary, *names in Category.objects.values_list("slug", "necessary", *columns)
    )
    declarations = sorted(
        CookieDeclaration.objects.values_list("name", "category__slug"),
        key=lambda row: ("*" in row[0], -len(row[0]), row[0]),
    )
    latest = PolicyRevision.objects.order_by("-number").values_list("number", flat=True).first()
    return Registry(
        categories=categories,
        declarations=tuple(declarations),
        revision=latest or 0,
        necessary_slugs=frozenset(c.slug for c in categories if c.necessary),
    )
