"""Values every template needs: the site's name, credit line, canonical URL, sharing image,
and the page's address in each language (hreflang links and the header's language switch)."""

from django.conf import settings
from django.templatetags.static import static
from django.urls import is_valid_path
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from content.site import origin

# The picture a link preview shows (static/img/og-*.png, made by scripts/make_images.sh):
# one per part of the site, by the URL namespace of the page; the start page and the rest
# share the default one.
SHARE_IMAGES = {
    "careers": ("img/og-careers.png", _("careers and roles")),
    "trainings": ("img/og-trainings.png", _("find a training")),
    "employers": ("img/og-employers.png", _("find an employer")),
}
DEFAULT_SHARE_IMAGE = ("img/og-default.png", _("health-care careers in New York"))


def _share_image(request):
    match = getattr(request, "resolver_match", None)
    namespace = match.namespace if match else ""
    if match and match.url_name == "home":
        namespace = ""
    return SHARE_IMAGES.get(namespace, DEFAULT_SHARE_IMAGE)


def _english_path(request):
    """The English address of this page: its path without the language prefix."""
    path = request.path
    language = translation.get_language_from_path(request.path_info)
    if language and language != settings.LANGUAGE_CODE:
        path = path[len(language) + 1 :]
    return path


def _language_links(request, site_origin):
    """The page in each language, or [] when the page exists in one language only (staff
    pages, machine files) or does not exist (a 404 has no other language to offer).

    Each entry: code, name, absolute URL (for hreflang), path with the query string (for the
    switch, so a search stays the same search), and whether it is the current language.
    """
    if getattr(request, "resolver_match", None) is None:
        return []
    english = _english_path(request)
    current = translation.get_language()
    query = request.GET.urlencode()
    links = []
    for code, name in settings.LANGUAGES:
        path = english if code == settings.LANGUAGE_CODE else f"/{code}{english}"
        if code != current:
            with translation.override(code):  # /es/ resolves only while Spanish is active
                if not is_valid_path(path):
                    return []
        links.append(
            {
                "code": code,
                "name": name,
                "url": site_origin + path,
                "path": path + ("?" + query if query else ""),
                "current": code == current,
            }
        )
    return links


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
        "language_links": _language_links(request, site_origin),
        "default_language_url": site_origin + _english_path(request),
    }
