"""Admin for every careers model: pages open, inlines are there, validation is plain."""

import pytest
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.urls import reverse

from careers import models
from careers.content import load
from content.models import LoadedContent

pytestmark = pytest.mark.django_db

MODELS = [
    models.Career, models.Role, models.JobTitle, models.Duty, models.WorkSetting,
    models.EducationRequirement, models.PayRange, models.Certification, models.CareerStep,
    LoadedContent,
]  # fmt: skip


@pytest.fixture
def admin_client(client):
    user = get_user_model().objects.create_superuser("boss", "boss@example.org", "x")
    client.force_login(user)
    return client


def test_every_careers_model_is_registered():
    for model in MODELS:
        assert admin.site.is_registered(model), model


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_changelist_and_change_pages_open(admin_client, model):
    load()
    opts = model._meta
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
    assert admin_client.get(url).status_code == 200
    assert admin_client.get(url, {"q": "care"}).status_code == 200
    obj = model.objects.first()
    change = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
    assert admin_client.get(change).status_code == 200


def test_role_admin_has_inlines_for_titles_education_and_pay(admin_client):
    load()
    role = models.Role.objects.get(slug="care-manager")
    html = admin_client.get(reverse("admin:careers_role_change", args=[role.pk])).content.decode()
    for prefix in ("job_titles", "education", "pay_ranges"):
        assert f'id="id_{prefix}-TOTAL_FORMS"' in html
    assert "View on site" in html
    assert "History" in html


def test_pay_range_admin_explains_low_above_high(admin_client):
    load()
    role = models.Role.objects.first()
    response = admin_client.post(
        reverse("admin:careers_payrange_add"),
        {
            "role": role.pk, "low": "50", "high": "40", "unit": "hourly", "region": "NY",
            "source_name": "Somewhere", "source_url": "https://example.org/", "source_year": "2024",
            "order": "0", "note": "",
        },
    )  # fmt: skip
    assert response.status_code == 200
    assert "Pay low must be less than or equal to pay high" in response.content.decode()
