"""First visits, the cookies page, no cookie wall, caching and query counts (test client)."""

import re
import urllib.request

import pytest
from django.conf import settings
from django.test import Client

from consent.models import Category, CookieDeclaration, cookie_name_matches
from tests.consent.factories import CookieDeclarationFactory
from tests.consent.helpers import SAVE_URL, choose, shows_banner

PAGES = ["/", "/cookies/", "/trainings/", "/employers/", "/trainings/", "/no-such-page/"]


def necessary_names():
    return list(
        CookieDeclaration.objects.filter(category__necessary=True).values_list("name", flat=True)
    )


def declared_necessary(name):
    return any(cookie_name_matches(pattern, name) for pattern in necessary_names())


@pytest.mark.django_db(transaction=True)
def test_first_visit_raw_set_cookie_headers_are_only_declared_necessary_cookies(live_server):
    seen = []
    for path in PAGES:
        request = urllib.request.Request(live_server.url + path)
        try:
            with urllib.request.urlopen(request) as response:
                headers = response.headers.get_all("Set-Cookie") or []
        except urllib.error.HTTPError as error:  # the 404 page counts too
            headers = error.headers.get_all("Set-Cookie") or []
        seen += [header.split("=", 1)[0].strip() for header in headers]
    assert seen, "the banner's form sets the CSRF cookie"
    assert all(declared_necessary(name) for name in seen), seen
    assert settings.CONSENT_COOKIE_NAME not in seen  # no choice yet, nothing to remember


def routed(path):
    from django.urls import Resolver404, resolve

    try:
        resolve(path)
    except Resolver404:
        return False
    return True


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/", "/cookies/", "/trainings/", "/trainings/", "/employers/"])
def test_full_page_content_answers_200_without_any_consent(client, path):
    if not routed(path):
        pytest.skip(f"{path} is built on another branch")
    response = client.get(path)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<main id="main"' in html and "<h1" in html
    assert html.count("<h1") == 1


@pytest.mark.django_db
def test_banner_is_a_named_region_right_after_the_skip_link_with_equal_buttons(client):
    html = client.get("/").content.decode()
    skip = html.index('class="skip-link"')
    banner = html.index('<section class="consent-banner" aria-labelledby="consent-banner-title"')
    header = html.index('class="site-header"')
    assert skip < banner < header
    assert 'id="consent-banner-title"' in html
    assert 'method="post" action="/cookies/consent/"' in html
    assert "csrfmiddlewaretoken" in html
    accept = re.search(r'<button[^>]*value="accept_all"[^>]*>', html).group(0)
    reject = re.search(r'<button[^>]*value="reject_all"[^>]*>', html).group(0)
    assert re.search(r'class="([^"]*)"', accept).group(1) == re.search(
        r'class="([^"]*)"', reject
    ).group(1)
    assert '<a class="consent-banner__choose" href="/cookies/">Choose cookies</a>' in html
    assert '<script src="/static/js/consent.js" defer></script>' in html


@pytest.mark.django_db
def test_banner_is_not_repeated_on_the_cookies_page(client):
    assert not shows_banner(client.get("/cookies/"))


@pytest.mark.django_db
def test_cookies_page_lists_every_category_with_choices_never_preselected_yes(client):
    html = client.get("/cookies/").content.decode()
    for category in Category.objects.all():
        assert f'<h2 id="category-{category.slug}">{category.name} cookies</h2>' in html
        assert category.description[:60] in html
    for slug in ["functional", "analytics", "performance", "others"]:
        assert re.search(rf'name="category_{slug}" value="no"[^>]*checked', html)
        assert not re.search(rf'name="category_{slug}" value="yes"[^>]*checked', html)
    assert 'name="category_necessary"' not in html
    assert html.count("We set no cookies in this category at present.") == 4
    for name in necessary_names():
        assert f"<code>{name}</code>" in html
    assert (
        '<div class="table-scroll" tabindex="0" role="region" aria-label="Necessary cookies">'
        in html
    )
    for label in ("Save my choices", "Reject all", "Accept all"):
        assert f">{label}</button>" in html


@pytest.mark.django_db
def test_cookies_page_shows_declared_patterns_in_their_category(client, analytics_ga):
    html = client.get("/cookies/").content.decode()
    assert "<code>_ga_*</code>" in html
    assert "Google (third party)" in html
    assert html.count("We set no cookies in this category at present.") == 3


