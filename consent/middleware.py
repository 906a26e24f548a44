"""
Consent on every request and every response.

ConsentMiddleware (above the session, CSRF and messages middleware, so it sees every cookie
they set) puts `request.consent` on the request, honours a GPC signal, writes the consent
cookie when the decision changed, and enforces the decision: a Set-Cookie for a declared
cookie of a refused category is removed, and such a cookie sent by the browser is expired.
An undeclared cookie set by the site is logged as a warning, so the declaration stays
complete.

ConsentBannerMiddleware (inside CSRF) replaces the banner placeholder that base.html
includes with the banner for this visitor. Pages may therefore be cached (the placeholder is
the same for everyone); the banner, with its CSRF token, never is. The banner's markup is
the same for every visitor but for two values, so it is rendered once per language and
policy (`banner_markup`) and each visitor's CSRF token and return address are written into
a copy of it: a string replacement per page, not a template render with every context
processor.

CookiesPageMiddleware answers /cookies/ for a visitor who has not chosen with the page
every such visitor shares (consent.views.shared_page), before authentication and the URL
resolver, as content.pagecache.CachedPageMiddleware does for kept pages.
"""

import logging
from functools import lru_cache

from django.conf import settings
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.html import escape

from consent import services, state
from consent.forms import ConsentForm

logger = logging.getLogger("consent")

BANNER_PLACEHOLDER = b"<!--consent:banner-->"
# Stand-ins for the per-visitor values while the banner is rendered once: letters only, so
# the template's escaping leaves them as they are.
TOKEN_MARK = "consentbannercsrftokenmark"
NEXT_MARK = "consentbannernexturlmark"
# {(language, policy): rendered banner}. Bounded: a few languages times the policies the
# process has seen; emptied whenever it reaches this many.
_BANNERS = {}
MAX_BANNERS = 16


class ConsentMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        consent = state.read(request)
        if consent.gpc and not consent.has_choice:
            consent = services.consent_honour_gpc(state=consent)
        request.consent = consent
        response = self.get_response(request)
        # A view that recorded a new decision replaced request.consent.
        consent = request.consent
        if consent.write_cookie:
            response.set_cookie(
                settings.CONSENT_COOKIE_NAME,
                consent.cookie_value(),
                max_age=settings.CONSENT_COOKIE_MAX_AGE,
                secure=settings.CONSENT_COOKIE_SECURE,
                httponly=True,
                samesite="Lax",
            )
        self.enforce(request, response, consent)
        if "text/html" in response.get("Content-Type", ""):
            # The same URL answers differently with another cookie or signal.
            patch_vary_headers(response, ("Cookie", "Sec-GPC"))
        return response

    @staticmethod
    def enforce(request, response, consent):
        if not response.cookies and not request.COOKIES:
            return
        registry = consent.registry
        own = settings.CONSENT_COOKIE_NAME
        for name in list(response.cookies):
            if name == own:
                continue
            morsel = response.cookies[name]
            deleting = morsel["max-age"] == 0 or morsel.value == ""
            slug = registry.category_of(name)
            if slug is None:
                if not deleting:
                    logger.warning(
                        "Undeclared cookie %r set on %s: declare it in a cookie category.",
                        name,
                        request.path,
                    )
                continue
            if not deleting and not consent.granted(slug):
                del response.cookies[name]
                logger.info("Removed cookie %r (%s not granted) on %s", name, slug, request.path)
        for name in request.COOKIES:
            if name == own or name in response.cookies:
                continue
            slug = registry.category_of(name)
            if slug is not None and not consent.granted(slug):
                response.delete_cookie(name, samesite="Lax")


class ConsentBannerMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            response.streaming
            or "text/html" not in response.get("Content-Type", "")
            or BANNER_PLACEHOLDER not in response.content
        ):
            return response
        consent = getattr(request, "consent", None)
        banner = b""
        if consent is not None and consent.show_banner and not _is_cookies_page(request):
            markup = with_visitor_token(banner_markup(consent.registry), request)
            banner = markup.replace(NEXT_MARK, escape(_next_url(request))).encode(response.charset)
            # Holds a CSRF token and depends on this visitor: no shared cache may keep it.
            patch_cache_control(response, private=True)
        response.content = response.content.replace(BANNER_PLACEHOLDER, banner, 1)
        if response.has_header("Content-Length"):
            response["Content-Length"] = str(len(response.content))
        return response


def with_visitor_token(markup, request):
    """`markup`, rendered once with TOKEN_MARK as its csrf_token, with this visitor's own
    (masked) CSRF token written in; the CSRF middleware then sets the cookie it belongs to."""
    return markup.replace(TOKEN_MARK, get_token(request))


def banner_markup(registry):
    """The banner in the active language for this policy, with TOKEN_MARK and NEXT_MARK
    where the visitor's CSRF token and return address go; rendered once, then reused."""
    policy = tuple(
        (c.slug, tuple(sorted(c.names.items())), c.necessary) for c in registry.categories
    )
    key = (translation.get_language(), policy)
    markup = _BANNERS.get(key)
    if markup is None:
        markup = render_to_string(
            "consent/_banner_form.html",
            {"registry": registry, "next": NEXT_MARK, "csrf_token": TOKEN_MARK},
        )
        if len(_BANNERS) >= MAX_BANNERS:
            _BANNERS.clear()
        _BANNERS[key] = markup
    return markup


def _next_url(request):
    """Where the banner's form returns to: this page, or its path if the full address is
    longer than the form accepts (a very long query string would make the choice fail)."""
    limit = ConsentForm.base_fields["next"].max_length
    for url in (request.get_full_path(), request.path):
        if len(url) <= limit:
            return url
    return "/"


def _is_cookies_page(request):
    # The cookies page is the full form: a banner above it would only repeat it.
    return request.path == _cookies_path(translation.get_language())


@lru_cache(maxsize=8)  # one path per language
def _cookies_path(language):
    with translation.override(language):
        return reverse("consent:preferences")


class CookiesPageMiddleware:
    """/cookies/ for a visitor who has not chosen (consent.views.shared_page), answered here
    like a kept page, beside content.pagecache.CachedPageMiddleware: below the consent,
    CSRF, banner and security-header middleware, above authentication, messages and the
    URL resolver, which the shared page does not need."""

    def __init__(self, get_response):
        from consent import views  # views import this module

        self.get_response = get_response
        self.views = views

    def __call__(self, request):
        if (
            request.method == "GET"
            and _is_cookies_page(request)
            and self.views.serves_shared_page(request)
        ):
            return self.views.shared_page(request)
        return self.get_response(request)
