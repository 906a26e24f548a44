"""tests/db.py: content loaded once for a module, each test's changes still rolled back."""

import pytest

from careers.models import Career
from tests.careers.factories import CareerFactory
from tests.db import loaded_once

pytestmark = pytest.mark.django_db

LOADS = []


def load_one_career():
    LOADS.append(1)
    return CareerFactory(slug="loaded-once", title="Loaded once").pk


career_pk = loaded_once(load_one_career)


def test_the_content_is_there_and_loaded_once_in_this_process(career_pk):
    assert Career.objects.get(pk=career_pk).title == "Loaded once"
    assert LOADS == [1]


def test_a_test_changes_the_content(career_pk):
    Career.objects.filter(pk=career_pk).update(title="Changed")
    CareerFactory(slug="made-by-a-test")
    assert Career.objects.get(pk=career_pk).title == "Changed"


def test_the_next_test_sees_none_of_those_changes(career_pk):
    assert Career.objects.get(pk=career_pk).title == "Loaded once"
    assert not Career.objects.filter(slug="made-by-a-test").exists()
    assert LOADS == [1]


def test_a_test_that_does_not_ask_for_it_runs_before_it_is_loaded():
    # Written last; tests/conftest.py runs it first in this module, before the content.
    assert not Career.objects.filter(slug="loaded-once").exists()
    assert LOADS == []
