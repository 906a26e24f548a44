"""Machine endpoints (health check, robots.txt, the web app manifest) and the styled error
pages."""

import logging

from django.conf import settings
from django.db import connection
from django.http import (
    HttpResponse,
    HttpResponsePermanentRedirect,
    HttpResponseServerError,
    JsonResponse,
)
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from content.cache import ping as ping_cache

logger = logging.getLogger(__name__)


def _database_ok():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception:
        logger.exception("health check: database unavailable")
        return False
    return True


@never_cache
@require_safe
def healthz(request):
    """200 "ok" when the database and the cache answer; 503 naming what failed, e.g.
    "database ok, cache unreachable".

    Pages are still served while the cache is down (more slowly, from the database), but
    the cache is part of how the site is meant to run, so a load balancer or a monitor
    should hear about it. The cache's own outage is logged once by content.cache.
    """
    checks = {"database": _database_ok(), "cache": ping_cache()}
    words = {"database": "unavailable", "cache": "unreachable"}
    if all(checks.values()):
        return HttpResponse("ok\n", content_type="text/plain")
    text = ", ".join(f"{name} {'ok' if ok else words[name]}" for name, ok in checks.items())
    return HttpResponse(text + "\n", status=503, content_type="text/plain")


@require_safe
def robots_txt(request):
    sitemap_url = request.build_absolute_uri(reverse("sitemap_index"))
    lines = [
        "User-agent: *",
        "Disallow: /cookies/consent/",
        "Disallow: /es/cookies/consent/",
        f"Sitemap: {sitemap_url}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain")


@require_safe
def web_manifest(request):
    """/site.webmanifest: the name, colors and icons a phone uses when the site is added to
    the home screen. A view rather than a static file, so that the icon addresses are the
    hashed, long-cached ones and the name follows SITE_NAME."""
    icon = "img/icon-{}.png"
    manifest = {
        "name": settings.SITE_NAME,
        "short_name": "Health Careers",
        "description": "Health-care careers in New York: jobs, pay, trainings, employers.",
        "start_url": "/",
        "scope": "/",
        "display": "browser",
        "background_color": "#ffffff",
        "theme_color": "#083b69",
        "icons": [
            {"src": static(icon.format(192)), "sizes": "192x192", "type": "image/png"},
            {"src": static(icon.format(512)), "sizes": "512x512", "type": "image/png"},
            {
                "src": static(icon.format("maskable-512")),
                "sizes": "512x512",
                "type": "image/png",
                "purpose": "maskable",
            },
            {"src": static("img/favicon.svg"), "sizes": "any", "type": "image/svg+xml"},
        ],
    }
    response = JsonResponse(manifest, json_dumps_params={"indent": 2})
    response["Content-Type"] = "application/manifest+json"
    response["Cache-Control"] = "public, max-age=86400"
    return response


@require_safe
def favicon_ico(request):
    """Browsers and crawlers ask for /favicon.ico whatever the page says: send them the PNG."""
    return HttpResponsePermanentRedirect(static("img/favicon-32.png"))


def _error(request, template, status):
    return render(request, template, status=status)


def bad_request(request, exception=None):
    return _error(request, "400.html", 400)


def permission_denied(request, exception=None):
    return _error(request, "403.html", 403)


def csrf_failure(request, reason=""):
    """A form was refused by the CSRF check (CSRF_FAILURE_VIEW): say why and how to go on."""
    return _error(request, "403_csrf.html", 403)


def page_not_found(request, exception=None):
    return _error(request, "404.html", 404)


def server_error(request):
    # Rendering with the request gives the page its usual look; if that itself fails
    # (the fault may be in a context processor), fall back to plain text.
    try:
        return _error(request, "500.html", 500)
    except Exception:
        logger.exception("could not render the 500 page")
        return HttpResponseServerError(
            "Sorry, something went wrong on our side. Please try again later.",
            content_type="text/plain",
        )
