"""The page shell, machine endpoints and error pages, through Django's test client."""

import pytest
from django.test import Client, RequestFactory

from config.views import server_error
from tests.sitemaps import sitemap_xml

pytestmark = pytest.mark.django_db


def test_home_page_has_the_shell(client):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en">' in html
    assert html.count("<h1") == 1
    assert 'class="skip-link" href="#main"' in html
    assert '<main id="main"' in html
    assert '<link rel="canonical" href="http://testserver/">' in html
    assert '<meta name="description"' in html
    for link in (
        'href="/careers/"',
        'href="/trainings/"',
        'href="/employers/"',
        'href="/cookies/"',
    ):
        assert link in html


@pytest.mark.parametrize("path", ["/", "/es/", "/es/privacy/", "/es/no-such-page/"])
def test_responses_carry_security_headers(client, path):
    response = client.get(path)
    assert "Permissions-Policy" in response.headers
    csp = response.headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert response.headers["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response.headers["X-Frame-Options"] == "DENY"


def test_healthz_is_plain_ok(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(1):
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    assert response.content == b"ok\n"


def test_robots_txt_points_at_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in text
    # The consent endpoint is kept out of search engines in both languages.
    assert "Disallow: /cookies/consent/" in text
    assert "Disallow: /es/cookies/consent/" in text


def test_sitemap_is_an_xml_index_whose_sitemaps_list_the_start_page(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    assert "<sitemapindex" in response.content.decode()
    assert "<loc>http://testserver/</loc>" in sitemap_xml(client)


def test_unknown_path_gets_the_styled_404(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Page not found" in html
    assert 'class="site-header"' in html
    assert "Traceback" not in html


def test_bad_host_gets_the_styled_400():
    response = Client(raise_request_exception=False).get("/", HTTP_HOST="evil.example.com")
    assert response.status_code == 400
    assert "could not understand that request" in response.content.decode()


def test_server_error_page_is_styled_without_details():
    request = RequestFactory().get("/")
    response = server_error(request)
    assert response.status_code == 500
    html = response.content.decode()
    assert "something went wrong on our side" in html
    assert "Traceback" not in html
