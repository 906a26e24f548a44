"""
Whole-page cache for public content pages (a career, a role, a training, an employer).

Such a page is the same for every anonymous visitor, so it is rendered once and served from
the cache until content changes: every save or delete of a content model bumps one content
version that is part of each cache key. The per-visitor parts never enter the cache: the
consent banner (with its CSRF token) is rendered into the page by ConsentBannerMiddleware
afterwards, and visitors with a session or a pending message (staff, or someone who has
just saved a choice) always get a freshly rendered page.

With a per-process cache (locmem) another process sees a change after PAGE_CACHE_SECONDS
at most; with a shared cache (CACHE_URL=redis://...) at once.
"""

import hashlib
import uuid
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse

VERSION_KEY = "pagecache:version"


def content_version():
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, uuid.uuid4().hex, None)
        version = cache.get(VERSION_KEY)
    return version


def bump_content_version(**kwargs):
    cache.set(VERSION_KEY, uuid.uuid4().hex, None)


def invalidate_on_change(*models):
    """Bump the content version whenever a row of these models changes."""
    for model in models:
        uid = f"pagecache:{model._meta.label}"
        post_save.connect(bump_content_version, sender=model, dispatch_uid=uid + ":save")
        post_delete.connect(bump_content_version, sender=model, dispatch_uid=uid + ":delete")
        for field in model._meta.local_many_to_many:
            m2m_changed.connect(
                bump_content_version,
                sender=field.remote_field.through,
                dispatch_uid=f"{uid}:{field.name}:m2m",
            )


def _is_personal(request):
    cookies = request.COOKIES
    return settings.SESSION_COOKIE_NAME in cookies or "messages" in cookies


def cache_public_page(view):
    """Serve an anonymous GET of `view` from the cache while content is unchanged."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.method != "GET" or request.GET or _is_personal(request):
            return view(request, *args, **kwargs)
        url = request.build_absolute_uri()
        key = f"pagecache:{content_version()}:{hashlib.sha256(url.encode()).hexdigest()}"
        cached = cache.get(key)
        if cached is not None:
            content_type, content = cached
            return HttpResponse(content, content_type=content_type)
        response = view(request, *args, **kwargs)
        if response.status_code == 200 and not response.streaming and not response.cookies:
            page = (response["Content-Type"], response.content)
            cache.set(key, page, settings.PAGE_CACHE_SECONDS)
        return response

    return wrapped
