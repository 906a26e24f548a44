"""Changes to live content wait for review; no lost updates; history that tells the story;
the staff start page (issue "Staff editing people can trust")."""

import datetime
import re
from types import SimpleNamespace

import pytest
import tablib
from django.apps import apps
from django.conf import settings
from django.contrib import admin
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from careers.models import JobTitle, Role
from content.models import Publishable, Revision, Status
from content.revisions import publish_due
from employers.models import Location
from tests.careers.factories import JobTitleFactory, RoleFactory
from tests.employers.factories import EmployerFactory, LocationFactory
from tests.staff.helpers import change_form_data, form_data
from tests.trainings.factories import TrainingFactory
from trainings.models import Training
from trainings.resources import TrainingResource

pytestmark = pytest.mark.django_db

WAITS = "Your change waits for review"


def change(obj):
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])


def review_url(revision):
    return reverse("admin:content_revision_change", args=[revision.pk])


def public(url):
    response = Client().get(url)
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def publisher_client(publisher):
    """Its own client, so that a test has an editor and a publisher signed in at once."""
    client = Client()
    client.force_login(publisher)
    return client


@pytest.fixture
def role():
    role = RoleFactory(name="Care coordinator", definition="Coordinates care.")
    JobTitleFactory(role=role, title="Care navigator")
    return role


def editor_changes_the_role(editor_client, role):
    data = change_form_data(editor_client, change(role))
    data["job_titles-0-title_en"] = "Care coordination navigator"
    data["definition_en"] = "Coordinates care across settings."
    response = editor_client.post(change(role), data, follow=True)
    assert response.status_code == 200
    return response


# --- Changes to live content wait for review ---------------------------------------


def test_an_editors_change_to_a_published_role_and_its_job_title_waits_for_review(
    editor_client, editor, role
):
    response = editor_changes_the_role(editor_client, role)
    assert WAITS in response.content.decode()
    role.refresh_from_db()
    assert role.definition == "Coordinates care."
    assert list(role.job_titles.values_list("title", flat=True)) == ["Care navigator"]
    page = public(role.get_absolute_url())
    assert "Care navigator" in page and "Care coordination navigator" not in page
    revision = Revision.objects.get()
    assert (revision.status, revision.author, revision.object_id) == ("pending", editor, role.pk)
    # The editor reads their pending version (and may not decide on it).
    html = editor_client.get(review_url(revision)).content.decode()
    assert "Care coordination navigator" in html and "Coordinates care across settings." in html
    assert "Publish now" not in html
    assert editor_client.post(review_url(revision), {"decision": "publish"}).status_code == 403
    # The change form says the change waits.
    assert "waits for review" in editor_client.get(change(role)).content.decode()


def test_a_publisher_reads_the_diff_and_publishes_with_a_reason(
    editor_client, publisher_client, publisher, role
):
    editor_changes_the_role(editor_client, role)
    revision = Revision.objects.get()
    html = publisher_client.get(review_url(revision)).content.decode()
    assert "Definition" in html and "Coordinates care." in html
    assert "Coordinates care across settings." in html
    assert "Job titles" in html and "Care navigator" in html
    assert "Care coordination navigator" in html

    refused = publisher_client.post(review_url(revision), {"decision": "publish", "reason": ""})
    assert "Give a reason" in refused.content.decode()
    assert Role.objects.get(pk=role.pk).definition == "Coordinates care."

    response = publisher_client.post(
        review_url(revision), {"decision": "publish", "reason": "Matches the NYSDOH page"}
    )
    assert response.status_code == 302
    role.refresh_from_db()
    assert role.definition == "Coordinates care across settings."
    assert list(role.job_titles.values_list("title", flat=True)) == ["Care coordination navigator"]
    page = public(role.get_absolute_url())
    assert "Care coordination navigator" in page
    revision.refresh_from_db()
    assert (revision.status, revision.reviewer) == ("approved", publisher)
    record = role.history.first()
    assert record.history_user == publisher
    reason = record.history_change_reason
    assert "Matches the NYSDOH page" in reason and "eddie" in reason and "pat" in reason
    assert "Job titles" in reason
    history = publisher_client.get(
        reverse("admin:careers_role_history", args=[role.pk])
    ).content.decode()
    assert "Matches the NYSDOH page" in history and "eddie" in history


