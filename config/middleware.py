"""Site-wide request and response rules that Django's own middleware does not cover."""

from django.conf import settings
from django.http import HttpResponse, HttpResponseNotAllowed
from django.middleware.locale import LocaleMiddleware
from django.utils import translation
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


class HttpMethodsMiddleware:
    """Only the methods the site uses reach a view.

    OPTIONS is answered here with an `Allow` header and no body (it used to render the whole
    page); TRACE and every other method get 405 with the same `Allow` header, before any
    view, session or database work.
    """

    ALLOWED = ("GET", "HEAD", "POST", "OPTIONS")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method == "OPTIONS":
            response = HttpResponse(status=200, content_type="text/plain")
            response["Allow"] = ", ".join(self.ALLOWED)
            response["Content-Length"] = "0"
            return response
        if request.method not in self.ALLOWED:
            return HttpResponseNotAllowed(self.ALLOWED, content_type="text/plain")
        return self.get_response(request)


class UrlLanguageMiddleware(LocaleMiddleware):
    """The page's language is the one its URL names: /es/... Spanish, every other URL English.

    Django's LocaleMiddleware also reads a language cookie and Accept-Language, and marks
    unprefixed pages `Vary: Accept-Language`; here the URL alone decides (the header's
    language switch links to the other URL), so one URL is one page for every visitor and
    every cache, and nothing redirects by the browser's language.
    """

    def process_request(self, request):
        language = translation.get_language_from_path(request.path_info)
        translation.activate(language or settings.LANGUAGE_CODE)
        request.LANGUAGE_CODE = translation.get_language()

    def process_response(self, request, response):
        response.headers.setdefault("Content-Language", translation.get_language())
        # The page is rendered: leave the thread in the default language, so that work done
        # after this request in the same thread (the next test, a signal) is not in Spanish.
        translation.deactivate()
        return response
