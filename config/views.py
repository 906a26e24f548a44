"""Machine endpoints (health check, robots.txt) and the styled error pages."""

import logging

from django.db import connection
from django.http import HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_safe

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


@require_GET
def robots_txt(request):
    sitemap_url = request.build_absolute_uri(reverse("django.contrib.sitemaps.views.sitemap"))
    lines = [
        "User-agent: *",
        "Disallow: /cookies/consent/",
        f"Sitemap: {sitemap_url}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain")


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
