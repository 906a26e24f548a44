"""Values every template needs: the site's name, credit line, canonical URL, sharing image."""

from django.conf import settings
from django.templatetags.static import static

from content.site import origin

# The picture a link preview shows (static/img/og-*.png, made by scripts/make_images.sh):
# one per part of the site, by the URL namespace of the page; the start page and the rest
# share the default one.
SHARE_IMAGES = {
    "careers": ("img/og-careers.png", "careers and roles"),
    "trainings": ("img/og-trainings.png", "find a training"),
    "employers": ("img/og-employers.png", "find an employer"),
}
DEFAULT_SHARE_IMAGE = ("img/og-default.png", "health-care careers in New York")


def _share_image(request):
    match = getattr(request, "resolver_match", None)
    namespace = match.namespace if match else ""
    if match and match.url_name == "home":
        namespace = ""
    return SHARE_IMAGES.get(namespace, DEFAULT_SHARE_IMAGE)


def site(request):
    site_origin = origin(request)
    image, image_alt = _share_image(request)
    image_url = static(image)
    return {
        "site_name": settings.SITE_NAME,
        "site_credit": settings.SITE_CREDIT,
        "site_copyright": settings.SITE_COPYRIGHT,
        "canonical_url": site_origin + request.path,
        "share_image": image_url if "://" in image_url else site_origin + image_url,
        "share_image_alt": image_alt,
    }
