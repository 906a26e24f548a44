"""Root URL map (see docs/architecture.md): each app owns its pages under its own prefix."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path
from django.views.decorators.http import require_safe

from careers.sitemaps import sitemaps as careers_sitemaps
from config import pages, views
from config.sitemaps import in_every_language
from config.sitemaps import sitemaps as about_sitemaps
from consent.sitemaps import sitemaps as consent_sitemaps
from employers.sitemaps import sitemaps as employers_sitemaps
from staff.views import needs_review
from trainings.sitemaps import sitemaps as trainings_sitemaps

# The staff pages carry the site's own name, not "Django administration".
admin.site.site_header = settings.SITE_NAME
admin.site.site_title = f"{settings.SITE_NAME} staff"
admin.site.index_title = "Staff start page"

# Every section lists each page in English and in Spanish, with its alternates.
sitemaps = in_every_language(
    {
        **careers_sitemaps,
        **trainings_sitemaps,
        **employers_sitemaps,
        **consent_sitemaps,
        **about_sitemaps,
    }
)

# The public pages: English at today's addresses, Spanish the same under /es/
# (config.middleware.UrlLanguageMiddleware activates the language the URL names).
urlpatterns = i18n_patterns(
    path("", include("careers.urls")),
    path("trainings/", include("trainings.urls")),
    path("employers/", include("employers.urls")),
    path("cookies/", include("consent.urls")),
    path("site-map/", pages.site_map, {"sitemaps": sitemaps}, name="site_map"),
    path("privacy/", pages.privacy, name="privacy"),
    path("accessibility/", pages.accessibility, name="accessibility"),
    path("about-our-data/", pages.about_our_data, name="about_our_data"),
    prefix_default_language=False,
)

# Staff pages and the files machines read stay in English at one address.
urlpatterns += [
    path(
        settings.ADMIN_URL + "needs-review/",
        admin.site.admin_view(needs_review),
        name="staff_needs_review",
    ),
    path(settings.ADMIN_URL, admin.site.urls),
    path("healthz", views.healthz, name="healthz"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("site.webmanifest", views.web_manifest, name="web_manifest"),
    path("favicon.ico", views.favicon_ico, name="favicon_ico"),
    # An index of the sections' sitemaps, each a page at a time (config/sitemaps.py).
    path(
        "sitemap.xml",
        require_safe(sitemap_views.index),
        {"sitemaps": sitemaps, "sitemap_url_name": "sitemap_section"},
        name="sitemap_index",
    ),
    path(
        "sitemap-<slug:section>.xml",
        require_safe(sitemap_views.sitemap),
        {"sitemaps": sitemaps},
        name="sitemap_section",
    ),
]

handler400 = "config.views.bad_request"
handler403 = "config.views.permission_denied"
handler404 = "config.views.page_not_found"
handler500 = "config.views.server_error"