def test_a_publisher_sends_a_change_back_and_the_editor_reads_the_comment(
    editor_client, publisher_client, role
):
    editor_changes_the_role(editor_client, role)
    revision = Revision.objects.get()
    refused = publisher_client.post(review_url(revision), {"decision": "reject", "comment": ""})
    assert "Say what should change" in refused.content.decode()
    publisher_client.post(
        review_url(revision), {"decision": "reject", "comment": "Cite the source, please."}
    )
    revision.refresh_from_db()
    assert revision.status == "rejected"
    assert Role.objects.get(pk=role.pk).definition == "Coordinates care."
    html = editor_client.get(change(role)).content.decode()
    assert "Cite the source, please." in html and "sent back" in html


def test_an_editors_change_to_a_published_training_and_its_links_waits(
    editor_client, publisher_client
):
    training = TrainingFactory(description="Old description.")
    other_role = RoleFactory()
    data = change_form_data(editor_client, change(training))
    data["description_en"] = "New description."
    data["roles"] = [str(other_role.pk)]
    editor_client.post(change(training), data)
    training.refresh_from_db()
    assert training.description == "Old description." and not training.roles.exists()
    assert "Old description." in public(training.get_absolute_url())
    revision = Revision.objects.get()
    publisher_client.post(review_url(revision), {"decision": "publish", "reason": "Checked"})
    training.refresh_from_db()
    assert training.description == "New description."
    assert list(training.roles.all()) == [other_role]


def test_an_editors_change_to_a_published_employers_location_waits(editor_client, publisher_client):
    employer = EmployerFactory()
    location = LocationFactory(employer=employer, city="New York")
    data = change_form_data(editor_client, change(employer))
    data["locations-0-city"] = "Manhattan"
    editor_client.post(change(employer), data)
    assert Location.objects.get(pk=location.pk).city == "New York"
    publisher_client.post(
        review_url(Revision.objects.get()), {"decision": "publish", "reason": "Checked"}
    )
    assert Location.objects.get(pk=location.pk).city == "Manhattan"


def test_a_publishers_own_edit_goes_live_at_once(publisher_client, role):
    data = change_form_data(publisher_client, change(role))
    data["definition_en"] = "Straight to the page."
    assert publisher_client.post(change(role), data).status_code == 302
    assert Role.objects.get(pk=role.pk).definition == "Straight to the page."
    assert not Revision.objects.exists()


def test_saving_without_a_change_makes_no_revision(editor_client, role):
    data = change_form_data(editor_client, change(role))
    response = editor_client.post(change(role), data, follow=True)
    assert "Nothing was changed" in response.content.decode()
    assert not Revision.objects.exists()


def test_a_revision_applies_only_what_its_author_changed(editor_client, publisher_client, role):
    editor_changes_the_role(editor_client, role)
    # The publisher changes another field live in the meantime.
    data = change_form_data(publisher_client, change(role))
    data["focus_en"] = "Published meanwhile."
    publisher_client.post(change(role), data)
    publisher_client.post(
        review_url(Revision.objects.get()), {"decision": "publish", "reason": "Checked"}
    )
    role.refresh_from_db()
    assert role.focus == "Published meanwhile."
    assert role.definition == "Coordinates care across settings."


