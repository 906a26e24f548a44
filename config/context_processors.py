"""Values every template needs: the site's name, credit line and the canonical URL."""

from django.conf import settings
from django.core.exceptions import DisallowedHost


def _origin(request):
    if settings.SITE_URL:
        return settings.SITE_URL
    try:
        return f"{request.scheme}://{request.get_host()}"
    except DisallowedHost:
        # The 400 page for a bad Host header is rendered with this processor too.
        return ""


def site(request):
    return {
        "site_name": settings.SITE_NAME,
        "site_credit": settings.SITE_CREDIT,
        "site_copyright": settings.SITE_COPYRIGHT,
        "canonical_url": _origin(request) + request.path,
    }
