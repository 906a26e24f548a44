"""The middleware keeps to the visitor's decision on every response."""

import logging

import pytest
from django.test import Client

from tests.consent.helpers import choose

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.consent.urls_for_tests")]


def test_analytics_cookies_are_stripped_before_any_choice(client, analytics_ga):
    response = client.get("/test/set-analytics/")
    assert response.status_code == 200
    assert "_ga" not in response.cookies
    assert "_ga_ABC123" not in response.cookies


def test_analytics_cookies_are_stripped_when_analytics_is_refused(client, analytics_ga):
    choose(client, "custom", yes=["functional"])
    response = client.get("/test/set-analytics/")
    assert "_ga" not in response.cookies
    assert "_ga_ABC123" not in response.cookies  # matched by the `_ga_*` pattern


def test_analytics_cookies_are_kept_when_analytics_is_granted(client, analytics_ga):
    choose(client, "custom", yes=["analytics"])
    response = client.get("/test/set-analytics/")
    assert response.cookies["_ga"].value == "GA1.1.12345.67890"
    assert response.cookies["_ga_ABC123"].value == "GS1.1.12345"


def test_analytics_cookies_are_kept_after_accept_all(client, analytics_ga):
    choose(client, "accept_all")
    response = client.get("/test/set-analytics/")
    assert "_ga" in response.cookies and "_ga_ABC123" in response.cookies


def test_refused_cookies_the_browser_sends_are_expired(client, analytics_ga):
    choose(client, "accept_all")
    client.get("/test/set-analytics/")
    assert client.cookies["_ga_ABC123"].value
    response = choose(client, "reject_all")
    for name in ("_ga", "_ga_ABC123"):
        assert response.cookies[name]["max-age"] == 0
        assert response.cookies[name].value == ""


def test_pattern_match_expires_a_cookie_of_any_suffix(analytics_ga):
    client = Client()
    client.cookies["_ga_ZZZ999"] = "old"
    response = client.get("/")
    assert response.cookies["_ga_ZZZ999"]["max-age"] == 0


def test_necessary_cookies_are_never_expired_or_stripped(client, analytics_ga):
    choose(client, "reject_all")
    response = client.get("/")
    assert "csrftoken" not in response.cookies or response.cookies["csrftoken"].value
    client.cookies["csrftoken"] = "x" * 32
    response = client.get("/")
    assert "csrftoken" not in response.cookies or response.cookies["csrftoken"]["max-age"] != 0


def test_undeclared_cookie_set_by_the_site_is_logged(client, caplog):
    with caplog.at_level(logging.WARNING, logger="consent"):
        response = client.get("/test/set-undeclared/")
    assert "mystery_tracker" in response.cookies  # logged, not hidden: the fix is to declare it
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert any("mystery_tracker" in r.getMessage() for r in warnings)
    assert any("Undeclared cookie" in r.getMessage() for r in warnings)


def test_declared_cookies_do_not_log_warnings(client, caplog, analytics_ga):
    choose(client, "accept_all")
    with caplog.at_level(logging.WARNING, logger="consent"):
        client.get("/test/set-analytics/")
        client.get("/")
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]


def test_gated_markup_is_not_sent_without_consent(client):
    html = client.get("/test/gated/").content.decode()
    assert "analytics.js" not in html
    assert "no analytics|analytics refused" in html


def test_gated_markup_is_sent_with_consent(client):
    choose(client, "custom", yes=["analytics"])
    html = client.get("/test/gated/").content.decode()
    assert '<script src="/static/js/analytics.js" defer></script>' in html
    assert "analytics granted" in html


def test_same_check_in_python(client):
    assert client.get("/test/granted/").content == b"refused"
    choose(client, "accept_all")
    assert client.get("/test/granted/").content == b"granted"
    choose(client, "reject_all")
    assert client.get("/test/granted/").content == b"refused"


def test_necessary_is_always_granted(rf):
    from consent import state

    request = rf.get("/")
    consent = state.read(request)
    assert consent.granted("necessary") is True
    assert consent.granted("analytics") is False
    assert consent["necessary"] is True
    with pytest.raises(KeyError):
        consent["show_banner"]
