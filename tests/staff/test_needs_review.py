"""The "Needs review" admin list shows exactly the stale items (acceptance 6)."""

import datetime

import pytest
from django.conf import settings
from django.contrib.auth.models import Permission
from django.test import Client
from django.utils import timezone

from careers.models import Career
from employers.models import Employer
from tests.careers.factories import CareerFactory
from tests.employers.factories import EmployerFactory
from tests.trainings.factories import TrainingFactory
from trainings.models import Training

pytestmark = pytest.mark.django_db

URL = "/" + settings.ADMIN_URL + "needs-review/"


def days_ago(n):
    return timezone.localdate() - datetime.timedelta(days=n)


@pytest.fixture
def content():
    """Per type: one verified 365 days ago (fresh), 366 days ago (stale), never (stale)."""
    return {
        "fresh": [
            CareerFactory(title="Career 365", checked_on=days_ago(365)),
            TrainingFactory(title="Training 365", checked_on=days_ago(365)),
            EmployerFactory(name="Employer 365", checked_on=days_ago(365)),
            TrainingFactory(title="Training today", checked_on=days_ago(0)),
        ],
        "stale": [
            CareerFactory(title="Career 366", checked_on=days_ago(366)),
            CareerFactory(title="Career never", checked_on=None),
            TrainingFactory(title="Training 366", checked_on=days_ago(366)),
            TrainingFactory(title="Training 900", checked_on=days_ago(900)),
            TrainingFactory(title="Training never", checked_on=None),
            EmployerFactory(name="Employer 366", checked_on=days_ago(366)),
            EmployerFactory(name="Employer never", checked_on=None),
        ],
    }


def listed(response):
    return [item.name for item in response.context["items"]]


def test_the_list_shows_exactly_the_items_older_than_the_setting_or_never_verified(
    editor_client, content
):
    response = editor_client.get(URL)
    assert response.status_code == 200
    assert sorted(listed(response)) == sorted(str(o) for o in content["stale"])
    html = response.content.decode()
    assert "Training 365" not in html and "Career 365" not in html
    assert "7 items need review." in html


def test_the_setting_moves_the_boundary(editor_client, content, settings):
    settings.REVIEW_AFTER_DAYS = 899
    assert sorted(listed(editor_client.get(URL))) == sorted(
        ["Training 900", "Training never", "Career never", "Employer never"]
    )


def test_the_default_sort_is_never_verified_then_oldest_first(editor_client, content):
    names = listed(editor_client.get(URL))
    assert names[:3] == ["Career never", "Employer never", "Training never"]
    assert names[3] == "Training 900"
    assert set(names[4:]) == {"Career 366", "Training 366", "Employer 366"}


@pytest.mark.parametrize(
    ("sort", "first", "last"),
    [
        ("name", "Career 366", "Training never"),
        ("-name", "Training never", "Career 366"),
        ("type", "Career 366", "Training never"),
        ("-type", "Training never", "Career 366"),
        ("-date", "Career 366", "Training never"),
    ],
)
def test_the_list_sorts_by_name_type_and_date(editor_client, content, sort, first, last):
    names = listed(editor_client.get(URL, {"sort": sort}))
    if sort == "-date":  # the three 366-day-old items tie on the date: newest first
        assert set(names[:3]) == {"Career 366", "Training 366", "Employer 366"}
        assert names[-3:] == ["Training never", "Employer never", "Career never"]
    else:
        assert (names[0], names[-1]) == (first, last)


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        ({"sort": "pk; drop table"}, "That sort order is not available"),
        ({"sort": "status"}, "That sort order is not available"),
        # The same rule as every paginated list of the site (content.pagination).
        ({"page": "x"}, "That page number is not a whole number, so this is page 1."),
        ({"page": "9"}, "There is only 1 page of results, so this is the last one."),
    ],
)
def test_a_bad_sort_or_page_shows_a_message_not_an_error(editor_client, content, bad, message):
    response = editor_client.get(URL, bad)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert len(listed(response)) == 7


def test_mark_verified_today_updates_the_chosen_items_only(editor_client, content, editor):
    stale = {str(o): o for o in content["stale"]}
    chosen = [stale["Training 366"], stale["Employer never"], stale["Career 366"]]
    values = [f"{o._meta.model_name}:{o.pk}" for o in chosen]
    response = editor_client.post(URL, {"selected": values}, follow=True)
    assert "3 items marked as verified today." in response.content.decode()
    today = timezone.localdate()
    assert Training.objects.get(title="Training 366").checked_on == today
    assert Employer.objects.get(name="Employer never").checked_on == today
    assert Career.objects.get(title="Career 366").checked_on == today
    assert Training.objects.get(title="Training 900").checked_on == days_ago(900)
    assert Training.objects.get(title="Training 366").history.latest().history_user == editor
    assert sorted(listed(editor_client.get(URL))) == sorted(
        ["Career never", "Training 900", "Training never", "Employer 366"]
    )


def test_marking_nothing_or_an_item_that_is_not_stale_changes_nothing(editor_client, content):
    fresh = content["fresh"][1]
    response = editor_client.post(URL, {}, follow=True)
    assert "Choose at least one item" in response.content.decode()
    response = editor_client.post(URL, {"selected": [f"training:{fresh.pk}"]}, follow=True)
    assert "Nothing was changed" in response.content.decode()
    assert Training.objects.get(pk=fresh.pk).checked_on == days_ago(365)


def test_marking_needs_the_change_permission_on_each_model(client, django_user_model, content):
    viewer = django_user_model.objects.create_user("viewer", password="x-long-33", is_staff=True)
    viewer.user_permissions.add(
        *Permission.objects.filter(codename__in=["view_training", "view_employer"])
    )
    client.force_login(viewer)
    names = listed(client.get(URL))
    assert not any(name.startswith("Career") for name in names)  # no career permission
    training = Training.objects.get(title="Training 366")
    response = client.post(URL, {"selected": [f"training:{training.pk}"]}, follow=True)
    assert "You do not have permission to change trainings" in response.content.decode()
    assert Training.objects.get(pk=training.pk).checked_on == days_ago(366)


def test_the_post_needs_a_csrf_token(editor, content):
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    training = Training.objects.get(title="Training 366")
    response = client.post(URL, {"selected": [f"training:{training.pk}"]})
    assert response.status_code == 403
    assert Training.objects.get(pk=training.pk).checked_on == days_ago(366)


def test_only_staff_see_the_list(client, django_user_model):
    assert client.get(URL)["Location"].startswith("/" + settings.ADMIN_URL + "login/")
    client.force_login(django_user_model.objects.create_user("member", password="x-long-44"))
    assert client.get(URL).status_code == 302


def test_the_admin_home_page_links_to_the_list(editor_client):
    html = editor_client.get("/" + settings.ADMIN_URL).content.decode()
    assert f'href="{URL}"' in html
    assert "Needs review" in html


def test_the_list_pages_with_the_site_pagination_keeping_the_sort(
    editor_client, content, monkeypatch
):
    from staff import views

    monkeypatch.setattr(views, "PER_PAGE", 3)
    response = editor_client.get(URL, {"sort": "name", "page": "2"})
    html = response.content.decode()
    assert listed(response) == ["Employer never", "Training 366", "Training 900"]
    assert "Page 2 of 3" in html
    assert 'href="?sort=name&amp;page=3" rel="next"' in html
