"""
Whole-page cache for public content pages (a career, a role, a training, an employer).

Such a page is the same for every anonymous visitor, so it is rendered once and served from
the cache until content changes: every save or delete of a content model bumps one content
version that is part of each cache key. The per-visitor parts never enter the cache: the
consent banner (with its CSRF token) is rendered into the page by ConsentBannerMiddleware
afterwards, and visitors with a session or a pending message (staff, or someone who has
just saved a choice) always get a freshly rendered page.

With a per-process cache (locmem) another process sees a change after PAGE_CACHE_SECONDS
at most; with a shared cache (CACHE_URL=redis://...) at once. Each process also holds a
bounded copy of the pages it served (`kept_page`), keyed like the shared copy, so with a
shared cache a page costs one round trip (the content version) rather than two. A cache
that cannot be reached is skipped (content/cache.py): the page is rendered as if it were
not cached.

A request reads the content version from the cache once (ContentVersionMiddleware), not
once per cached fragment, page key and kept value it looks up: a trainings search looked
it up about thirty times, each a round trip to a shared cache.

A kept page is answered by CachedPageMiddleware, high in the middleware (below everything
per visitor: consent, the banner and its CSRF token, security headers), so it skips what
only a freshly rendered page needs; cache_public_page keeps the page on a miss.

One page, one entry: the key is the page's language (the URL names it too: /es/...), the
site's origin (SITE_URL, or a host named literally in
ALLOWED_HOSTS, never a Host header as sent), the path, and only the query parameters the
view declares, non-empty, in a fixed order. A request with any other parameter, or through
a host that is not canonical (a port, a wildcard match), is rendered and not kept, so
`?&`, `?utm_source=...` or `Host: site:8080` cannot fill the cache with copies.
"""

import contextvars
import hashlib
import threading
import time
import uuid
import zlib
from collections import OrderedDict
from functools import wraps
from urllib.parse import urlencode

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_safe

from content.cache import forget_on_recovery, safe_add, safe_get, safe_set

VERSION_KEY = "pagecache:version"
# A change saved while the cache was down never bumped the version: start afresh.
forget_on_recovery(VERSION_KEY)


# Within a request (ContentVersionMiddleware): [the version this request read, or _UNREAD].
# Elsewhere (a management command, a test outside a request): None, and every call asks.
_request_version = contextvars.ContextVar("content_version", default=None)
_UNREAD = object()


def content_version():
    """The current content version, or None when the cache cannot be reached; within a
    request, the one it read first (until it bumps the version itself)."""
    held = _request_version.get()
    if held is not None and held[0] is not _UNREAD:
        return held[0]
    version = safe_get(VERSION_KEY)
    if version is None:
        safe_add(VERSION_KEY, uuid.uuid4().hex, None)
        version = safe_get(VERSION_KEY)
    if held is not None:
        held[0] = version
    return version


def bump_content_version(**kwargs):
    safe_set(VERSION_KEY, uuid.uuid4().hex, None)
    held = _request_version.get()
    if held is not None:
        held[0] = _UNREAD  # a request that saved content reads the new version


class ContentVersionMiddleware:
    """One read of the content version per request: every cached fragment, page key and
    kept value of the request is keyed by the version it read first. A change saved
    elsewhere while the request runs is seen by the next request, as if it had been saved
    a moment later; a change the request saves itself is seen at once (bump_content_version)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _request_version.set([_UNREAD])
        try:
            return self.get_response(request)
        finally:
            _request_version.reset(token)


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


def is_personal(request):
    """Whether this request may see something of its own: a session (staff) or a pending
    message (a choice just saved). Such a request never gets or fills a shared copy."""
    cookies = request.COOKIES
    return settings.SESSION_COOKIE_NAME in cookies or "messages" in cookies


def canonical_origin(request):
    """The origin a page is cached under, or None when this request's host is not canonical.

    SITE_URL when set (pages then link to it too); otherwise the request's host only when
    ALLOWED_HOSTS names it literally, without a port, so a Host header cannot mint keys.
    """
    if settings.SITE_URL:
        return settings.SITE_URL
    try:
        host = request.get_host().lower()
    except DisallowedHost:
        return None
    if host not in {h.lower() for h in settings.ALLOWED_HOSTS if "*" not in h}:
        return None  # a port, a wildcard or a leading-dot match
    if host.startswith("."):
        return None
    return f"{request.scheme}://{host}"


def cache_key(request, params=()):
    """The one key for this request's page, or None when it must not be cached."""
    if set(request.GET) - set(params):
        return None
    query = []
    for name in params:  # the declared order, whatever order the URL had
        values = request.GET.getlist(name)
        if len(values) > 1:
            return None
        if values and values[0]:
            query.append((name, values[0]))
    origin = canonical_origin(request)
    if origin is None:
        return None
    version = content_version()
    if version is None:
        return None
    url = origin + request.path + ("?" + urlencode(query) if query else "")
    # The URL carries the language (config.middleware.UrlLanguageMiddleware); the active
    # language is in the key as well, so a page can never be served in the other language.
    page = f"{translation.get_language()} {url}"
    return f"pagecache:{version}:{hashlib.sha256(page.encode()).hexdigest()}"


