"""The admin edits translated content in both languages, side by side (issue 17)."""

import re

import pytest
from django.urls import reverse

from careers.models import Role
from consent.models import Category
from tests.careers.factories import JobTitleFactory, RoleFactory
from tests.staff.helpers import change_form_data

pytestmark = pytest.mark.django_db


def test_a_role_change_form_shows_english_and_spanish_side_by_side(publisher_client):
    role = RoleFactory(name="Care helper", definition="Helps.")
    JobTitleFactory(role=role, title="Helper")
    url = reverse("admin:careers_role_change", args=[role.pk])
    html = publisher_client.get(url).content.decode()
    for field in ("name", "definition", "focus"):
        assert f'name="{field}_en"' in html and f'name="{field}_es"' in html
        assert f'name="{field}"' not in html  # the original column is not edited directly
        # Both languages in one admin line (Django's fieldBox: fields side by side).
        line = re.search(rf'<div class="form-row[^"]*field-{field}_en field-{field}_es">', html)
        assert line, field
    # Inline job titles: a column per language.
    assert 'name="job_titles-0-title_en"' in html and 'name="job_titles-0-title_es"' in html


def test_spanish_typed_in_the_admin_is_saved_and_english_kept(publisher_client):
    role = RoleFactory(name="Care helper", definition="Helps.")
    url = reverse("admin:careers_role_change", args=[role.pk])
    data = change_form_data(publisher_client, url)
    data["name_es"] = "Ayudante de cuidado"
    response = publisher_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    role = Role.objects.get(pk=role.pk)
    assert (role.name_en, role.name_es) == ("Care helper", "Ayudante de cuidado")


def test_the_cookie_category_form_shows_both_languages(admin_client):
    category = Category.objects.get(slug="analytics")
    html = admin_client.get(reverse("admin:consent_category_change", args=[category.pk])).content
    html = html.decode()
    assert 'name="name_en"' in html and 'name="name_es"' in html
    assert "Analíticas" in html


def test_history_keeps_both_languages_and_a_revert_restores_them():
    role = RoleFactory(name="Care helper")
    role.name_es = "Ayudante"
    role.save()
    role.name_en, role.name_es = "Care aide", "Asistente"
    role.save()
    latest, earlier = role.history.order_by("-history_id")[:2]
    assert (earlier.name_en, earlier.name_es) == ("Care helper", "Ayudante")
    # What changed, as the history page tells it, includes the Spanish.
    assert {"name_en", "name_es"} <= set(latest.diff_against(earlier).changed_fields)
    earlier.instance.save()
    role = Role.objects.get(pk=role.pk)
    assert (role.name_en, role.name_es) == ("Care helper", "Ayudante")
