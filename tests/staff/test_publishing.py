"""Editors save drafts; only publishers publish, unpublish and delete (acceptance 1)."""

import pytest
from django.conf import settings
from django.contrib.auth.models import Group

from content.models import Status
from employers.models import Employer
from staff.groups import EDITOR, PUBLISHER
from tests.employers.factories import EmployerFactory, LocationFactory
from tests.trainings.factories import ProviderFactory, TrainingFactory
from trainings.models import Training

pytestmark = pytest.mark.django_db

ADMIN = "/" + settings.ADMIN_URL
TRAININGS = ADMIN + "trainings/training/"
EMPLOYERS = ADMIN + "employers/employer/"


def training_form(training=None, **changes):
    """The POST data of the training change form (add form without a training)."""
    data = {
        "provider": training.provider_id if training else ProviderFactory().pk,
        "title": training.title if training else "Care Coordination Basics",
        "slug": training.slug if training else "care-coordination-basics",
        "kind": Training.Kind.CERTIFICATE,
        "credential": "",
        "description": "",
        "delivery": Training.Delivery.ONLINE,
        "schedule": "",
        "length_hours": "",
        "length_weeks": "",
        "next_start_date": "",
        "prerequisites": "",
        "cost_low": "",
        "cost_high": "",
        "funding_notes": "",
        "url": training.url if training else "https://example.edu/ccb",
        "source_url": "",
        "checked_on": "",
        "status": Status.PUBLISHED,
    }
    data.update(changes)
    return data


def employer_form(employer=None, **changes):
    data = {
        "name": employer.name if employer else "Example Care Partners",
        "slug": employer.slug if employer else "example-care-partners",
        "kind": "health-home",
        "description": "",
        "website": "",
        "careers_url": "",
        "source_name": "",
        "source_url": "",
        "checked_on": "",
        "status": Status.PUBLISHED,
        "locations-TOTAL_FORMS": "0",
        "locations-INITIAL_FORMS": "0",
        "locations-MIN_NUM_FORMS": "0",
        "locations-MAX_NUM_FORMS": "1000",
    }
    data.update(changes)
    return data


def delete(client, url, obj):
    return client.post(f"{url}{obj.pk}/delete/", {"post": "yes"}).status_code


def action(client, url, name, objects):
    return client.post(
        url, {"action": name, "_selected_action": [o.pk for o in objects]}, follow=True
    )


def test_the_migration_gives_each_group_its_permissions():
    editor = set(Group.objects.get(name=EDITOR).permissions.values_list("codename", flat=True))
    publisher = set(
        Group.objects.get(name=PUBLISHER).permissions.values_list("codename", flat=True)
    )
    assert {"add_training", "change_training", "change_employer", "add_location"} <= editor
    assert not {c for c in editor if c.startswith(("delete_", "publish_"))}
    assert editor < publisher
    assert {"publish_training", "publish_employer", "delete_training"} <= publisher


# --- Editor -------------------------------------------------------------------------


def test_editor_adds_a_training_which_is_saved_as_a_draft(editor_client):
    response = editor_client.post(TRAININGS + "add/", training_form())
    assert response.status_code == 302, response.content.decode()[:3000]
    training = Training.objects.get(slug="care-coordination-basics")
    assert training.status == Status.DRAFT


def test_editor_sees_the_status_read_only_on_the_change_form(editor_client):
    training = TrainingFactory(status=Status.DRAFT)
    html = editor_client.get(f"{TRAININGS}{training.pk}/change/").content.decode()
    assert 'name="title"' in html
    assert 'name="status"' not in html
    assert "Draft" in html


def test_editor_changes_a_draft_but_posting_published_does_not_publish(editor_client):
    training = TrainingFactory(status=Status.DRAFT)
    response = editor_client.post(
        f"{TRAININGS}{training.pk}/change/", training_form(training, title="Renamed")
    )
    assert response.status_code == 302
    training.refresh_from_db()
    assert training.title == "Renamed"
    assert training.status == Status.DRAFT


def test_editor_is_not_offered_the_publish_actions_and_posting_one_is_refused(editor_client):
    training = TrainingFactory(status=Status.DRAFT)
    html = editor_client.get(TRAININGS).content.decode()
    assert "publish_selected" not in html
    assert "delete_selected" not in html
    assert "mark_verified_today" in html  # other actions stay
    response = action(editor_client, TRAININGS, "publish_selected", [training])
    assert response.status_code == 200
    training.refresh_from_db()
    assert training.status == Status.DRAFT


def test_editor_cannot_unpublish_with_an_action(editor_client):
    training = TrainingFactory(status=Status.PUBLISHED)
    action(editor_client, TRAININGS, "unpublish_selected", [training])
    training.refresh_from_db()
    assert training.status == Status.PUBLISHED


def test_editor_cannot_delete_a_training_or_an_employer(editor_client):
    training = TrainingFactory()
    employer = EmployerFactory()
    assert editor_client.get(f"{TRAININGS}{training.pk}/delete/").status_code == 403
    assert delete(editor_client, TRAININGS, training) == 403
    assert delete(editor_client, EMPLOYERS, employer) == 403
    action(editor_client, TRAININGS, "delete_selected", [training])
    assert Training.objects.filter(pk=training.pk).exists()
    assert Employer.objects.filter(pk=employer.pk).exists()


