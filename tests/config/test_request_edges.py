"""Edges of a request: a very long address, a refused form, odd methods, a bad Host header."""

import logging
import re

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def _banner_next(response):
    match = re.search(r'name="next" value="([^"]*)"', response.content.decode())
    assert match, "no banner form on the page"
    return match.group(1)


def test_a_very_long_address_still_lets_the_visitor_save_a_choice(client):
    response = client.get("/?utm_source=" + "a" * 2500)
    assert response.status_code == 200
    next_url = _banner_next(response)
    assert next_url == "/"
    saved = client.post(
        "/cookies/consent/", {"action": "reject_all", "source": "banner", "next": next_url}
    )
    assert saved.status_code == 303


def test_a_short_address_is_kept_whole_as_the_banners_next(client):
    assert _banner_next(client.get("/careers/?q=nurse")) == "/careers/?q=nurse"


def test_a_refused_form_gets_a_styled_page_saying_how_to_go_on():
    response = Client(enforce_csrf_checks=True).post(
        "/cookies/consent/", {"action": "accept_all", "source": "banner", "next": "/"}
    )
    assert response.status_code == 403
    html = response.content.decode()
    assert "<h1>Your form could not be sent</h1>" in html
    assert "Reload the page and try again" in html
    assert "cookies" in html
    assert '<link rel="stylesheet"' in html  # the site's own look, not Django's plain page


def test_trace_is_405_with_allow():
    response = Client().generic("TRACE", "/")
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD, POST, OPTIONS"
    assert b"<html" not in response.content


@pytest.mark.parametrize("path", ["/", "/careers/", "/cookies/consent/", "/no-such-page/"])
def test_options_answers_allow_without_a_page(path):
    response = Client().options(path)
    assert response.status_code == 200
    assert response["Allow"] == "GET, HEAD, POST, OPTIONS"
    assert response.content == b""


def test_other_methods_are_405():
    for method in ("PUT", "DELETE", "PATCH", "PROPFIND", "CONNECT"):
        assert Client().generic(method, "/").status_code == 405, method


def test_a_bad_host_header_logs_one_warning_line_without_a_traceback(caplog):
    with caplog.at_level(logging.INFO):
        response = Client().get("/", HTTP_HOST="evil.example")
    assert response.status_code == 400
    records = [r for r in caplog.records if r.name == "django.security.DisallowedHost"]
    assert len(records) == 1
    assert records[0].levelno == logging.WARNING
    assert records[0].exc_info is None
    assert "evil.example" in records[0].getMessage()


def test_thousands_of_fields_log_one_short_warning_line(caplog):
    with caplog.at_level(logging.INFO):
        response = Client().get("/trainings/?" + "&".join(f"x{n}=1" for n in range(3000)))
        long_host = Client().get("/", HTTP_HOST="a" * 8000 + ".example")
    assert response.status_code == long_host.status_code == 400
    records = [r for r in caplog.records if r.name.startswith("django.security.")]
    assert {r.name for r in records} == {
        "django.security.TooManyFieldsSent",
        "django.security.DisallowedHost",
    }
    for record in records:
        assert record.levelno == logging.WARNING and record.exc_info is None
        assert len(record.getMessage()) <= 301
