"""
The pages people are owed about the site itself: the site map, the privacy notice, the
accessibility statement and "About our data". They live in config because the site map is
built from the sitemaps config assembles; the data page reads content.sources, which finds
every cited source through the apps registry.
"""

from django.conf import settings
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from config.sitemaps import count_items
from content.pagecache import cache_public_page
from content.sources import cited_sources

# Headings of the site map for the sitemap sections that list content, in this order; the
# page that finds that content: the careers page (every career, its roles and the job title
# finder) or a search; and whether that search also maps its rows by county. The other
# sections list fixed pages, which templates/pages/site_map.html names itself.
SITE_MAP_SECTIONS = [
    ("careers", _("Careers"), "careers:career_list", False),
    ("roles", _("Roles"), "careers:career_list", False),
    ("trainings", _("Trainings"), "trainings:training_list", True),
    ("employers", _("Employers"), "employers:employer_list", True),
]
# A section lists its pages while it has at most this many; beyond, it says how many there
# are and points to its search (which also maps them by county). With 10,000 trainings the
# whole list was 1.2 MB and took 4 s to build, reading each training's title on its own.
SITE_MAP_MAX_LINKS = 200


def _section_links(key, sitemap):
    """(label, address) of the section's first SITE_MAP_MAX_LINKS + 1 pages, and how many
    pages it has."""
    items, location = sitemap.items(), sitemap.location
    if key == "careers":
        # (career, page) pairs: the career pages, not their compare pages.
        items = [career for career, page in items if page == "career_detail"]

        def location(career):
            return sitemap.location((career, "career_detail"))

    elif hasattr(items, "query"):
        # The XML sitemap reads only what an address needs; a label needs more (a title).
        items = items.defer(None)
    first = list(items[: SITE_MAP_MAX_LINKS + 1])
    total = len(first) if len(first) <= SITE_MAP_MAX_LINKS else count_items(items)
    return [(str(item), location(item)) for item in first], total


@cache_public_page
def site_map(request, sitemaps):
    """/site-map/: every page of the site for people (the XML one is for search engines); a
    section of more than SITE_MAP_MAX_LINKS pages gives how many and where to search them."""
    sections = []
    for key, heading, search, mapped in SITE_MAP_SECTIONS:
        sitemap = sitemaps.get(key)
        if sitemap is None:
            continue
        sitemap = sitemap() if isinstance(sitemap, type) else sitemap
        links, total = _section_links(key, sitemap)
        if total > SITE_MAP_MAX_LINKS:
            links = []
        if total:
            sections.append(
                {
                    "key": key,
                    "heading": heading,
                    "links": links,
                    "total": total,
                    "search": search,
                    "mapped": mapped,
                }
            )
    return render(request, "pages/site_map.html", {"sections": sections})


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


@cache_public_page
def accessibility(request):
    """/accessibility/: the standard we aim for, how we test, known limits, how to report."""
    return render(request, "pages/accessibility.html", {"contact": settings.CONTACT_EMAIL})


@cache_public_page
def about_our_data(request):
    """/about-our-data/: every source the published content cites, with its checked date."""
    return render(request, "pages/about_our_data.html", {"sources": cited_sources()})
