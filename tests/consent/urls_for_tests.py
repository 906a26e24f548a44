"""The site's URLs plus views that set cookies or gate markup, for the enforcement tests."""

from django.http import HttpResponse
from django.template import engines
from django.urls import path
from django.views.decorators.cache import cache_page

from config.urls import urlpatterns as site_urlpatterns

GATED_TEMPLATE = (
    "{% load consent_tags %}"
    '{% ifconsent "analytics" %}<script src="/static/js/analytics.js" defer></script>'
    "{% else %}no analytics{% endifconsent %}"
    "|{% if consent.analytics %}analytics granted{% else %}analytics refused{% endif %}"
)


def set_analytics_cookies(request):
    response = HttpResponse("analytics cookies attempted")
    response.set_cookie("_ga", "GA1.1.12345.67890", max_age=3600)
    response.set_cookie("_ga_ABC123", "GS1.1.12345", max_age=3600)
    return response


def set_undeclared_cookie(request):
    response = HttpResponse("undeclared cookie attempted")
    response.set_cookie("mystery_tracker", "1")
    return response


def gated(request):
    template = engines["django"].from_string(GATED_TEMPLATE)
    return HttpResponse(template.render({}, request))


def granted_in_python(request):
    granted = request.consent.granted("analytics")
    return HttpResponse("granted" if granted else "refused", content_type="text/plain")


@cache_page(300)
def cached_page(request):
    """A page cached for everyone, as content pages may be: the banner must stay per visitor."""
    template = engines["django"].from_string(
        '{% extends "base.html" %}{% block content %}<h1>Cached page</h1>{% endblock %}'
    )
    return HttpResponse(template.render({}, request))


urlpatterns = [
    path("test/cached/", cached_page),
    path("test/set-analytics/", set_analytics_cookies),
    path("test/set-undeclared/", set_undeclared_cookie),
    path("test/gated/", gated),
    path("test/granted/", granted_in_python),
    *site_urlpatterns,
]