def test_a_scheduled_change_goes_live_when_its_time_comes(
    editor_client, publisher_client, publisher, role
):
    editor_changes_the_role(editor_client, role)
    revision = Revision.objects.get()
    when = timezone.localtime() + datetime.timedelta(days=1)
    publisher_client.post(
        review_url(revision),
        {
            "decision": "schedule",
            "reason": "Goes with the new guidance",
            "publish_at": when.strftime("%Y-%m-%dT%H:%M"),
        },
    )
    revision.refresh_from_db()
    assert revision.status == "scheduled"
    call_command("publish_scheduled")
    assert Role.objects.get(pk=role.pk).definition == "Coordinates care."
    done, failed = publish_due(now=timezone.now() + datetime.timedelta(days=2))
    assert (done, failed) == ([revision], [])
    role.refresh_from_db()
    assert role.definition == "Coordinates care across settings."
    assert role.history.first().history_user == publisher
    assert "Goes with the new guidance" in role.history.first().history_change_reason


def test_an_editors_import_of_published_rows_waits_for_review(editor, publisher_client):
    training = TrainingFactory(title="Old title", source_url="https://example.edu/source")
    dataset = TrainingResource().export(queryset=Training.objects.filter(pk=training.pk))
    row = list(dataset[0])
    row[dataset.headers.index("title")] = "Imported title"
    data = tablib.Dataset(row, headers=dataset.headers)
    result = TrainingResource().import_data(data, dry_run=False, user=editor)
    assert not result.has_errors() and not result.has_validation_errors()
    assert Training.objects.get(pk=training.pk).title == "Old title"
    assert "Old title" in public(training.get_absolute_url())
    revision = Revision.objects.get()
    assert revision.author == editor
    publisher_client.post(review_url(revision), {"decision": "publish", "reason": "Import"})
    assert Training.objects.get(pk=training.pk).title == "Imported title"


# --- No lost updates ------------------------------------------------------------------


