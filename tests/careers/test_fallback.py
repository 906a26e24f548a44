"""Content without Spanish yet: a Spanish page shows the English text, marked lang="en" so
screen readers pronounce it as English (issue 17)."""

import re

import pytest
from django.core.cache import cache
from django.template import Context, Template
from django.utils import translation

from tests.careers.factories import CareerFactory, RoleFactory
from tests.trainings.factories import TrainingFactory

pytestmark = pytest.mark.django_db


def spanish(client, url):
    response = client.get(f"/es{url}")
    assert response.status_code == 200
    return response.content.decode()


def test_a_role_without_spanish_shows_english_marked_as_english(client):
    career = CareerFactory(title="Care work", summary="A summary.", overview="First.\n\nSecond.")
    career.title_es = "Trabajo de cuidado"
    career.save()
    role = RoleFactory(career=career, name="Care helper", definition="Helps with care.")
    html = spanish(client, role.get_absolute_url())
    # The role has no Spanish: its name and definition are English, and say so.
    assert '<span lang="en">Care helper</span>' in html
    assert '<span lang="en">Helps with care.</span>' in html
    # The career has a Spanish title: printed as it is, not marked.
    assert "Trabajo de cuidado" in html
    assert '<span lang="en">Trabajo de cuidado' not in html
    assert '<span lang="en">Care work</span>' not in html


def test_paragraphs_without_spanish_are_each_marked(client):
    career = CareerFactory(overview="First paragraph.\n\nSecond paragraph.")
    html = spanish(client, career.get_absolute_url())
    assert '<p lang="en">First paragraph.</p>' in html
    assert '<p lang="en">Second paragraph.</p>' in html


def test_english_pages_and_translated_rows_carry_no_marker(client):
    career = CareerFactory(title="Care work", overview="One paragraph.")
    role = RoleFactory(career=career, name="Care helper")
    cache.clear()
    html = client.get(role.get_absolute_url()).content.decode()
    assert "Care helper" in html
    assert not re.search(r'<(span|p) lang="en">', html)
    role.name_es = "Ayudante de cuidado"
    role.definition_es = "Ayuda con el cuidado."
    role.save()
    html = spanish(client, role.get_absolute_url())
    assert "Ayudante de cuidado" in html
    assert '<span lang="en">Care helper</span>' not in html


def test_a_training_description_without_spanish_is_marked(client):
    training = TrainingFactory(description="Learn to coordinate care.")
    html = spanish(client, training.get_absolute_url())
    assert '<p lang="en">Learn to coordinate care.</p>' in html


def test_the_filters_escape_text_in_both_cases():
    role = RoleFactory(name="<b>Care</b> & more")
    template = Template('{% load translated %}{{ role|tr:"name" }}|{% lang_of role "name" %}')
    with translation.override("en"):
        assert template.render(Context({"role": role})) == "&lt;b&gt;Care&lt;/b&gt; &amp; more|"
    with translation.override("es"):
        assert template.render(Context({"role": role})) == (
            '<span lang="en">&lt;b&gt;Care&lt;/b&gt; &amp; more</span>| lang="en"'
        )


def test_a_training_fact_without_spanish_marks_its_cell(client):
    training = TrainingFactory(prerequisites="A high school diploma.", funding_notes="")
    html = spanish(client, training.get_absolute_url())
    assert '<dd lang="en">A high school diploma.</dd>' in html
    # Nothing stated in either language: the "not stated" line is the page's own words.
    assert not re.search(r'<dd lang="en">[^<]*(Not stated|no lo indica)', html)