# The request attribute that holds the key CachedPageMiddleware looked up and found nothing
# under.
MISSED = "pagecache_missed"


def cache_public_page(view=None, *, params=()):
    """Serve an anonymous GET of `view` from the cache while content is unchanged.

    `params`: the query parameters the page answers to (none for the current pages); a
    request with any other parameter is rendered afresh and not kept. A public page
    answers GET and HEAD only (405 to anything else, as require_safe).
    """
    if view is None:
        return lambda view: cache_public_page(view, params=params)

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        key = getattr(request, MISSED, None)
        if key is None:
            key, kept = _kept_response(request, params)
            if kept is not None:
                return kept
        response = view(request, *args, **kwargs)
        if key is None:
            return response
        if response.status_code == 200 and not response.streaming and not response.cookies:
            keep_page(key, (response["Content-Type"], response.content))
        return response

    return require_safe(wrapped)


def _kept_response(request, params=()):
    """(key, response): this request's cache key (None when it must not be cached) and the
    kept page as a response, or None when none is kept."""
    if request.method != "GET" or is_personal(request):
        return None, None
    key = cache_key(request, params)
    if key is None:
        return None, None
    page = kept_page(key)
    if page is None:
        return key, None
    content_type, content = page
    return key, HttpResponse(content, content_type=content_type)