def test_editor_cannot_publish_a_training_from_the_provider_inline(editor_client):
    training = TrainingFactory(status=Status.DRAFT)
    provider = training.provider
    url = f"{ADMIN}trainings/provider/{provider.pk}/change/"
    html = editor_client.get(url).content.decode()
    assert 'name="trainings-0-status"' not in html
    data = {
        "name": provider.name,
        "slug": provider.slug,
        "kind": provider.kind,
        "website": provider.website,
        "address": "",
        "city": provider.city,
        "county": provider.county,
        "region": provider.region,
        "zip_code": provider.zip_code,
        "latitude": provider.latitude,
        "longitude": provider.longitude,
        "coordinates_note": "",
        "trainings-TOTAL_FORMS": "1",
        "trainings-INITIAL_FORMS": "1",
        "trainings-MIN_NUM_FORMS": "0",
        "trainings-MAX_NUM_FORMS": "1000",
        "trainings-0-id": training.pk,
        "trainings-0-provider": provider.pk,
        "trainings-0-title": training.title,
        "trainings-0-kind": training.kind,
        "trainings-0-delivery": training.delivery,
        "trainings-0-status": Status.PUBLISHED,
        "trainings-0-checked_on": "",
    }
    response = editor_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    training.refresh_from_db()
    assert training.status == Status.DRAFT


def test_editor_reverting_to_a_published_version_keeps_the_draft(editor_client):
    training = TrainingFactory(status=Status.PUBLISHED, title="Old title")
    published_version = training.history.latest()
    training.status = Status.DRAFT
    training.title = "New title"
    training.save()
    response = editor_client.post(
        f"{TRAININGS}{training.pk}/history/{published_version.history_id}/",
        training_form(training, title="Old title"),
    )
    assert response.status_code == 302
    training.refresh_from_db()
    assert training.title == "Old title"
    assert training.status == Status.DRAFT


def test_editor_adds_an_employer_which_is_saved_as_a_draft(editor_client):
    response = editor_client.post(EMPLOYERS + "add/", employer_form())
    assert response.status_code == 302, response.content.decode()[:3000]
    assert Employer.objects.get(slug="example-care-partners").status == Status.DRAFT


def test_editor_cannot_publish_an_employer(editor_client):
    employer = EmployerFactory(status=Status.DRAFT)
    LocationFactory(employer=employer)
    html = editor_client.get(EMPLOYERS).content.decode()
    assert "publish_selected" not in html
    action(editor_client, EMPLOYERS, "publish_selected", [employer])
    employer.refresh_from_db()
    assert employer.status == Status.DRAFT


# --- Publisher ----------------------------------------------------------------------


def test_publisher_publishes_from_the_add_form(publisher_client):
    response = publisher_client.post(TRAININGS + "add/", training_form())
    assert response.status_code == 302
    assert Training.objects.get(slug="care-coordination-basics").status == Status.PUBLISHED


def test_publisher_publishes_and_unpublishes_with_the_actions(publisher_client):
    training = TrainingFactory(status=Status.DRAFT)
    employer = EmployerFactory(status=Status.DRAFT)
    response = action(publisher_client, TRAININGS, "publish_selected", [training])
    assert "1 training published." in response.content.decode()
    action(publisher_client, EMPLOYERS, "publish_selected", [employer])
    training.refresh_from_db()
    employer.refresh_from_db()
    assert training.status == employer.status == Status.PUBLISHED
    action(publisher_client, TRAININGS, "unpublish_selected", [training])
    training.refresh_from_db()
    assert training.status == Status.DRAFT
    assert training.history.first().history_user.username == "pat"


def test_publisher_changes_the_status_on_the_change_form(publisher_client):
    employer = EmployerFactory(status=Status.DRAFT)
    response = publisher_client.post(f"{EMPLOYERS}{employer.pk}/change/", employer_form(employer))
    assert response.status_code == 302, response.content.decode()[:3000]
    employer.refresh_from_db()
    assert employer.status == Status.PUBLISHED


def test_publisher_deletes(publisher_client):
    training = TrainingFactory()
    employer = EmployerFactory()
    assert delete(publisher_client, TRAININGS, training) == 302
    assert delete(publisher_client, EMPLOYERS, employer) == 302
    assert not Training.objects.filter(pk=training.pk).exists()
    assert not Employer.objects.filter(pk=employer.pk).exists()


# --- Anonymous ----------------------------------------------------------------------


@pytest.mark.parametrize("path", ["", "trainings/training/", "employers/employer/add/"])
def test_anonymous_visitors_get_the_login_page(client, path):
    response = client.get(ADMIN + path, follow=True)
    assert response.redirect_chain[-1][0].startswith(ADMIN + "login/")
    assert 'name="password"' in response.content.decode()


def test_anonymous_post_publishes_nothing(client):
    training = TrainingFactory(status=Status.DRAFT)
    action(client, TRAININGS, "publish_selected", [training])
    training.refresh_from_db()
    assert training.status == Status.DRAFT
