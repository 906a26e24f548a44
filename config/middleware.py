"""Site-wide response headers that Django's SecurityMiddleware does not set."""

from django.conf import settings
from django.utils.cache import patch_cache_control

PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"


class StaffPagesMiddleware:
    """Permissions-Policy everywhere; admin pages are never stored by shared caches."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefix = "/" + settings.ADMIN_URL

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        if request.path.startswith(self.admin_prefix):
            patch_cache_control(response, private=True, no_cache=True, no_store=True)
            response.headers["X-Frame-Options"] = "DENY"
        return response