def test_a_save_based_on_an_outdated_version_is_refused_and_loses_nothing(
    editor, publisher, client
):
    training = TrainingFactory(status=Status.DRAFT, title="First", description="Plain.")
    first, second = Client(), Client()
    first.force_login(publisher)
    second.force_login(editor)
    first_data = change_form_data(first, change(training))
    second_data = change_form_data(second, change(training))
    # Each sees that the other opened it.
    assert "pat is also editing this" in second.get(change(training)).content.decode()

    first_data["title"] = "Second"
    assert first.post(change(training), first_data).status_code == 302
    second_data["description_en"] = "Careful new words."
    response = second.post(change(training), second_data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "saved this training after you opened it" in html
    assert "Title: Second" in html
    assert "Careful new words." in html  # nothing the user typed is lost
    assert Training.objects.get(pk=training.pk).description == "Plain."
    # Saving the form as shown again keeps both changes.
    again = form_data(response)
    assert again["title"] == "Second" and again["description_en"] == "Careful new words."
    assert second.post(change(training), again).status_code == 302
    training.refresh_from_db()
    assert (training.title, training.description) == ("Second", "Careful new words.")


def test_an_outdated_inline_row_is_refused_too(publisher, editor, role):
    first, second = Client(), Client()
    first.force_login(publisher)
    second.force_login(publisher)
    first_data = change_form_data(first, change(role))
    second_data = change_form_data(second, change(role))
    first_data["job_titles-0-title_en"] = "Renamed by the first"
    assert first.post(change(role), first_data).status_code == 302
    second_data["focus_en"] = "Something else."
    html = second.post(change(role), second_data).content.decode()
    assert "Renamed by the first" in html
    assert Role.objects.get(pk=role.pk).focus == ""


# --- History that tells the story ------------------------------------------------------


def test_an_inline_change_is_told_in_the_parents_history(publisher_client, role):
    data = change_form_data(publisher_client, change(role))
    data["job_titles-1-title_en"] = "Care transitions navigator"
    data["job_titles-1-role"] = str(role.pk)
    assert publisher_client.post(change(role), data).status_code == 302
    assert JobTitle.objects.filter(role=role, title="Care transitions navigator").exists()
    reason = role.history.first().history_change_reason
    assert "Added job title" in reason and "Care transitions navigator" in reason


# --- The staff start page -------------------------------------------------------------


def test_the_admin_carries_the_sites_name(publisher_client):
    html = publisher_client.get(reverse("admin:index")).content.decode()
    assert settings.SITE_NAME in html
    assert "Django administration" not in html


def test_each_count_on_the_start_page_equals_its_queue(editor_client, publisher_client, role):
    editor_changes_the_role(editor_client, role)
    second = RoleFactory()
    data = change_form_data(editor_client, change(second))
    data["definition_en"] = "Scheduled words."
    editor_client.post(change(second), data)
    scheduled = Revision.objects.get(object_id=second.pk)
    publisher_client.post(
        review_url(scheduled),
        {
            "decision": "schedule",
            "reason": "Later",
            "publish_at": (timezone.localtime() + datetime.timedelta(days=3)).strftime(
                "%Y-%m-%dT%H:%M"
            ),
        },
    )
    TrainingFactory(status=Status.DRAFT, checked_on=None)
    RoleFactory(status=Status.DRAFT)
    html = publisher_client.get(reverse("admin:index")).content.decode()
    queues = re.findall(r'<a href="([^"]+)" data-count="(\d+)"', html)
    assert len(queues) >= 5
    seen = {}
    for url, count in queues:
        response = publisher_client.get(url.replace("&amp;", "&"))
        assert response.status_code == 200
        context = response.context
        size = context["cl"].result_count if "cl" in context else context["total"]
        assert size == int(count), url
        seen[url] = int(count)
    assert seen[reverse("admin:content_revision_changelist") + "?status__exact=pending"] == 1
    assert seen[reverse("admin:content_revision_changelist") + "?status__exact=scheduled"] == 1
    assert seen[reverse("admin:trainings_training_changelist") + "?status__exact=draft"] == 1


# --- Every content model can be checked against a source ----------------------------


ANY_PERMISSION = SimpleNamespace(user=SimpleNamespace(has_perm=lambda perm, obj=None: True))


def _reviewed_through_parent(model):
    """A ForeignKey to a Publishable model whose admin edits this model inline."""
    for field in model._meta.fields:
        parent = field.related_model
        if field.many_to_one and parent and issubclass(parent, Publishable):
            parent_admin = admin.site._registry.get(parent)
            if parent_admin and any(i.model is model for i in parent_admin.inlines):
                return True
    return False


def test_every_content_model_has_a_source_or_is_reviewed_through_its_parent():
    content_apps = {"careers", "trainings", "employers"}
    registered = [m for m in admin.site._registry if m._meta.app_label in content_apps]
    assert len(registered) >= 13
    for model in registered:
        names = {f.name for f in model._meta.fields}
        has_source = {"source_url", "checked_on"} <= names
        assert has_source or _reviewed_through_parent(model), model
        if has_source:
            fields = admin.site._registry[model].get_fields(ANY_PERMISSION)
            assert {"source_url", "checked_on"} <= set(fields), model
    assert apps.get_model("careers", "Duty")._meta.get_field("checked_on").null


def test_a_published_roles_job_title_is_read_only_for_editors_on_its_own_page(editor_client, role):
    title = role.job_titles.get()
    url = change(title)
    html = editor_client.get(url).content.decode()
    assert 'name="title_en"' not in html  # view only: it is changed on the role's form
    assert editor_client.post(url, {"role": role.pk, "title_en": "Sneaky"}).status_code == 403
    response = editor_client.post(
        reverse("admin:careers_jobtitle_add"), {"role": role.pk, "title_en": "Sneaky"}
    )
    assert "is published: add this on its own page" in response.content.decode()
    assert list(role.job_titles.values_list("title", flat=True)) == ["Care navigator"]
    draft = RoleFactory(status=Status.DRAFT)
    response = editor_client.post(
        reverse("admin:careers_jobtitle_add"), {"role": draft.pk, "title_en": "Fine"}
    )
    assert response.status_code == 302
