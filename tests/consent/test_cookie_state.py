"""A tampered, expired or older-revision consent cookie asks again; so does a new revision."""

import datetime
import time

import pytest
from django.conf import settings
from django.core import signing

from consent import state
from consent.models import ConsentRecord, PolicyRevision
from consent.services import revision_publish
from tests.consent.helpers import choose, consent_cookie, shows_banner

pytestmark = pytest.mark.django_db


class SignerFromThePast(signing.TimestampSigner):
    """Signs as if the cookie had been set `days` ago."""

    def __init__(self, days, **kwargs):
        self.days = days
        super().__init__(**kwargs)

    def timestamp(self):
        return signing.b62_encode(int(time.time()) - self.days * 86400)


def payload(client_cookie_value):
    return signing.loads(client_cookie_value, salt=state.SALT)


def test_valid_cookie_hides_the_banner(client):
    choose(client, "reject_all")
    assert not shows_banner(client.get("/"))


def test_tampered_cookie_brings_the_banner_back(client):
    choose(client, "accept_all")
    name = settings.CONSENT_COOKIE_NAME
    value = client.cookies[name].value
    flipped = value[:-1] + ("A" if value[-1] != "A" else "B")
    client.cookies[name] = flipped
    response = client.get("/")
    assert response.status_code == 200
    assert shows_banner(response)


def test_cookie_signed_by_hand_with_another_key_is_tampered(client):
    forged = signing.dumps(
        {
            "id": "00000000-0000-4000-8000-000000000000",
            "rev": 1,
            "g": ["analytics"],
            "a": "accept_all",
            "at": 1,
        },
        key="not-our-secret",
        salt=state.SALT,
        compress=True,
    )
    client.cookies[settings.CONSENT_COOKIE_NAME] = forged
    assert shows_banner(client.get("/"))


@pytest.mark.parametrize("garbage", ["", "%%%", "a:b:c", "x" * 5000, "eyJ9:1:2"])
def test_garbage_cookie_asks_again_and_never_errors(client, garbage):
    client.cookies[settings.CONSENT_COOKIE_NAME] = garbage
    response = client.get("/")
    assert response.status_code == 200
    assert shows_banner(response)


def test_expired_cookie_brings_the_banner_back(client):
    choose(client, "accept_all")
    data = payload(client.cookies[settings.CONSENT_COOKIE_NAME].value)
    days = settings.CONSENT_COOKIE_MAX_AGE // 86400 + 2
    client.cookies[settings.CONSENT_COOKIE_NAME] = SignerFromThePast(
        days, salt=state.SALT
    ).sign_object(data, compress=True)
    assert shows_banner(client.get("/"))


def test_cookie_within_its_lifetime_is_still_honoured(client):
    choose(client, "accept_all")
    data = payload(client.cookies[settings.CONSENT_COOKIE_NAME].value)
    client.cookies[settings.CONSENT_COOKIE_NAME] = SignerFromThePast(
        30, salt=state.SALT
    ).sign_object(data, compress=True)
    assert not shows_banner(client.get("/"))


def test_older_revision_cookie_brings_the_banner_back(client, policy):
    choose(client, "accept_all")
    data = payload(client.cookies[settings.CONSENT_COOKIE_NAME].value)
    assert data["rev"] == policy.number
    data["rev"] = policy.number - 1
    client.cookies[settings.CONSENT_COOKIE_NAME] = signing.dumps(
        data, salt=state.SALT, compress=True
    )
    assert shows_banner(client.get("/"))


def test_publishing_a_revision_asks_everyone_again(client, policy):
    from django.test import Client

    other = Client()
    choose(client, "accept_all")
    choose(other, "reject_all")
    assert not shows_banner(client.get("/"))
    assert not shows_banner(other.get("/"))

    revision = revision_publish()

    assert revision.number == policy.number + 1
    assert shows_banner(client.get("/"))
    assert shows_banner(other.get("/"))
    # Until they answer again, nothing optional is granted even to who accepted before.
    assert client.get("/cookies/").context["consent"].granted("analytics") is False
    response = choose(client, "accept_all")
    assert payload(consent_cookie(response).value)["rev"] == revision.number
    assert ConsentRecord.objects.filter(revision=revision.number).count() == 1
    assert not shows_banner(client.get("/"))


def test_consent_id_survives_a_new_revision(client):
    choose(client, "accept_all")
    revision_publish()
    choose(client, "reject_all")
    assert ConsentRecord.objects.values("consent_id").distinct().count() == 1


def test_admin_action_publishes_a_new_revision(admin_client, client, policy):
    choose(client, "accept_all")
    response = admin_client.post(
        "/admin/consent/policyrevision/",
        {"action": "publish_new_revision", "_selected_action": [policy.pk]},
        follow=True,
    )
    assert response.status_code == 200
    assert "Published revision 2" in response.content.decode()
    latest = PolicyRevision.objects.latest()
    assert latest.number == policy.number + 1
    assert shows_banner(client.get("/"))


def test_cookie_holds_id_revision_choices_action_and_date(client, policy):
    before = int(time.time())
    response = choose(client, "custom", yes=["performance"])
    data = payload(consent_cookie(response).value)
    record = ConsentRecord.objects.get()
    assert data["id"] == str(record.consent_id)
    assert data["rev"] == policy.number
    assert data["g"] == ["performance"]
    assert data["a"] == "custom"
    assert before - 1 <= data["at"] <= int(time.time()) + 1
    assert datetime.datetime.fromtimestamp(data["at"], tz=datetime.UTC).date() == (
        record.created_at.astimezone(datetime.UTC).date()
    )
