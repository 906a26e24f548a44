"""Admin sign-in lockout (django-axes), admin path and admin response headers."""

import datetime

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import timezone

pytestmark = pytest.mark.django_db

LOGIN_URL = "/" + settings.ADMIN_URL + "login/"
PASSWORD = "correct horse battery staple"


@pytest.fixture
def staff_user():
    return get_user_model().objects.create_user(
        "editor", password=PASSWORD, is_staff=True, is_superuser=True
    )


def attempt(client, password):
    return client.post(
        LOGIN_URL,
        {"username": "editor", "password": password, "next": "/" + settings.ADMIN_URL},
        REMOTE_ADDR="203.0.113.7",
    )


def test_after_the_failure_limit_the_right_password_is_refused_until_the_cool_off(
    client, staff_user
):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = attempt(client, "wrong")
        assert response.status_code == 200  # the login form again, with its error
    locked = attempt(client, "wrong")
    assert locked.status_code == 429
    refused = attempt(client, PASSWORD)
    assert refused.status_code == 429
    assert "Too many failed sign-in attempts" in refused.content.decode()
    assert "_auth_user_id" not in client.session

    # Once the cool-off has passed, the right password works again.
    AccessAttempt.objects.update(
        attempt_time=timezone.now() - settings.AXES_COOLOFF_TIME - datetime.timedelta(minutes=1)
    )
    allowed = attempt(client, PASSWORD)
    assert allowed.status_code == 302
    assert client.session["_auth_user_id"] == str(staff_user.pk)


def test_failures_below_the_limit_do_not_lock_out(client, staff_user):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        attempt(client, "wrong")
    assert attempt(client, PASSWORD).status_code == 302


def test_anonymous_admin_visit_gets_the_login_page(client):
    response = client.get("/" + settings.ADMIN_URL)
    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN_URL)


def test_admin_pages_are_private_and_not_framable(client, staff_user):
    client.force_login(staff_user)
    response = client.get("/" + settings.ADMIN_URL)
    assert response.status_code == 200
    assert "private" in response["Cache-Control"]
    assert response["X-Frame-Options"] == "DENY"


def test_public_pages_carry_a_permissions_policy(client):
    response = client.get("/")
    assert "camera=()" in response["Permissions-Policy"]


def test_staff_sessions_expire(client, staff_user):
    client.force_login(staff_user)
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE is True
    assert client.session.get_expiry_age() <= 8 * 60 * 60


def attempt_through_nginx(client, password, visitor, forged=""):
    """A sign-in as nginx (deploy/nginx.conf) passes it on: REMOTE_ADDR is nginx, and nginx
    appends the address it saw to whatever X-Forwarded-For the visitor sent."""
    return client.post(
        LOGIN_URL,
        {"username": "editor", "password": password, "next": "/" + settings.ADMIN_URL},
        REMOTE_ADDR="127.0.0.1",
        HTTP_X_FORWARDED_FOR=f"{forged}, {visitor}" if forged else visitor,
    )


def test_behind_nginx_a_lockout_stops_the_attacker_not_every_visitor(staff_user, settings):
    settings.PROXY_COUNT = 1
    attacker = Client()
    for n in range(settings.AXES_FAILURE_LIMIT):
        # Forging the left of X-Forwarded-For changes nothing: nginx's entry counts.
        attempt_through_nginx(attacker, "wrong", "198.51.100.9", forged=f"10.0.0.{n}")
    assert attempt_through_nginx(attacker, PASSWORD, "198.51.100.9").status_code == 429
    # The editor, from another address through the same nginx, still signs in.
    editor = Client()
    assert attempt_through_nginx(editor, PASSWORD, "203.0.113.50").status_code == 302