@pytest.mark.django_db
def test_cookies_page_tells_the_visitor_their_choice_and_consent_id(client):
    choose(client, "reject_all")
    consent_id = client.get("/").context["consent"].consent_id
    html = client.get("/cookies/").content.decode()
    assert "You made your choice on" in html
    assert consent_id in html


@pytest.mark.django_db
@pytest.mark.urls("tests.consent.urls_for_tests")
def test_cached_page_still_gets_each_visitors_own_banner_and_token():
    token = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
    first, second, third = Client(), Client(), Client()
    first_response = first.get("/test/cached/")  # fills the page cache
    assert shows_banner(first_response)
    choose(second, "accept_all")
    second_response = second.get("/test/cached/")
    assert "Cached page" in second_response.content.decode()
    assert not shows_banner(second_response)
    third_response = third.get("/test/cached/")
    assert shows_banner(third_response)
    assert "csrftoken" in third_response.cookies  # its own CSRF cookie for its own token
    assert "private" in third_response["Cache-Control"]
    assert token.search(first_response.content.decode()).group(1) != token.search(
        third_response.content.decode()
    ).group(1)


@pytest.mark.django_db
def test_banner_response_is_private_and_varies_on_cookie_and_gpc(client):
    response = client.get("/")
    assert "private" in response["Cache-Control"]
    assert "Cookie" in response["Vary"] and "Sec-GPC" in response["Vary"]


@pytest.mark.django_db
def test_cookies_page_query_count_does_not_grow_with_declarations(
    client, django_assert_num_queries
):
    """A visitor who has chosen gets the page rendered for them: two queries, however many
    cookies are declared."""
    choose(client, "reject_all")
    client.get("/cookies/")  # warm the registry cache
    with django_assert_num_queries(2):
        client.get("/cookies/")
    analytics = Category.objects.get(slug="analytics")
    CookieDeclarationFactory.create_batch(40, category=analytics)
    client.get("/cookies/")
    with django_assert_num_queries(2):
        response = client.get("/cookies/")
    assert response.content.decode().count("<tr>") >= 44


TOKEN_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]*)"')


@pytest.mark.django_db
def test_the_cookies_page_is_kept_for_undecided_visitors_with_each_ones_working_token(
    django_assert_num_queries,
):
    """Visitors without a choice share one rendering (no query once kept) but each gets a
    token of their own, which passes the CSRF check; a new declaration shows at once."""
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    first_page = first.get("/cookies/")
    with django_assert_num_queries(0):
        second_page = second.get("/cookies/")
    first_token = TOKEN_FIELD.search(first_page.content.decode())[1]
    second_token = TOKEN_FIELD.search(second_page.content.decode())[1]
    assert first_token != second_token and "mark" not in first_token + second_token
    assert TOKEN_FIELD.sub("", first_page.content.decode()) == TOKEN_FIELD.sub(
        "", second_page.content.decode()
    )
    assert "no-cache" in second_page["Cache-Control"]
    stolen = first.post(SAVE_URL, {"action": "reject_all", "csrfmiddlewaretoken": second_token})
    assert stolen.status_code == 403  # the token belongs to the other visitor's cookie
    saved = first.post(
        SAVE_URL,
        {"action": "accept_all", "source": "cookies_page", "next": "/cookies/",
         "csrfmiddlewaretoken": first_token},
    )  # fmt: skip
    assert saved.status_code == 303
    chosen = first.get("/cookies/").content.decode()
    assert "You made your choice on" in chosen and "You accepted all cookies." in chosen
    CookieDeclarationFactory(category=Category.objects.get(slug="analytics"), name="kept_test")
    assert "kept_test" in second.get("/cookies/").content.decode()


@pytest.mark.django_db
def test_the_kept_cookies_page_is_not_shown_to_a_gpc_visitor_or_in_the_other_language():
    Client().get("/cookies/")  # kept for undecided visitors
    gpc = Client(HTTP_SEC_GPC="1").get("/cookies/").content.decode()
    assert "Opt-out preference signal honoured" in gpc
    spanish = Client().get("/es/cookies/")
    assert spanish.status_code == 200 and 'lang="es"' in spanish.content.decode()
    assert "You have not made a choice yet" not in spanish.content.decode()
    queried = Client().get("/cookies/?utm_source=x").content.decode()
    assert "You have not made a choice yet" in queried


