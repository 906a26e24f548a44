"""
The pages people are owed about the site itself: the site map, the privacy notice, the
accessibility statement and "About our data". They live in config because the site map is
built from the sitemaps config assembles; the data page reads content.sources, which finds
every cited source through the apps registry.
"""

from django.conf import settings
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from content.pagecache import cache_public_page
from content.sources import cited_sources

# Headings of the site map for the sitemap sections that list content, in this order.
# The other sections list fixed pages, which templates/pages/site_map.html names itself.
SITE_MAP_SECTIONS = [
    ("careers", _("Careers")),
    ("roles", _("Roles")),
    ("trainings", _("Trainings")),
    ("employers", _("Employers")),
]


def _section_links(sitemap):
    return [(str(item), sitemap.location(item)) for item in sitemap.items()]


@require_safe
@cache_public_page
def site_map(request, sitemaps):
    """/site-map/: every page of the site for people (the XML one is for search engines)."""
    sections = []
    for key, heading in SITE_MAP_SECTIONS:
        sitemap = sitemaps.get(key)
        if sitemap is None:
            continue
        sitemap = sitemap() if isinstance(sitemap, type) else sitemap
        links = _section_links(sitemap)
        if key == "careers":  # (career, page) pairs: the career pages, not their compare pages
            links = [
                (str(career), sitemap.location((career, page)))
                for career, page in sitemap.items()
                if page == "career_detail"
            ]
        if links:
            sections.append((key, heading, links))
    return render(request, "pages/site_map.html", {"sections": sections})


@require_safe
@cache_public_page
def privacy(request):
    """/privacy/: what the site stores, for how long and why."""
    return render(
        request,
        "pages/privacy.html",
        {
            "consent_cookie_name": settings.CONSENT_COOKIE_NAME,
            "consent_months": round(settings.CONSENT_COOKIE_MAX_AGE / (365.25 * 86400 / 12)),
            "consent_record_years": settings.CONSENT_RECORD_DAYS // 365,
            "server_log_days": settings.SERVER_LOG_DAYS,
            "staff_session_hours": settings.SESSION_COOKIE_AGE // 3600,
            "login_log_days": settings.LOGIN_LOG_DAYS,
            "contact": settings.CONTACT_EMAIL,
        },
    )


@require_safe
@cache_public_page
def accessibility(request):
    """/accessibility/: the standard we aim for, how we test, known limits, how to report."""
    return render(request, "pages/accessibility.html", {"contact": settings.CONTACT_EMAIL})


@require_safe
@cache_public_page
def about_our_data(request):
    """/about-our-data/: every source the published content cites, with its checked date."""
    return render(request, "pages/about_our_data.html", {"sources": cited_sources()})
