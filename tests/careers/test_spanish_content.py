"""The care-management career in Spanish (issue 17): every published row has its Spanish
text, the loader keeps what staff wrote in Spanish, and the pages print it."""

import json

import pytest
from django.apps import apps

from careers import models
from careers.content import TRANSLATIONS, load
from consent.models import Category, CookieDeclaration
from content.i18n import is_translated_model, missing_translations, translated_fields
from content.loading import totals
from content.models import Publishable

pytestmark = pytest.mark.django_db

CAREER = "care-management-care-coordination"


def _published(model):
    """The rows of `model` the public sees: published ones, or all for parts without a status."""
    rows = model._default_manager.all()
    if issubclass(model, Publishable):
        rows = rows.filter(status="published")
    return rows


def test_every_published_row_of_the_career_has_every_spanish_field():
    load()
    careers_models = [
        m for m in apps.get_app_config("careers").get_models() if is_translated_model(m)
    ]
    # Every content model of the career with text is translated (a new one must be listed).
    assert {m.__name__ for m in careers_models} >= {
        "Career", "Role", "JobTitle", "Duty", "WorkSetting", "EducationRequirement",
        "StatedEducation", "Certification", "CareerStep", "CareerFit", "RoleOccupation",
        "PayRange",
    }  # fmt: skip
    checked = 0
    for model in careers_models:
        for row in _published(model):
            assert not missing_translations(row, "es"), (model.__name__, row.pk, str(row))
            checked += 1
    # Each field counted, so a row with an empty field name list cannot pass silently.
    assert checked > 70
    assert all(translated_fields(m) for m in careers_models)


def test_the_consent_categories_and_cookies_have_spanish():
    for model in (Category, CookieDeclaration):
        rows = list(model.objects.all())
        assert rows
        for row in rows:
            assert not missing_translations(row, "es"), (model.__name__, row.pk, str(row))


def test_the_spanish_file_names_only_rows_the_english_file_has():
    """A Spanish row whose key matches no English row would be silently skipped."""
    counts = totals(load())
    data = json.loads(TRANSLATIONS["es"][0].read_text(encoding="utf-8"))
    rows = sum(len(v) for k, v in data.items() if not k.startswith("_"))
    assert counts["translated"] == rows


def test_spanish_job_titles_are_distinct_and_numbers_match_the_english():
    import re

    load()
    for role in models.Role.objects.all():
        titles = list(role.job_titles.values_list("title_es", flat=True))
        assert len(titles) == len(set(titles))
    # Numbers in a text are the English ones (2,000 hours; 12 months; 30 days; 2016).
    for model in [m for m in apps.get_app_config("careers").get_models() if is_translated_model(m)]:
        for row in model.objects.all():
            for name in translated_fields(model):
                english = re.findall(r"\d[\d,]*", getattr(row, f"{name}_en") or "")
                spanish = re.findall(r"\d[\d,]*", getattr(row, f"{name}_es") or "")
                assert sorted(english) == sorted(spanish), (row, name)


def test_a_staff_edit_in_spanish_survives_a_rerun_and_force_restores_it():
    load()
    role = models.Role.objects.get(slug="care-manager")
    role.definition_es = "Editado por el personal."
    role.save()
    title = models.JobTitle.objects.get(title_en="Case Manager")
    title.title_es = ""
    title.save()

    load()
    role.refresh_from_db()
    title.refresh_from_db()
    assert role.definition_es == "Editado por el personal."
    assert title.title_es == "Administrador(a) de casos"  # an empty one is filled

    load(force=True)
    role.refresh_from_db()
    assert role.definition_es.startswith("La gestión de la atención es un proceso")
    assert role.definition_en.startswith("Care management is a process")


def test_the_career_page_prints_the_spanish_text(client):
    load()
    career = models.Career.objects.get(slug=CAREER)
    html = client.get(f"/es{career.get_absolute_url()}").content.decode()
    assert '<html lang="es"' in html
    assert "Gestión y coordinación de la atención" in html
    assert "Quiere un trabajo con sentido" in html
    assert "Le gusta trabajar con personas y conocerlas." in html
    english = client.get(career.get_absolute_url()).content.decode()
    assert "Gestión y coordinación" not in english
    assert "Care Management / Care Coordination" in english
