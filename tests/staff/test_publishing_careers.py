"""The publishing workflow on careers and roles: editors draft, publishers publish."""

import pytest
from django.conf import settings
from django.test import Client

from careers.models import Career, Role
from content.models import Status
from tests.careers.factories import CareerFactory, RoleFactory

pytestmark = pytest.mark.django_db

ADMIN = "/" + settings.ADMIN_URL
CAREERS = ADMIN + "careers/career/"
ROLES = ADMIN + "careers/role/"


def role_form(career, **changes):
    data = {
        "career": career.pk,
        "name_en": "Care transitions coordinator",
        "slug": "care-transitions-coordinator",
        "short_name": "CTC",
        "status": Status.PUBLISHED,
        "order": 5,
        "definition_en": "Helps people move safely from hospital to home.",
        "definition_source": "Test",
        "source_url": "",
        "focus_en": "",
        "soc_code": "",
        "soc_title": "",
    }
    for prefix in ("job_titles", "education", "pay_ranges"):
        data.update(
            {
                f"{prefix}-TOTAL_FORMS": "0",
                f"{prefix}-INITIAL_FORMS": "0",
                f"{prefix}-MIN_NUM_FORMS": "0",
                f"{prefix}-MAX_NUM_FORMS": "1000",
            }
        )
    data.update(changes)
    return data


def action(client, url, name, objects):
    return client.post(
        url, {"action": name, "_selected_action": [o.pk for o in objects]}, follow=True
    )


def test_editor_adds_a_role_which_is_saved_as_a_draft(editor_client):
    career = CareerFactory()
    response = editor_client.post(ROLES + "add/", role_form(career))
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Role.objects.get(slug="care-transitions-coordinator").status == Status.DRAFT


def test_editor_cannot_publish_a_career_or_role_with_the_actions(editor_client):
    career = CareerFactory(status=Status.DRAFT)
    role = RoleFactory(career=career, status=Status.DRAFT)
    changelist = editor_client.get(CAREERS).content.decode()
    assert "publish_selected" not in changelist
    action(editor_client, CAREERS, "publish_selected", [career])
    action(editor_client, ROLES, "publish_selected", [role])
    assert Career.objects.get(pk=career.pk).status == Status.DRAFT
    assert Role.objects.get(pk=role.pk).status == Status.DRAFT


def test_editor_cannot_delete_a_role(editor_client):
    role = RoleFactory()
    response = editor_client.post(f"{ROLES}{role.pk}/delete/", {"post": "yes"})
    assert response.status_code == 403
    assert Role.objects.filter(pk=role.pk).exists()


def test_publisher_publishes_a_career_and_its_role(publisher_client):
    public = Client()
    career = CareerFactory(status=Status.DRAFT)
    role = RoleFactory(career=career, status=Status.DRAFT)
    assert public.get(role.get_absolute_url()).status_code == 404
    action(publisher_client, CAREERS, "publish_selected", [career])
    action(publisher_client, ROLES, "publish_selected", [role])
    assert Career.objects.get(pk=career.pk).status == Status.PUBLISHED
    assert public.get(role.get_absolute_url()).status_code == 200


def test_publisher_adds_a_published_role(publisher_client):
    career = CareerFactory()
    response = publisher_client.post(ROLES + "add/", role_form(career))
    assert response.status_code == 302
    assert Role.objects.get(slug="care-transitions-coordinator").status == Status.PUBLISHED
