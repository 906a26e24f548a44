"""Values every template needs: the site's name, credit line and the canonical URL."""

from django.conf import settings

from content.site import origin


def site(request):
    return {
        "site_name": settings.SITE_NAME,
        "site_credit": settings.SITE_CREDIT,
        "site_copyright": settings.SITE_COPYRIGHT,
        "canonical_url": origin(request) + request.path,
    }
