"""The cookies page (categories, their cookies, the choices) and the endpoint saving a choice."""

import math

from axes.helpers import get_client_ip_address
from django.conf import settings
from django.contrib import messages
from django.http import HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import resolve, reverse
from django.utils.cache import add_never_cache_headers
from django.utils.crypto import salted_hmac
from django.utils.html import format_html
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST, require_safe

from consent import services
from consent.forms import NO, YES, ConsentForm
from consent.middleware import TOKEN_MARK, with_visitor_token
from consent.models import Action, Category, Source
from content.cache import safe_incr
from content.pagecache import cached_fragment, is_personal

CONFIRMATIONS = {
    Action.ACCEPT_ALL: _("You accepted all cookies."),
    Action.REJECT_ALL: _("You rejected all optional cookies; we set only necessary ones."),
    Action.WITHDRAW: _("You withdrew your consent; we set only necessary cookies from now on."),
    Action.CUSTOM: _("Your cookie choices have been saved."),
}


def _categories():
    return Category.objects.prefetch_related("cookies")


def _context(form, categories):
    return {
        "form": form,
        "sections": [
            (c, None if c.necessary else form[ConsentForm.field_name(c.slug)]) for c in categories
        ],
    }


def _page(request, form, categories, status=200):
    return render(request, "consent/preferences.html", _context(form, categories), status=status)


@never_cache
@require_safe
def preferences(request):
    """/cookies/: every category with its description, its cookies and a yes/no choice.

    A visitor who has not chosen gets the page every such visitor shares (shared_page);
    consent.middleware.CookiesPageMiddleware answers them before the view, this is for
    when it is not installed. Anyone else gets the page rendered for them.
    """
    if serves_shared_page(request):
        return shared_page(request)
    categories = list(_categories())
    return _page(request, _preferences_form(request.consent, categories), categories)


def serves_shared_page(request):
    """Whether this request gets the shared page: no choice under the current policy, no
    consent id, no session or message, no query string."""
    consent = request.consent
    undecided = not consent.has_choice and consent.consent_id is None
    return undecided and not request.GET and not is_personal(request)


def shared_page(request):
    """The cookies page every visitor without a choice sees, the same but for the CSRF
    token: rendered once per content version and language, and each visitor's own token
    written into a copy. Never stored by a browser or a proxy (it holds the token)."""
    page = cached_fragment("consent:cookies-page", lambda: _undecided_page(request))
    response = HttpResponse(with_visitor_token(page, request))
    add_never_cache_headers(response)
    return response


def _preferences_form(consent, categories):
    initial = {
        ConsentForm.field_name(c.slug): YES if consent.explicit and consent.granted(c.slug) else NO
        for c in categories
        if not c.necessary
    }
    initial.update(source=Source.COOKIES_PAGE, next=reverse("consent:preferences"))
    return ConsentForm(initial=initial, categories=categories)


def _undecided_page(request):
    """The page every visitor without a choice sees, with TOKEN_MARK for the CSRF token."""
    if getattr(request, "resolver_match", None) is None:
        # Answered by CookiesPageMiddleware, before the URL resolver: the links to this
        # page in the other language are made from the resolved URL.
        request.resolver_match = resolve(request.path_info)
    categories = list(_categories())
    form = _preferences_form(request.consent, categories)
    context = {**_context(form, categories), "csrf_token": TOKEN_MARK}
    return render_to_string("consent/preferences.html", context, request=request)


def _wants_json(request):
    return "application/json" in request.headers.get("Accept", "") or request.headers.get(
        "X-Requested-With"
    ) in ("fetch", "XMLHttpRequest")


def _safe_next(request, url):
    # Only a path on this site: a relative one ("12207") would resolve under /cookies/.
    if (
        url
        and url.startswith("/")
        and url_has_allowed_host_and_scheme(
            url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        )
    ):
        return url
    return "/"


def _over_rate_limit(request):
    """Whether this client sent more than CONSENT_RATE_LIMIT choices in the current window.

    The client is a keyed hash of its IP address (the one django-axes resolves, so proxy
    settings apply to both), kept only in the cache for the window: no address is stored.
    """
    ip = get_client_ip_address(request) or ""
    client = salted_hmac("consent.rate-limit", ip).hexdigest()[:32]
    count = safe_incr(f"consent:rate:{client}", timeout=settings.CONSENT_RATE_WINDOW_SECONDS)
    return count is not None and count > settings.CONSENT_RATE_LIMIT


def _too_many(request):
    window = settings.CONSENT_RATE_WINDOW_SECONDS
    if _wants_json(request):
        response = JsonResponse(
            {
                "saved": False,
                "errors": {"__all__": [gettext("Too many choices; try again later.")]},
            },
            status=429,
        )
    else:
        response = render(
            request, "429.html", {"retry_minutes": math.ceil(window / 60)}, status=429
        )
    response["Retry-After"] = str(window)
    return response


@never_cache
@require_POST
def save(request):
    """Record Accept all / Reject all / a custom choice; POST-redirect-GET or JSON for fetch."""
    if _over_rate_limit(request):
        return _too_many(request)
    categories = list(_categories())
    form = ConsentForm(request.POST, categories=categories)
    if not form.is_valid():
        if _wants_json(request):
            return JsonResponse({"saved": False, "errors": form.errors}, status=400)
        return _page(request, form, categories, status=400)
    data = form.cleaned_data
    request.consent = services.consent_give(
        state=request.consent,
        action=data["action"],
        granted=form.granted(),
        source=data["source"] or Source.BANNER,
    )
    text = str(CONFIRMATIONS[request.consent.action])
    change_text = gettext("Change your cookie settings")
    change_url = reverse("consent:preferences")
    if _wants_json(request):
        return JsonResponse(
            {
                "saved": True,
                "action": request.consent.action,
                "message": text,
                "change_url": change_url,
                "change_text": change_text,
            }
        )
    messages.success(
        request,
        format_html('{} <a href="{}">{}</a>.', text, change_url, change_text),
    )
    return HttpResponseRedirect(_safe_next(request, data["next"]), status=303)