@pytest.mark.django_db
def test_banner_adds_no_query_once_the_registry_is_cached(client, django_assert_num_queries):
    client.get("/healthz")
    client.get("/")
    with django_assert_num_queries(0):
        client.get("/robots.txt")


BANNER_FIELD = re.compile(r'<input type="hidden" name="(csrfmiddlewaretoken|next)" value="([^"]*)"')


def banner_fields(response):
    return dict(BANNER_FIELD.findall(response.content.decode()))


@pytest.mark.django_db
def test_the_banner_rendered_once_carries_each_visitors_own_working_token():
    """The banner's markup is shared; the token written into it is the visitor's own and
    passes the CSRF check, and another visitor's token does not."""
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    first_fields = banner_fields(first.get("/trainings/"))
    second_fields = banner_fields(second.get("/trainings/"))
    assert first_fields["csrfmiddlewaretoken"] != second_fields["csrfmiddlewaretoken"]
    assert "mark" not in first_fields["csrfmiddlewaretoken"]
    data = {"action": "reject_all", "source": "banner", "next": first_fields["next"]}
    stolen = first.post(
        SAVE_URL, {**data, "csrfmiddlewaretoken": "x" * 64}, HTTP_ACCEPT="text/html"
    )
    assert stolen.status_code == 403
    saved = first.post(
        SAVE_URL, {**data, "csrfmiddlewaretoken": first_fields["csrfmiddlewaretoken"]}
    )
    assert saved.status_code == 303 and saved["Location"].startswith("/trainings/")
    assert not shows_banner(first.get("/trainings/"))


@pytest.mark.django_db
def test_the_banner_returns_to_this_page_with_its_address_escaped(client):
    response = client.get('/trainings/?q="><script>alert(1)</script>')
    html = response.content.decode()
    assert "<script>alert(1)" not in html
    assert banner_fields(response)["next"] == (
        "/trainings/?q=%22%3E%3Cscript%3Ealert(1)%3C/script%3E"
    )


@pytest.mark.django_db
def test_the_banner_names_a_renamed_category_at_once(client):
    analytics = Category.objects.get(slug="analytics")
    assert "analytics" in client.get("/").content.decode().lower()
    analytics.name = "Visit counting"
    analytics.save()
    banner = client.get("/").content.decode()
    assert "visit counting, performance" in banner


@pytest.mark.django_db
def test_the_registry_is_held_in_this_process_and_dropped_when_the_policy_changes(
    django_assert_num_queries,
):
    """A page with the banner reads the policy from this process, not the shared cache (a
    network round trip with Redis); a change saved here is seen at once."""
    from django.core.cache import cache

    from consent import registry
    from consent.models import REGISTRY_CACHE_KEY

    held = registry.load()
    cache.delete(REGISTRY_CACHE_KEY)  # as if the shared copy had expired
    with django_assert_num_queries(0):
        assert registry.load() is held
    analytics = Category.objects.get(slug="analytics")
    analytics.name = "Visit counting"
    analytics.save()
    renamed = registry.load()
    assert renamed is not held
    assert "Visit counting" in [c.names.get("en") for c in renamed.categories]


@pytest.mark.django_db
def test_the_shared_cookies_page_is_answered_before_authentication_with_its_language_links():
    """consent.middleware.CookiesPageMiddleware: the first undecided visitor's request
    renders the shared page there (before the URL resolver), and it still links to the
    Spanish page; a visitor with a choice gets the view."""
    for path, other in (("/cookies/", "/es/cookies/"), ("/es/cookies/", "/cookies/")):
        page = Client().get(path)
        assert page.status_code == 200 and not hasattr(page.wsgi_request, "user")
        html = page.content.decode()
        assert f'hreflang="{"es" if other.startswith("/es/") else "en"}"' in html
        assert f'class="language-switch" href="{other}"' in html
        assert "no-store" in page["Cache-Control"] and page.cookies["csrftoken"].value
    decided = Client()
    choose(decided, "reject_all")
    chosen = decided.get("/cookies/")
    assert hasattr(chosen.wsgi_request, "user")
    assert "You rejected all optional cookies" in chosen.content.decode()
