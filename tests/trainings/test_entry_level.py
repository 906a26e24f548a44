"""What a training asks a student to have first (Training.entry_level): the guide and the
search's "education you have now" filter leave a training out only for someone who has
less, keep the ones that do not say, and the pages show it."""

import importlib
import re

import pytest
from django.apps import apps as django_apps

from careers.content import load as load_careers
from content.models import EducationLevel
from tests.careers.factories import CareerFactory, EducationRequirementFactory, RoleFactory
from tests.trainings.factories import TrainingFactory
from trainings import content
from trainings.models import Training

pytestmark = pytest.mark.django_db

migration = importlib.import_module("trainings.migrations.0016_entry_level_of_starting_content")


@pytest.fixture
def coordinator_trainings():
    career = CareerFactory(slug="care-management-care-coordination")
    role = RoleFactory(career=career, slug="care-coordinator", name="Care coordinator")
    EducationRequirementFactory(role=role, level=EducationLevel.HIGH_SCHOOL)
    TrainingFactory(title="CHW certificate", roles=[role])  # says nothing: kept for everyone
    TrainingFactory(
        title="BSW for associate graduates", roles=[role], entry_level=EducationLevel.ASSOCIATE
    )
    TrainingFactory(
        title="Course written for RNs", roles=[role], entry_level=EducationLevel.LICENSE_RN
    )


def titles(response):
    return sorted(t.title for t in response.context["trainings"])


def ticked(html, name):
    """The values of the tick boxes called `name` that the page shows ticked."""
    boxes = re.findall(rf'<input type="checkbox" name="{name}" value="([^"]+)"([^>]*)>', html)
    assert boxes, f"no tick boxes called {name}"
    return [value for value, rest in boxes if " checked" in rest]


def test_a_nurse_with_a_bachelors_degree_is_offered_both_kinds_of_program(client):
    """Left open in session 12: one answer ("the highest") could not say both, so a
    registered nurse with a bachelor's degree was offered either the programs that ask
    for a bachelor's degree or the courses written for RNs, never both."""
    career = CareerFactory(slug="care-management-care-coordination")
    role = RoleFactory(career=career, slug="care-manager", name="Care manager")
    EducationRequirementFactory(role=role, level=EducationLevel.LICENSE_RN)
    EducationRequirementFactory(role=role, level=EducationLevel.BACHELOR)
    TrainingFactory(title="MSW", roles=[role], entry_level=EducationLevel.BACHELOR)
    TrainingFactory(title="RN course", roles=[role], entry_level=EducationLevel.LICENSE_RN)
    TrainingFactory(title="LMSW course", roles=[role], entry_level=EducationLevel.LICENSE_SW)
    for have, expected in [
        (["license_rn"], ["RN course"]),
        (["bachelor"], ["MSW"]),
        (["bachelor", "license_rn"], ["MSW", "RN course"]),
    ]:
        response = client.get("/trainings/guide/", {"have": have})
        assert response.status_code == 200
        assert sorted(t.title for t in response.context["result"].trainings) == expected, have
        html = response.content.decode()
        assert ticked(html, "have") == have
        # The link to the whole search carries every answer, and finds the same trainings.
        search = client.get("/trainings/?" + response.context["result"].search_query)
        assert titles(search) == expected, have


@pytest.mark.parametrize(
    ("have", "expected"),
    [
        ("none", ["CHW certificate"]),
        ("high_school", ["CHW certificate"]),
        ("associate", ["BSW for associate graduates", "CHW certificate"]),
        ("master", ["BSW for associate graduates", "CHW certificate"]),
        # A license only by holding it; an RN counts as an associate degree's schooling.
        (
            "license_rn",
            ["BSW for associate graduates", "CHW certificate", "Course written for RNs"],
        ),
        ("license_lpn", ["CHW certificate"]),
        # Several answers: what any of them meets. An LPN with an associate degree.
        (
            ["associate", "license_lpn"],
            ["BSW for associate graduates", "CHW certificate"],
        ),
        # Nothing ticked, and the empty value the old drop-down menu sent: every training.
        ([], ["BSW for associate graduates", "CHW certificate", "Course written for RNs"]),
        ("", ["BSW for associate graduates", "CHW certificate", "Course written for RNs"]),
    ],
)
def test_the_search_keeps_what_a_person_can_start(client, coordinator_trainings, have, expected):
    response = client.get("/trainings/", {"have": have})
    assert response.status_code == 200
    assert titles(response) == expected


