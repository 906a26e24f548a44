"""Staff screens: list, filters, search, inline locations and bulk actions."""

import pytest
from django.utils import timezone

from content.models import Status
from employers.models import Employer
from tests.employers.factories import EmployerFactory, LocationFactory

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/employers/employer/"


@pytest.fixture
def two():
    albany = EmployerFactory(name="Albany Care", status=Status.DRAFT, checked_on=None)
    LocationFactory(employer=albany, city="Albany", county="Albany", zip_code="12208")
    bronx = EmployerFactory(name="Bronx Care", status=Status.PUBLISHED)
    LocationFactory(employer=bronx, city="Bronx", county="Bronx", zip_code="10451")
    return albany, bronx


def test_changelist_shows_plain_columns(admin_client, two):
    html = admin_client.get(CHANGELIST).content.decode()
    for heading in ("Name", "Kind", "City", "County", "Region", "Website", "Source checked on"):
        assert heading in html
    assert "Capital Region" in html and "New York City" in html


@pytest.mark.parametrize(
    ("query", "shown", "hidden"),
    [
        ("county=Bronx", "Bronx Care", "Albany Care"),
        ("region=capital", "Albany Care", "Bronx Care"),
        ("status__exact=draft", "Albany Care", "Bronx Care"),
        ("kind__exact=health-home", "Albany Care", "nobody"),
        ("q=albany", "Albany Care", "Bronx Care"),
    ],
)
def test_changelist_filters_and_search(admin_client, two, query, shown, hidden):
    html = admin_client.get(f"{CHANGELIST}?{query}").content.decode()
    assert shown in html
    assert f">{hidden}</a>" not in html


def test_change_form_has_the_location_inline(admin_client, two):
    html = admin_client.get(f"{CHANGELIST}{two[0].pk}/change/").content.decode()
    assert "locations-TOTAL_FORMS" in html


def test_bulk_publish_unpublish_and_mark_verified_today(admin_client, two):
    albany, bronx = two
    ids = [albany.pk, bronx.pk]
    admin_client.post(CHANGELIST, {"action": "publish_selected", "_selected_action": ids})
    assert set(Employer.objects.values_list("status", flat=True)) == {Status.PUBLISHED}
    admin_client.post(CHANGELIST, {"action": "unpublish_selected", "_selected_action": [bronx.pk]})
    bronx.refresh_from_db()
    assert bronx.status == Status.DRAFT
    admin_client.post(CHANGELIST, {"action": "mark_verified_today", "_selected_action": ids})
    assert set(Employer.objects.values_list("checked_on", flat=True)) == {timezone.localdate()}
    # Each change is in the history.
    assert albany.history.count() >= 3


def test_location_admin_lists_and_filters(admin_client, two):
    html = admin_client.get("/admin/employers/location/?region=nyc").content.decode()
    assert "Bronx Care" in html
    assert "Albany Care" not in html
