"""Sec-GPC: 1 with no choice refuses every optional category; only a decision is recorded."""

import pytest
from django.test import Client

from consent.models import ConsentRecord
from consent.services import revision_publish
from tests.consent.helpers import choose, consent_cookie, shows_banner

pytestmark = pytest.mark.django_db

NOTICE = "Opt-out preference signal honoured"


@pytest.fixture
def gpc_client():
    return Client(HTTP_SEC_GPC="1")


def test_gpc_refuses_optional_categories_and_the_cookies_page_says_so(gpc_client):
    response = gpc_client.get("/cookies/")
    assert response.status_code == 200
    assert NOTICE in response.content.decode()
    consent = response.context["consent"]
    assert consent.gpc_applied is True
    assert consent.choices() == {
        "functional": False,
        "analytics": False,
        "performance": False,
        "others": False,
    }
    assert consent.granted("necessary") is True


def test_gpc_alone_writes_no_record_and_no_cookie(gpc_client):
    # The signal comes with every request: honouring it needs no proof per request (a
    # record per cookieless request grew the table without bound).
    response = gpc_client.get("/")
    assert consent_cookie(response) is None
    assert ConsentRecord.objects.count() == 0
    assert response.context["consent"].gpc_applied is True


def test_repeated_gpc_requests_write_nothing(gpc_client):
    gpc_client.get("/")
    gpc_client.get("/cookies/")
    gpc_client.get("/trainings/")
    Client(HTTP_SEC_GPC="1").get("/")
    assert ConsentRecord.objects.count() == 0
    assert NOTICE in gpc_client.get("/cookies/").content.decode()


def test_banner_is_not_shown_when_gpc_is_honoured(gpc_client):
    # The signal is the visitor's answer; the cookies page still lets them choose otherwise.
    assert not shows_banner(gpc_client.get("/"))


def test_active_choice_overrides_gpc(gpc_client):
    gpc_client.get("/")
    response = choose(gpc_client, "accept_all", source="cookies_page", next_url="/cookies/")
    assert response.status_code == 303
    accepted = ConsentRecord.objects.get(action="accept_all")
    assert accepted.gpc is True  # the record notes the signal was present
    page = gpc_client.get("/cookies/")
    assert page.context["consent"].granted("analytics") is True
    assert NOTICE not in page.content.decode()
    assert ConsentRecord.objects.count() == 1


def test_gpc_without_the_header_any_more_asks_again(gpc_client):
    gpc_client.get("/")
    plain = Client()
    plain.cookies = gpc_client.cookies
    response = plain.get("/")
    assert shows_banner(response)
    assert ConsentRecord.objects.count() == 0


def test_gpc_is_honoured_under_a_new_revision_without_a_record(gpc_client):
    choose(gpc_client, "reject_all")
    revision_publish()
    page = gpc_client.get("/cookies/")
    assert page.context["consent"].gpc_applied is True
    assert NOTICE in page.content.decode()
    assert list(ConsentRecord.objects.values_list("action", "gpc")) == [("reject_all", True)]


def test_no_header_means_no_gpc_record(client):
    client.get("/")
    assert ConsentRecord.objects.count() == 0
    assert NOTICE not in client.get("/cookies/").content.decode()


@pytest.mark.urls("tests.consent.urls_for_tests")
def test_gpc_strips_analytics_cookies(gpc_client, analytics_ga):
    response = gpc_client.get("/test/set-analytics/")
    assert "_ga" not in response.cookies
    assert "_ga_ABC123" not in response.cookies
