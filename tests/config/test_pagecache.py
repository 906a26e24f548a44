"""Public content pages are rendered once and served from the cache until content changes."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from content.models import Status
from content.pagecache import MAX_LOCAL_PAGE_BYTES, VERSION_KEY, LocalStore
from tests.careers.factories import JobTitleFactory, RoleFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def role():
    role = RoleFactory(name="Care coordinator", slug="care-coordinator")
    JobTitleFactory(role=role, title="Care Navigator")
    return role


def test_second_anonymous_visit_is_served_without_touching_the_database(
    client, role, django_assert_num_queries
):
    first = client.get(role.get_absolute_url())
    assert first.status_code == 200
    with django_assert_num_queries(0):
        second = client.get(role.get_absolute_url())
    assert second.status_code == 200
    # Same page; only the banner's masked CSRF token differs from one response to the next.
    assert main(second) == main(first)
    assert "Care Navigator" in main(second)


def main(response):
    html = response.content.decode()
    return html[html.index('<main id="main"') : html.index("</main>")]


def test_a_content_change_is_shown_on_the_next_visit(client, role):
    client.get(role.get_absolute_url())
    JobTitleFactory(role=role, title="Patient Navigator")
    assert "Patient Navigator" in client.get(role.get_absolute_url()).content.decode()
    role.definition = "A brand-new definition."
    role.save()
    assert "A brand-new definition." in client.get(role.get_absolute_url()).content.decode()


def test_unpublishing_removes_the_cached_page(client, role):
    assert client.get(role.get_absolute_url()).status_code == 200
    role.status = Status.DRAFT
    role.save()
    assert client.get(role.get_absolute_url()).status_code == 404


def test_each_visitor_still_gets_a_banner_with_their_own_csrf_token(client, role):
    from django.test import Client

    first = client.get(role.get_absolute_url()).content.decode()
    other = Client().get(role.get_absolute_url()).content.decode()
    assert 'name="csrfmiddlewaretoken"' in first
    assert 'name="csrfmiddlewaretoken"' in other
    token = first.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
    assert token not in other


def test_staff_are_never_served_the_cached_page(client, role):
    client.get(role.get_absolute_url())  # cached for anonymous visitors
    role.status = Status.DRAFT
    role.save()
    staff = get_user_model().objects.create_user("staff", is_staff=True)
    staff.groups.add(Group.objects.get(name="Editor"))
    client.force_login(staff)
    response = client.get(role.get_absolute_url())
    assert response.status_code == 200
    assert "Draft preview" in response.content.decode()


def test_searches_are_not_cached(client, role, django_assert_max_num_queries):
    client.get("/careers/", {"q": "navigator"})
    with django_assert_max_num_queries(8) as captured:
        client.get("/careers/", {"q": "navigator"})
    assert len(captured) > 0


def _page_entries():
    from django.core.cache import cache

    # Local-memory cache in tests: its keys are "<prefix>:<version>:pagecache:<v>:<hash>".
    return [key for key in cache._cache if ":pagecache:" in key and "version" not in key]


def test_fifty_variants_of_one_url_make_at_most_one_cache_entry(client, role):
    path = role.get_absolute_url()
    queries = ["", "?", "?&", "?&&", "?&&&", "?=", "?a", "?a=", "?a=1", "?b=2&a=1", "?a=1&b=2"]
    queries += [f"?utm_source=x{i}" for i in range(12)] + [f"?{i}" for i in range(12)]
    queries += ["?q=", "?q=x", "?page=2", "?page=2&page=3", "?%ZZ", "?%00", "?x=%C0%AF"]
    hosts = ["testserver", "TESTSERVER", "testserver:80", "testserver:8080", "testserver:1"]
    variants = [(path + query, "testserver") for query in queries]
    variants += [(path, host) for host in hosts]
    variants += [(path + "?&", host) for host in hosts[2:]]
    assert len(variants) >= 50
    for url, host in variants:
        response = client.get(url, HTTP_HOST=host)
        assert response.status_code == 200, (url, host)
        assert "Care Navigator" in main(response)
    assert len(_page_entries()) <= 1


def test_a_site_url_keys_pages_by_it_and_not_by_the_host_header(client, role, settings):
    settings.SITE_URL = "https://careers.example.org"
    settings.ALLOWED_HOSTS = ["careers.example.org", "www.careers.example.org", "testserver"]
    for host in ["careers.example.org", "www.careers.example.org", "testserver"]:
        response = client.get(role.get_absolute_url(), HTTP_HOST=host)
        assert "https://careers.example.org" + role.get_absolute_url() in response.content.decode()
    assert len(_page_entries()) == 1


def test_a_page_kept_in_this_process_is_served_without_the_shared_copy_until_content_changes(
    client, role, django_assert_num_queries
):
    """The per-process copy in front of the shared cache (content.pagecache.kept_page):
    with a shared cache (Redis) it saves a round trip and the page's transfer. It follows
    the content version, so a change is still seen at once."""
    from django.core.cache import cache

    from content.pagecache import pages_held

    first = client.get(role.get_absolute_url())
    held, size = pages_held()
    assert held >= 1 and size >= len(main(first))
    for raw_key in _page_entries():
        cache.delete(raw_key.split(":", 2)[2])  # as if the shared copy had expired
    assert not _page_entries()
    with django_assert_num_queries(0):
        again = client.get(role.get_absolute_url())
    assert main(again) == main(first)
    JobTitleFactory(role=role, title="Care Guide")
    assert "Care Guide" in main(client.get(role.get_absolute_url()))


def test_pages_kept_in_this_process_stay_within_their_bound(client, role, monkeypatch):
    from content.pagecache import pages_held

    page_size = len(client.get(role.get_absolute_url()).content)
    monkeypatch.setattr("content.pagecache._pages.max_size", 2 * page_size + 1000)
    for index in range(6):
        other = RoleFactory(career=role.career, slug=f"role-{index}", name=f"Role {index}")
        assert client.get(other.get_absolute_url()).status_code == 200
    held, size = pages_held()
    assert size <= 2 * page_size + 1000 and held <= 2


# content.pagecache.CachedPageMiddleware: a kept page is served above authentication,
# messages and the URL resolver, with every per-visitor part still applied.


def test_a_kept_page_is_served_before_authentication_and_the_view(client, role):
    fresh = client.get(role.get_absolute_url())
    assert hasattr(fresh.wsgi_request, "user")  # rendered: the whole stack ran
    from django.test import Client

    visitor = Client()  # a new visitor: no cookies at all
    kept = visitor.get(role.get_absolute_url())
    assert kept.status_code == 200
    assert not hasattr(kept.wsgi_request, "user")  # answered above AuthenticationMiddleware
    assert main(kept) == main(fresh)
    # What the stack above it adds is on the kept page too.
    html = kept.content.decode()
    assert 'name="csrfmiddlewaretoken"' in html and "<!--consent:banner-->" not in html
    assert kept.cookies["csrftoken"].value
    assert kept["X-Frame-Options"] == "DENY"
    assert kept["Permissions-Policy"].startswith("camera=()")
    assert "default-src 'self'" in kept["Content-Security-Policy"]
    assert kept["Cache-Control"] == "private"  # it holds this visitor's token
    # The token is this visitor's, and it is accepted when the banner's form is sent.
    token = html.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
    visitor_with_checks = Client(enforce_csrf_checks=True)
    visitor_with_checks.cookies = visitor.cookies
    answer = visitor_with_checks.post(
        "/cookies/consent/",
        {"csrfmiddlewaretoken": token, "source": "banner", "next": "/", "action": "reject_all"},
    )
    assert answer.status_code == 303  # the choice is saved (a wrong token gets 403)


def test_a_request_the_cache_must_not_answer_goes_through_the_whole_stack(client, role):
    client.get(role.get_absolute_url())  # kept
    with_query = client.get(role.get_absolute_url(), {"utm_source": "x"})
    assert hasattr(with_query.wsgi_request, "user")
    staff = get_user_model().objects.create_user("staff2", is_staff=True)
    client.force_login(staff)
    assert hasattr(client.get(role.get_absolute_url()).wsgi_request, "user")


def test_a_page_not_kept_is_looked_up_once(client, role, monkeypatch, cache_reads):
    """CachedPageMiddleware asks the cache for the page; on a miss the view's
    cache_public_page keeps it without asking again (with Redis, a round trip saved)."""

    def pages_asked():
        return [key for key in cache_reads if key != VERSION_KEY]

    assert client.get(role.get_absolute_url()).status_code == 200
    assert len(pages_asked()) == 1, cache_reads
    # This process's copy forgotten: the shared copy answers, asked once.
    monkeypatch.setattr("content.pagecache._pages", LocalStore(MAX_LOCAL_PAGE_BYTES))
    cache_reads.clear()
    assert "Care Navigator" in client.get(role.get_absolute_url()).content.decode()
    assert len(pages_asked()) == 1, cache_reads


@pytest.mark.parametrize(
    "url, query",
    [
        ("/careers/", {"q": "navigatr"}),  # a typo: the finder reads its vocabulary
        ("/careers/", {"q": "care navigator"}),
        ("/es/careers/", {"q": "navegador"}),
    ],
)
def test_a_title_search_asks_the_shared_cache_for_the_content_version_only(
    client, role, cache_reads, url, query
):
    """What a search reuses (the finder's vocabulary and role links, cards, choices) is
    kept in the process per content version: with Redis, one round trip a search."""
    client.get(url, query)  # the first search of this content version reads and keeps them
    cache_reads.clear()
    response = client.get(url, query)
    assert response.status_code == 200
    assert response.context["matches"], "the search found no title"
    assert cache_reads == [VERSION_KEY]
