"""Accept all, Reject all and a custom mix without JavaScript (test client), and `next`."""

import re

import pytest
from django.conf import settings

from consent.models import ConsentRecord
from tests.consent.helpers import SAVE_URL, choose, consent_cookie, shows_banner

pytestmark = pytest.mark.django_db

OPTIONAL = ["functional", "analytics", "performance", "others"]


@pytest.mark.parametrize(
    ("action", "yes", "expected"),
    [
        ("accept_all", (), dict.fromkeys(OPTIONAL, True)),
        ("reject_all", (), dict.fromkeys(OPTIONAL, False)),
        (
            "custom",
            ("analytics", "others"),
            {"functional": False, "analytics": True, "performance": False, "others": True},
        ),
    ],
)
def test_each_choice_sets_the_cookie_writes_one_record_and_hides_the_banner(
    client, action, yes, expected
):
    first = client.get("/trainings/")
    assert shows_banner(first)

    response = choose(client, action, next_url="/trainings/", yes=yes)

    assert response.status_code == 303
    assert response["Location"] == "/trainings/"
    cookie = consent_cookie(response)
    assert cookie is not None and cookie.value
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Lax"
    assert cookie["max-age"] == settings.CONSENT_COOKIE_MAX_AGE
    record = ConsentRecord.objects.get()
    assert record.action == action
    assert record.choices == expected
    assert record.source == "banner"
    assert record.gpc is False

    next_page = client.get("/trainings/")
    assert not shows_banner(next_page)
    html = next_page.content.decode()
    assert "Change your cookie settings" in html  # the one-time confirmation
    assert not shows_banner(client.get("/"))
    assert "Change your cookie settings" not in client.get("/").content.decode()
    assert ConsentRecord.objects.count() == 1


def test_choice_made_on_the_cookies_page_is_recorded_with_its_source(client):
    response = choose(
        client, "custom", next_url="/cookies/", source="cookies_page", yes=["functional"]
    )
    assert response["Location"] == "/cookies/"
    record = ConsentRecord.objects.get()
    assert record.source == "cookies_page"
    assert record.choices["functional"] is True
    page = client.get("/cookies/").content.decode()
    assert re.search(r'name="category_functional" value="yes"[^>]*checked', page)
    assert re.search(r'name="category_analytics" value="no"[^>]*checked', page)


def test_consent_cookie_is_secure_when_the_setting_says_so(client, settings):
    settings.CONSENT_COOKIE_SECURE = True
    assert consent_cookie(choose(client, "reject_all"))["secure"] is True


def test_rejecting_after_accepting_is_recorded_as_a_withdrawal(client):
    choose(client, "accept_all")
    choose(client, "reject_all", next_url="/cookies/", source="cookies_page")
    actions = list(
        ConsentRecord.objects.order_by("created_at", "id").values_list("action", flat=True)
    )
    assert actions == ["accept_all", "withdraw"]
    ids = set(ConsentRecord.objects.values_list("consent_id", flat=True))
    assert len(ids) == 1  # the same browser keeps its consent id


def test_unanswered_category_on_the_cookies_page_counts_as_no(client):
    choose(client, "custom", source="cookies_page")
    assert set(ConsentRecord.objects.get().choices.values()) == {False}


@pytest.mark.parametrize(
    "outside",
    [
        "https://evil.example.com/",
        "//evil.example.com/path",
        "http://evil.example.com",
        "javascript:alert(1)",
        "https:///evil.example.com",
    ],
)
def test_open_redirect_through_next_is_refused(client, outside):
    response = choose(client, "reject_all", next_url=outside)
    assert response.status_code == 303
    assert response["Location"] == "/"


def test_next_on_this_site_is_kept_with_its_query(client):
    response = choose(client, "reject_all", next_url="/trainings/?q=care+manager")
    assert response["Location"] == "/trainings/?q=care+manager"


def test_unknown_action_gets_a_clear_message_not_a_500(client):
    response = client.post(SAVE_URL, {"action": "sell_my_data", "next": "/"})
    assert response.status_code == 400
    assert "Choose Accept all, Reject all or Save my choices." in response.content.decode()
    assert ConsentRecord.objects.count() == 0
    assert consent_cookie(response) is None


def test_fetch_gets_json_with_the_confirmation(client):
    response = choose(client, "accept_all", HTTP_ACCEPT="application/json")
    assert response.status_code == 200
    data = response.json()
    assert data["saved"] is True
    assert data["change_url"] == "/cookies/"
    assert consent_cookie(response) is not None
    assert ConsentRecord.objects.count() == 1


def test_fetch_with_bad_data_gets_json_errors(client):
    response = client.post(SAVE_URL, {"action": "nope"}, HTTP_X_REQUESTED_WITH="fetch")
    assert response.status_code == 400
    assert "action" in response.json()["errors"]


def test_save_endpoint_refuses_get(client):
    assert client.get(SAVE_URL).status_code == 405


def test_csrf_is_enforced_on_the_save_endpoint():
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post(SAVE_URL, {"action": "accept_all"})
    assert response.status_code == 403
    assert ConsentRecord.objects.count() == 0
