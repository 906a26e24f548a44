"""Sec-GPC: 1 with no choice refuses every optional category, once recorded per consent id."""

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


def test_gpc_writes_one_record_and_a_cookie_holding_the_consent_id(gpc_client):
    response = gpc_client.get("/")
    cookie = consent_cookie(response)
    assert cookie is not None and cookie["httponly"] is True
    record = ConsentRecord.objects.get()
    assert record.action == "gpc"
    assert record.source == "signal"
    assert record.gpc is True
    assert set(record.choices.values()) == {False}
    assert response.context["consent"].consent_id == str(record.consent_id)


def test_second_gpc_request_with_the_cookie_writes_no_second_record(gpc_client):
    gpc_client.get("/")
    gpc_client.get("/cookies/")
    gpc_client.get("/trainings/")
    assert ConsentRecord.objects.filter(action="gpc").count() == 1
    assert NOTICE in gpc_client.get("/cookies/").content.decode()


def test_every_cookieless_gpc_request_is_a_new_consent_id():
    Client(HTTP_SEC_GPC="1").get("/")
    Client(HTTP_SEC_GPC="1").get("/")
    assert ConsentRecord.objects.values("consent_id").distinct().count() == 2


def test_banner_is_not_shown_when_gpc_is_honoured(gpc_client):
    # The signal is the visitor's answer; the cookies page still lets them choose otherwise.
    assert not shows_banner(gpc_client.get("/"))


def test_active_choice_overrides_gpc(gpc_client):
    gpc_client.get("/")
    response = choose(gpc_client, "accept_all", source="cookies_page", next_url="/cookies/")
    assert response.status_code == 303
    accepted = ConsentRecord.objects.get(action="accept_all")
    assert accepted.gpc is True  # the record notes the signal was present
    gpc_record = ConsentRecord.objects.get(action="gpc")
    assert accepted.consent_id == gpc_record.consent_id
    page = gpc_client.get("/cookies/")
    assert page.context["consent"].granted("analytics") is True
    assert NOTICE not in page.content.decode()
    assert ConsentRecord.objects.count() == 2


def test_gpc_without_the_header_any_more_asks_again(gpc_client):
    gpc_client.get("/")
    plain = Client()
    plain.cookies = gpc_client.cookies
    response = plain.get("/")
    assert shows_banner(response)
    assert ConsentRecord.objects.count() == 1


def test_gpc_after_a_new_revision_is_recorded_for_that_revision(gpc_client, policy):
    gpc_client.get("/")
    revision = revision_publish()
    gpc_client.get("/")
    gpc_client.get("/")
    records = ConsentRecord.objects.filter(action="gpc").order_by("revision")
    assert [r.revision for r in records] == [policy.number, revision.number]
    assert len({r.consent_id for r in records}) == 1


def test_no_header_means_no_gpc_record(client):
    client.get("/")
    assert ConsentRecord.objects.count() == 0
    assert NOTICE not in client.get("/cookies/").content.decode()


@pytest.mark.urls("tests.consent.urls_for_tests")
def test_gpc_strips_analytics_cookies(gpc_client, analytics_ga):
    response = gpc_client.get("/test/set-analytics/")
    assert "_ga" not in response.cookies
    assert "_ga_ABC123" not in response.cookies
