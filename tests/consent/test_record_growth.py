"""Consent records grow with decisions, not with requests: a GPC signal alone writes nothing,
the same decision sent again is stored once, and consent POSTs are rate-limited per client."""

import pytest
from django.test import Client

from consent.models import ConsentRecord
from tests.consent.helpers import SAVE_URL, choose, consent_cookie

pytestmark = pytest.mark.django_db


def test_hundreds_of_gpc_requests_anywhere_write_no_record():
    paths = ["/healthz", "/no-such-page/", "/static/css/site.css", "/", "/cookies/"]
    for _ in range(60):
        for path in paths:
            response = Client(HTTP_SEC_GPC="1").get(path)
            assert response.status_code < 500, path
    assert ConsentRecord.objects.count() == 0


def test_a_replayed_decision_is_stored_once(client, settings):
    settings.CONSENT_RATE_LIMIT = 1000  # this test is about the replays, not the limit
    assert choose(client, "accept_all").status_code == 303
    for _ in range(200):
        # The same form, the same cookie: a double submit or a captured request replayed.
        assert choose(client, "accept_all").status_code == 303
    assert ConsentRecord.objects.count() == 1
    record = ConsentRecord.objects.get()
    assert record.action == "accept_all"
    assert client.get("/cookies/").context["consent"].consent_id == str(record.consent_id)


def test_a_changed_decision_is_a_new_record_and_changing_back_is_another(client):
    choose(client, "accept_all")
    choose(client, "reject_all")
    choose(client, "reject_all")
    choose(client, "accept_all")
    actions = list(ConsentRecord.objects.order_by("id").values_list("action", flat=True))
    assert actions == ["accept_all", "withdraw", "accept_all"]


def test_a_gpc_visitors_decision_records_the_signal_once(settings):
    settings.CONSENT_RATE_LIMIT = 1000
    client = Client(HTTP_SEC_GPC="1")
    for _ in range(50):
        client.get("/")
        choose(client, "reject_all", yes=())
    assert list(ConsentRecord.objects.values_list("action", "gpc")) == [("reject_all", True)]


def test_consent_posts_beyond_the_limit_get_a_styled_429_and_write_nothing(settings):
    settings.CONSENT_RATE_LIMIT = 30
    settings.CONSENT_RATE_WINDOW_SECONDS = 600
    statuses = []
    for _ in range(40):
        # A new visitor each time (no cookies): only the limit stops these records.
        statuses.append(choose(Client(), "accept_all").status_code)
    assert statuses == [303] * 30 + [429] * 10
    assert ConsentRecord.objects.count() == 30
    response = choose(Client(), "reject_all")
    assert response.status_code == 429
    assert response["Retry-After"] == "600"
    html = response.content.decode()
    assert "<h1>Too many cookie choices in a short time</h1>" in html
    assert "wait 10 minutes" in html
    assert consent_cookie(response) is None
    json = Client().post(SAVE_URL, {"action": "accept_all"}, HTTP_ACCEPT="application/json")
    assert json.status_code == 429 and json.json()["saved"] is False


def test_the_limit_is_per_client(settings):
    settings.CONSENT_RATE_LIMIT = 2
    for _ in range(3):
        choose(Client(REMOTE_ADDR="192.0.2.1"), "accept_all")
    assert choose(Client(REMOTE_ADDR="192.0.2.1"), "accept_all").status_code == 429
    assert choose(Client(REMOTE_ADDR="192.0.2.2"), "accept_all").status_code == 303


def test_behind_nginx_the_limit_is_per_visitor_and_cannot_be_dodged_by_forging(settings):
    settings.CONSENT_RATE_LIMIT = 2
    settings.PROXY_COUNT = 1

    def through_nginx(visitor, forged=""):
        header = f"{forged}, {visitor}" if forged else visitor
        client = Client(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=header)
        return choose(client, "accept_all").status_code

    assert [through_nginx("198.51.100.9", forged=f"10.0.0.{n}") for n in range(3)] == [
        303,
        303,
        429,
    ]
    # Another visitor behind the same nginx is not held back by the first one's choices.
    assert through_nginx("203.0.113.50") == 303
    # A header that is not an address counts as nginx itself, never as a new visitor.
    assert through_nginx("not-an-ip") == 303
    assert through_nginx("also-not-an-ip") == 303
    assert through_nginx("") == 429


def test_pages_filling_the_cache_do_not_reset_a_visitors_count(settings):
    from django.core.cache import cache

    settings.CONSENT_RATE_LIMIT = 2
    visitor = "192.0.2.77"
    assert [choose(Client(REMOTE_ADDR=visitor), "accept_all").status_code for _ in range(3)] == [
        303,
        303,
        429,
    ]
    # More entries than a local-memory cache holds (300): kept pages used to push the
    # counter out, and the visitor was counted from zero again.
    for n in range(400):
        cache.set(f"filler:{n}", "x" * 100, 600)
    assert choose(Client(REMOTE_ADDR=visitor), "accept_all").status_code == 429
