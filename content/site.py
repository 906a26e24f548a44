"""The site's public origin: SITE_URL when set, else the (validated) host of the request."""

from django.conf import settings
from django.core.exceptions import DisallowedHost


def origin(request):
    if settings.SITE_URL:
        return settings.SITE_URL
    try:
        return f"{request.scheme}://{request.get_host()}"
    except DisallowedHost:
        # The 400 page for a bad Host header is rendered with the context processors too.
        return ""


def absolute_url(request, path):
    """The public address of `path`, the same for every request (cached pages embed it)."""
    return origin(request) + path
