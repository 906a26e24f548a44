"""Consent records are append-only proof, staff read and export them, and old ones are pruned."""

import csv
import datetime
import importlib
import io

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command
from django.utils import timezone

from consent.models import (
    AppendOnlyError,
    Category,
    ConsentRecord,
    CookieDeclaration,
    PolicyRevision,
)
from consent.services import canonical_json, revision_publish, snapshot_hash
from tests.consent.factories import ConsentRecordFactory, CookieDeclarationFactory
from tests.sitemaps import sitemap_xml

pytestmark = pytest.mark.django_db


def test_records_hold_no_ip_address_or_user_agent():
    names = {f.name for f in ConsentRecord._meta.get_fields()}
    assert names == {
        "id",
        "consent_id",
        "created_at",
        "revision",
        "choices",
        "action",
        "source",
        "gpc",
        "language",
    }


def test_a_record_cannot_be_changed():
    record = ConsentRecordFactory()
    record.action = "accept_all"
    with pytest.raises(AppendOnlyError):
        record.save()
    with pytest.raises(AppendOnlyError):
        ConsentRecord.objects.filter(pk=record.pk).update(action="accept_all")
    assert ConsentRecord.objects.get().action == "reject_all"


def test_a_record_cannot_be_deleted_one_by_one():
    record = ConsentRecordFactory()
    with pytest.raises(AppendOnlyError):
        record.delete()
    assert ConsentRecord.objects.count() == 1


def test_admin_lists_and_filters_records_but_cannot_add_change_or_delete(admin_client):
    record = ConsentRecordFactory(action="gpc", source="signal", gpc=True)
    ConsentRecordFactory(action="accept_all")
    base = "/admin/consent/consentrecord/"
    listing = admin_client.get(base)
    assert listing.status_code == 200
    assert "Add consent record" not in listing.content.decode()
    filtered = admin_client.get(base + "?action__exact=gpc")
    assert filtered.context["cl"].result_count == 1
    assert admin_client.get(base + "add/").status_code == 403
    detail = admin_client.get(f"{base}{record.pk}/change/")
    assert detail.status_code == 200  # view only
    assert 'name="_save"' not in detail.content.decode()
    post = admin_client.post(f"{base}{record.pk}/change/", {"action": "accept_all"})
    assert post.status_code == 403
    assert admin_client.post(f"{base}{record.pk}/delete/", {"post": "yes"}).status_code == 403
    actions = [choice[0] for choice in listing.context["action_form"].fields["action"].choices]
    assert "delete_selected" not in actions
    assert ConsentRecord.objects.get(pk=record.pk).action == "gpc"


def test_staff_export_records_as_csv(admin_client):
    records = [
        ConsentRecordFactory(choices={"analytics": True}, action="accept_all"),
        ConsentRecordFactory(choices={"analytics": False}, action="reject_all"),
    ]
    response = admin_client.post(
        "/admin/consent/consentrecord/",
        {"action": "export_csv", "_selected_action": [r.pk for r in records]},
    )
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [row["action"] for row in rows] == ["accept_all", "reject_all"]
    assert rows[0]["consent_id"] == str(records[0].consent_id)
    assert rows[0]["choices"] == '{"analytics":true}'


def test_prune_deletes_only_records_older_than_the_given_days():
    now = timezone.now()
    old = ConsentRecordFactory(created_at=now - datetime.timedelta(days=400))
    ConsentRecordFactory(created_at=now - datetime.timedelta(days=10))
    out = io.StringIO()
    call_command("prune_consent_records", "--older-than", "365", stdout=out)
    assert "Deleted 1 consent record(s)" in out.getvalue()
    assert not ConsentRecord.objects.filter(pk=old.pk).exists()
    assert ConsentRecord.objects.count() == 1


@pytest.mark.parametrize("days", ["0", "-3"])
def test_prune_refuses_a_non_positive_period(days):
    ConsentRecordFactory()
    with pytest.raises(CommandError):
        call_command("prune_consent_records", "--older-than", days)
    assert ConsentRecord.objects.count() == 1


def test_initial_revision_hash_is_the_sha256_of_its_canonical_snapshot(policy):
    assert len(policy.sha256) == 64
    assert policy.sha256 == snapshot_hash(policy.snapshot)
    slugs = [c["slug"] for c in policy.snapshot["categories"]]
    assert slugs == ["necessary", "functional", "analytics", "performance", "others"]


def test_publishing_snapshots_the_current_declarations(policy):
    analytics = Category.objects.get(slug="analytics")
    CookieDeclarationFactory(category=analytics, name="_ga_*", provider="Google")
    revision = revision_publish()
    assert revision.number == policy.number + 1
    assert revision.sha256 != policy.sha256
    cookies = next(c for c in revision.snapshot["categories"] if c["slug"] == "analytics")[
        "cookies"
    ]
    assert [c["name"] for c in cookies] == ["_ga_*"]
    assert canonical_json({"b": 1, "a": [True, None]}) == '{"a":[true,null],"b":1}'


def test_data_migration_creates_and_removes_the_reference_rows():
    migration = importlib.import_module("consent.migrations.0002_reference_data")
    ConsentRecord.objects.all().delete()
    PolicyRevision.objects.exclude(number=1).delete()
    migration.remove(apps, None)
    assert Category.objects.count() == 0
    assert CookieDeclaration.objects.count() == 0
    assert PolicyRevision.objects.count() == 0
    migration.create(apps, None)
    assert list(Category.objects.values_list("slug", flat=True)) == [
        "necessary",
        "functional",
        "analytics",
        "performance",
        "others",
    ]
    necessary = set(
        CookieDeclaration.objects.filter(category__necessary=True).values_list("name", flat=True)
    )
    assert necessary == {"consent", "csrftoken", "sessionid", "messages"}
    assert not CookieDeclaration.objects.filter(category__necessary=False).exists()
    assert PolicyRevision.objects.get().number == 1


def test_revisions_are_made_only_by_the_publish_action(admin_client, policy):
    assert admin_client.get("/admin/consent/policyrevision/add/").status_code == 403
    detail = admin_client.get(f"/admin/consent/policyrevision/{policy.pk}/change/")
    assert detail.status_code == 200
    assert policy.sha256 in detail.content.decode()


def test_staff_without_permission_cannot_publish(client, django_user_model, policy):
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user("viewer", password="pw-123456789", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="view_policyrevision"))
    client.force_login(user)
    listing = client.get("/admin/consent/policyrevision/")
    assert listing.status_code == 200
    assert "publish_new_revision" not in listing.content.decode()


def test_cookies_page_is_in_the_sitemap(client):
    assert "<loc>http://testserver/cookies/</loc>" in sitemap_xml(client)
