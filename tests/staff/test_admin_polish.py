"""Admin details editors rely on: plain-language validation, slugs, links, lookups."""

import pytest
from django.conf import settings
from django.contrib import admin
from django.contrib.auth.models import AnonymousUser

from content.models import Status
from content.publishing import PublishableAdminMixin
from tests.staff.test_publishing import training_form
from tests.trainings.factories import TrainingFactory
from trainings.models import Training

pytestmark = pytest.mark.django_db

TRAININGS = "/" + settings.ADMIN_URL + "trainings/training/"


def test_cost_low_above_cost_high_is_refused_in_plain_words(publisher_client):
    response = publisher_client.post(
        TRAININGS + "add/", training_form(cost_low="900", cost_high="100")
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Cost low (900) must be less than or equal to cost high (100)." in html
    assert "Constraint" not in html
    assert not Training.objects.exists()


def test_a_free_training_with_a_cost_is_refused_in_plain_words(publisher_client):
    response = publisher_client.post(
        TRAININGS + "add/", training_form(is_free="on", cost_low="50", cost_high="50")
    )
    assert "A free training costs nothing" in response.content.decode()


def test_a_bad_provider_zip_is_refused_in_plain_words(publisher_client):
    response = publisher_client.post(
        "/" + settings.ADMIN_URL + "trainings/provider/add/",
        {
            "name": "X College",
            "slug": "x-college",
            "kind": "university",
            "zip_code": "1234",
            "trainings-TOTAL_FORMS": "0",
            "trainings-INITIAL_FORMS": "0",
        },
    )
    assert "Enter a 5-digit ZIP code, or leave it blank." in response.content.decode()


def test_the_change_form_links_to_the_page_and_fills_the_slug(publisher_client):
    training = TrainingFactory(status=Status.DRAFT)
    html = publisher_client.get(f"{TRAININGS}{training.pk}/change/").content.decode()
    assert "View on site" in html
    assert "prepopulated_fields" in html or "data-prepopulated-field" in html
    add = publisher_client.get(TRAININGS + "add/").content.decode()
    assert "prepopulated" in add


def test_provider_is_chosen_with_autocomplete(publisher_client):
    html = publisher_client.get(TRAININGS + "add/").content.decode()
    assert "admin-autocomplete" in html


def test_a_status_in_list_editable_fails_the_system_check():
    class Bad(PublishableAdminMixin, admin.ModelAdmin):
        list_display = ["title", "status"]
        list_editable = ["status"]

    errors = Bad(Training, admin.AdminSite()).check()
    assert "content.E001" in [e.id for e in errors]


def test_anonymous_has_no_publish_permission():
    class Request:
        user = AnonymousUser()

    assert not PublishableAdminMixin.has_publish_permission(
        type("A", (PublishableAdminMixin,), {"model": Training})(), Request()
    )