class CachedPageMiddleware:
    """Serve a kept page before the rest of the middleware and the URL resolver.

    A request that cache_public_page would answer from the cache (a GET, no query string,
    nothing personal, a canonical host) is answered here instead, with the same key: it
    then skips what a kept page does not need (authentication, messages, the history and
    login-lockout middleware, resolving the URL). Everything per visitor still happens
    around it, because the middleware above it still runs: the consent cookie and banner,
    the CSRF token and cookie, the security headers and CSP. A miss goes on to the view,
    whose cache_public_page keeps the page for the next request. settings.MIDDLEWARE says
    where it sits and why.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key, kept = _kept_response(request)  # no parameters: any query string passes on
        if kept is not None:
            return kept
        if key is not None:
            # Asked and not kept: cache_public_page, whose key for a request without a
            # query string is this one, does not ask the cache again.
            setattr(request, MISSED, key)
        return self.get_response(request)


# What an entry of a LocalStore costs besides its value: its key, the tuple it is kept in and
# its place in the dict: about 330 bytes for a result card's (tracemalloc, 10,000 entries).
# Counted with the value, so the bound holds for many small entries as for a few large ones.
ENTRY_BYTES = 330


class LocalStore:
    """A bounded copy in this process: {key: (value, size, when kept)}, least recently used
    first, at most `max_size` (the sum of the entries' sizes: each value's, plus ENTRY_BYTES)
    in all, so a worker's memory stays flat however many pages it serves. An entry is also
    dropped PAGE_CACHE_SECONDS after it was kept, as a cached page is: with a per-process
    cache (locmem) a change saved through another process never changes this process's
    content version, and a kept copy must not outlive the pages."""

    def __init__(self, max_size):
        self.max_size = max_size
        self._entries = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()

    def get(self, key):
        now = time.monotonic()
        with self._lock:
            kept = self._entries.get(key)
            if kept is None:
                return None
            value, size, kept_at = kept
            if now - kept_at < settings.PAGE_CACHE_SECONDS:
                self._entries.move_to_end(key)
                return value
            del self._entries[key]
            self._size -= size
        return None

    def put(self, key, value, size):
        size += ENTRY_BYTES
        with self._lock:
            if key in self._entries:
                return
            self._entries[key] = (value, size, time.monotonic())
            self._size += size
            while self._size > self.max_size:
                _, (_value, dropped, _kept_at) = self._entries.popitem(last=False)
                self._size -= dropped

    def held(self):
        """(how many entries, their total size)."""
        return len(self._entries), self._size


# Whole pages are also kept in each process, in front of the shared cache: with a shared
# cache (Redis) a page served from here costs one round trip (the content version) instead
# of two and no transfer of its 30-50 KB. The key holds the content version, so a change
# saved anywhere is seen as soon as the version is. Sizes in bytes: 2 MiB holds the 50 to 70
# most visited pages (8 MiB grew each make bench worker by 12 % as every training page
# passed through once, against the 10 % the benchmark allows).
MAX_LOCAL_PAGE_BYTES = 2 * 1024 * 1024
_pages = LocalStore(MAX_LOCAL_PAGE_BYTES)


def kept_page(key):
    """(content type, content) of the page kept under `key`, or None."""
    page = _pages.get(key)
    if page is None:
        page = safe_get(key)
        if page is not None:
            _pages.put(key, page, len(page[1]))
    return page


def keep_page(key, page):
    safe_set(key, page, settings.PAGE_CACHE_SECONDS)
    _pages.put(key, page, len(page[1]))


def pages_held():
    """(how many pages, how many bytes) this process keeps."""
    return _pages.held()


# Fragments (cached_fragment) live in each process only, not in the shared cache: they are
# small, read many times a request, and cheaper as Python strings than unpickled from a
# cache. Keyed (content version, language, name); sizes in bytes, each with ENTRY_BYTES:
# markup counted by its characters (nearly all ASCII), result cards compressed
# (cached_template). Since cards are kept compressed (2026-12-03), 5 MiB holds about 11,000
# entries, where 4 MiB of markup held about 2,600: over the second thousand requests of
# make bench's trainings, Spanish trainings and employers searches in one process, cards
# rendered again fell from 33,417 to 17,398.
MAX_FRAGMENT_BYTES = 5 * 1024 * 1024
_fragments = LocalStore(MAX_FRAGMENT_BYTES)


def cached_fragment(name, render):
    """The markup `render()` returns, rendered once per content version and language.

    For a part of a page that is the same for every visitor and every query while content
    is unchanged (a search page's county map, a filter's choices with one of them picked, a
    training's result card): a search then costs its query, not this part's queries and
    template. `name` must come from a bounded set (a fixed string, a field's name and one
    of its choices, a row's id), never from free text a visitor sent. Without the cache the
    part is rendered every time.
    """
    return cached_for_content(name, lambda: mark_safe(render()))


def cached_template(name, template_name, context, fill=None):
    """cached_fragment of `template_name` rendered with `context`: a search's result card
    (`{% training_card %}`, `{% employer_card %}`), whose `name` says which row and which
    kind of list. `fill`, {mark: text}: what differs from one search to the next, written
    in where the template put each mark (an HTML comment), every time; text is escaped
    unless marked safe.

    Kept compressed: the cards of one template share nearly all their markup, so with the
    first card this process rendered from it (in this language) as zlib's preset dictionary
    a 1.6 KB training card keeps in about 170 bytes. The store then holds several times as
    many cards as it would hold markup; inflating one takes about 5 microseconds, rendering
    it about half a millisecond."""
    packed = cached_for_content(
        name, lambda: _compressed(template_name, render_to_string(template_name, context))
    )
    markup = _inflated(template_name, packed)
    for mark, text in (fill or {}).items():
        markup = markup.replace(mark, conditional_escape(text))
    return mark_safe(markup)


# (template name, language) -> the preset dictionary of its kept cards: the first card this
# process rendered from that template in that language. As many as there are card templates
# times languages; never replaced, so every card kept with one can be inflated with it.
_dictionaries = {}


def _compressed(template_name, markup):
    data = markup.encode()
    dictionary = _dictionaries.setdefault((template_name, translation.get_language()), data)
    packer = zlib.compressobj(zdict=dictionary)
    return packer.compress(data) + packer.flush()


def _inflated(template_name, packed):
    dictionary = _dictionaries[(template_name, translation.get_language())]
    return zlib.decompressobj(zdict=dictionary).decompress(packed).decode()


def cached_for_content(name, compute):
    """What `compute()` returns, computed once per content version and language: markup
    (cached_fragment) or a small value read from content, such as a form's choices. Kept
    in this process (see above); `name` as for cached_fragment. Its size: the length of
    markup or of bytes (a compressed card), of anything else its text's."""
    version = content_version()
    if version is None:
        return compute()
    key = (version, translation.get_language(), name)
    value = _fragments.get(key)
    if value is None:
        value = compute()
        _fragments.put(key, value, len(value if isinstance(value, str | bytes) else str(value)))
    return value


def fragments_held():
    """(how many fragments, how many characters) this process keeps."""
    return _fragments.held()
