"""Starting content: real programs with sources, loaded idempotently; demo data for benchmarks."""

import importlib
import io
import json

import pytest
from django.apps import apps as django_apps
from django.core.management import call_command

from content.models import Status
from places.geo import CITY_CENTER_NOTE, ZIP_CENTER_NOTE
from tests.careers.factories import CareerFactory, RoleFactory
from trainings import content, demo
from trainings.models import Provider, Training

pytestmark = pytest.mark.django_db


def fixture():
    return json.loads(content.FIXTURE.read_text())


def test_fixture_has_at_least_12_programs_across_kinds_and_regions():
    data = fixture()
    assert len(data["trainings"]) >= 12
    assert {row["kind"] for row in data["trainings"]} == {
        "certificate",
        "degree",
        "professional_development",
    }
    for row in data["trainings"]:
        assert row["url"].startswith("http"), row["slug"]
        assert row["source_url"].startswith("http"), row["slug"]


def test_load_creates_published_trainings_with_source_and_verified_date():
    counts = content.load()["trainings.Training"]
    assert counts["created"] == len(fixture()["trainings"])
    assert Training.objects.published().count() == counts["created"]
    assert not Training.objects.filter(source_url="").exists()
    assert not Training.objects.filter(checked_on__isnull=True).exists()  # all read
    regions = set(Provider.objects.exclude(region="").values_list("region", flat=True))
    assert {"nyc", "finger-lakes", "western", "capital"} <= regions


def test_coordinates_come_from_a_published_zip_code_or_else_the_city():
    content.load()
    for provider in Provider.objects.all():
        assert provider.has_location == bool(provider.zip_code or provider.city), provider.slug
        if provider.zip_code:
            assert provider.coordinates_note == ZIP_CENTER_NOTE
        elif provider.city:
            assert provider.coordinates_note == CITY_CENTER_NOTE.format(city=provider.city)


def test_load_twice_changes_nothing_and_keeps_staff_edits():
    content.load()
    training = Training.objects.get(slug="hunter-msw-two-year")
    training.title = "Edited by staff"
    training.save()
    counts = content.load()["trainings.Training"]
    assert counts["created"] == 0
    assert counts["kept"] == len(fixture()["trainings"])
    training.refresh_from_db()
    assert training.title == "Edited by staff"


def test_force_overwrites_staff_edits():
    content.load()
    Training.objects.filter(slug="hunter-msw-two-year").update(status=Status.DRAFT)
    content.load(force=True)
    assert Training.objects.get(slug="hunter-msw-two-year").status == Status.PUBLISHED


def test_trainings_link_to_careers_roles_by_slug_when_they_exist():
    career = CareerFactory(slug="care-management-care-coordination")
    cc = RoleFactory(career=career, slug="care-coordinator")
    cm = RoleFactory(career=career, slug="care-manager")
    content.load()
    assert set(Training.objects.get(slug="hunter-msw-two-year").roles.all()) == {cm}
    assert cc.trainings.filter(slug="hostos-community-health-worker-training").exists()
    assert career.trainings.count() == len(fixture()["trainings"])


def test_missing_roles_are_skipped_and_reported():
    out = io.StringIO()
    content.load(stdout=out)
    assert "links to careers roles skipped" in out.getvalue()


def test_load_content_command_runs_the_trainings_loader():
    out = io.StringIO()
    call_command("load_content", stdout=out)
    assert "trainings.Training: created: " in out.getvalue()
    assert Training.objects.count() == len(fixture()["trainings"])


def test_demo_seed_refuses_to_run_with_debug_off(settings):
    settings.DEBUG = False
    with pytest.raises(RuntimeError, match="refuses to run with DEBUG off"):
        demo.seed(5)
    assert Training.objects.count() == 0


def test_demo_seed_makes_published_searchable_trainings(settings):
    settings.DEBUG = True
    RoleFactory()
    assert demo.seed(30, rng_seed=3) == {"providers": 3, "trainings": 30}
    assert Training.objects.published().count() == 30
    assert not Training.objects.filter(search_text="").exists()
    assert Training.roles.through.objects.count() >= 30


def test_every_loaded_training_page_renders_with_json_ld(client):
    import re

    content.load()
    listing = client.get("/trainings/")
    assert listing.status_code == 200
    assert listing.context["page_obj"].paginator.count == len(fixture()["trainings"])
    for training in Training.objects.all():
        html = client.get(training.get_absolute_url()).content.decode()
        block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
        data = json.loads(block.group(1))
        assert data["@type"] == "EducationalOccupationalProgram"
        assert data["url"] == training.url
        assert "Last verified: <time" in html


def test_the_cai_row_takes_its_title_from_its_own_source_page():
    """The title it had is on a CAI newsletter, not on the source page the row names; the
    migration renames the row in databases loaded before, unless staff retitled it."""
    migration = importlib.import_module("trainings.migrations.0017_cai_title_from_its_source")
    content.load()
    cai = Training.objects.get(slug=migration.SLUG)
    assert cai.title == migration.NEW
    assert (
        cai.source_url == "https://caiglobal.org/projects/community-health-worker-training-program/"
    )
    Training.objects.filter(pk=cai.pk).update(title=migration.OLD)  # loaded before the change
    migration.forwards(django_apps, None)
    assert Training.objects.get(pk=cai.pk).title == migration.NEW
    Training.objects.filter(pk=cai.pk).update(title="Retitled by staff")
    migration.forwards(django_apps, None)
    assert Training.objects.get(pk=cai.pk).title == "Retitled by staff"