def test_the_filter_is_shown_as_a_filter_in_use_and_opens_more_filters(
    client, coordinator_trainings
):
    html = client.get("/trainings/", {"have": ["high_school", "license_lpn"]}).content.decode()
    assert ticked(html, "have") == ["high_school", "license_lpn"]
    assert '<details class="more-filters" open>' in html
    assert "<legend>Education and licenses you have now</legend>" in html
    assert "Trainings that do not say what they ask for are kept." in html


def test_an_unknown_answer_is_a_clear_error(client, coordinator_trainings):
    response = client.get("/trainings/", {"have": "astronaut"})
    assert response.status_code == 400
    assert "Choose one of the answers in the list." in response.content.decode()


@pytest.mark.parametrize(
    ("have", "shown"),
    [("none", False), ("high_school", False), ("certificate", False), ("associate", True)],
)
def test_the_guide_leaves_out_trainings_that_ask_for_more(
    client, coordinator_trainings, have, shown
):
    response = client.get("/trainings/guide/", {"have": have})
    result = response.context["result"]
    suggested = [t.title for t in result.trainings]
    assert ("BSW for associate graduates" in suggested) is shown
    assert "CHW certificate" in suggested
    assert "Course written for RNs" not in suggested
    html = response.content.decode()
    assert "Trainings that do not say what they ask for are kept: check with the provider." in html
    # The search it links to is the same search: without a diploma, what comes after the HSE.
    expected = "high_school" if have == "none" else have
    assert f"have={expected}" in result.search_query
    search = client.get("/trainings/?" + result.search_query)
    assert sorted(suggested) == titles(search)


def test_pages_show_what_a_training_asks_for_first(client, coordinator_trainings):
    bsw = Training.objects.get(title="BSW for associate graduates")
    chw = Training.objects.get(title="CHW certificate")
    detail = client.get(bsw.get_absolute_url()).content.decode()
    assert "<dt>Education it asks for first</dt><dd>Associate degree</dd>" in detail
    unstated = client.get(chw.get_absolute_url()).content.decode()
    assert "<dt>Education it asks for first</dt><dd>Not stated by the provider</dd>" in unstated
    listing = client.get("/trainings/").content.decode()
    assert listing.count("<dt>Education it asks for first</dt>") == 2  # only where it is said
    compare = client.get("/trainings/compare/", {"ids": [bsw.pk, chw.pk]}).content.decode()
    assert '<td data-label="BSW for associate graduates">Associate degree</td>' in compare
    spanish = client.get("/es" + bsw.get_absolute_url()).content.decode()
    assert "Título de asociado (associate degree)" in spanish


def test_the_starting_content_says_it_only_where_the_source_does():
    load_careers()
    content.load()
    stated = dict(Training.objects.exclude(entry_level="").values_list("slug", "entry_level"))
    assert stated == migration.ENTRY_LEVELS
    for training in Training.objects.filter(slug__in=stated):
        assert training.prerequisites, training.slug  # read on the same page


def test_no_diploma_yet_is_not_sent_to_a_program_that_asks_for_a_degree(client):
    load_careers()
    content.load()
    response = client.get("/trainings/guide/", {"have": "none"})
    slugs = {t.slug for t in response.context["result"].trainings}
    assert slugs and "keuka-bsw-at-jefferson" not in slugs
    response = client.get("/trainings/guide/", {"have": "associate"})
    assert "keuka-bsw-at-jefferson" in {t.slug for t in response.context["result"].trainings}


def test_the_migration_fills_loaded_rows_and_keeps_what_staff_chose():
    content.load()
    # As a database loaded before the change: no entry levels, UAlbany without prerequisites.
    Training.objects.update(entry_level="")
    Training.objects.filter(slug="ualbany-msw").update(
        prerequisites="", prerequisites_en="", prerequisites_es=None
    )
    Training.objects.filter(slug="hunter-msw-two-year").update(entry_level="master")
    Training.objects.filter(slug="syracuse-msw-on-campus").update(prerequisites_en="By staff")
    migration.forwards(django_apps, None)
    levels = dict(Training.objects.exclude(entry_level="").values_list("slug", "entry_level"))
    assert levels == {**migration.ENTRY_LEVELS, "hunter-msw-two-year": "master"}
    ualbany = Training.objects.get(slug="ualbany-msw")
    assert ualbany.prerequisites_en.startswith("A bachelor's degree in any field")
    assert ualbany.prerequisites_es.startswith("Una licenciatura en cualquier campo")
    assert Training.objects.get(slug="syracuse-msw-on-campus").prerequisites_en == "By staff"
