"""Starting content: real New York employers, sourced, loaded idempotently."""

import datetime
import io
import json
from pathlib import Path

import pytest

from employers import content
from employers.models import Employer, Location
from places.regions import region_for_county
from tests.careers.factories import CareerFactory, RoleFactory, WorkSettingFactory

pytestmark = pytest.mark.django_db

FIXTURE = json.loads(Path(content.FIXTURE).read_text())


def test_fixture_has_at_least_15_employers_across_at_least_5_regions():
    assert len(FIXTURE) >= 15
    regions = {region_for_county(p["county"]) for e in FIXTURE for p in e["locations"]}
    assert None not in regions
    assert len(regions) >= 5


def test_every_employer_names_its_public_source_and_verified_date():
    for item in FIXTURE:
        assert item["source_url"].startswith(("https://", "http://")), item["slug"]
        assert item["source_name"], item["slug"]
        datetime.date.fromisoformat(item["checked_on"])
        for place in item["locations"]:
            assert place.get("address_source"), (item["slug"], place)


def test_every_location_names_its_source_and_a_checked_date_or_why_not():
    for item in FIXTURE:
        for place in item["locations"]:
            where = (item["slug"], place.get("name"))
            assert place["source_url"].startswith(("https://", "http://")), where
            assert place["source_name"], where
            if place.get("checked_on"):
                datetime.date.fromisoformat(place["checked_on"])
                assert not place.get("unverified_reason"), where
            else:
                assert place["unverified_reason"], where


def test_locations_load_with_their_source_date_and_reason():
    content.load()
    strong = Location.objects.get(employer__slug="ur-medicine-urmc")
    assert strong.source_url == "https://www.urmc.rochester.edu/locations/er-smh"
    assert strong.checked_on == datetime.date(2026, 12, 1)
    assert strong.is_verified and not strong.unverified_reason
    montefiore = Location.objects.get(employer__slug="montefiore-medical-center")
    assert montefiore.checked_on is None and not montefiore.is_verified
    assert "Wikipedia" in montefiore.unverified_reason


def test_load_creates_every_employer_then_a_second_run_changes_nothing():
    first = content.load()["employers.Employer"]
    assert first["created"] == len(FIXTURE)
    snapshot = list(Employer.objects.values_list("slug", "updated_at").order_by("slug"))
    locations = Location.objects.count()

    second = content.load()["employers.Employer"]
    assert second["created"] == 0
    assert second["kept"] == len(FIXTURE)
    assert list(Employer.objects.values_list("slug", "updated_at").order_by("slug")) == snapshot
    assert Location.objects.count() == locations
    assert Employer.objects.published().count() == len(FIXTURE)


def test_locations_get_coordinates_and_say_where_they_come_from():
    content.load()
    for location in Location.objects.all():
        assert 40 < location.latitude < 45.1 and -80 < location.longitude < -71.8
        assert location.region
        if location.coordinates_note.startswith("Map position is the center of ZIP"):
            assert location.zip_code in location.coordinates_note
    liberty = Location.objects.get(employer__slug="liberty-resources")
    assert liberty.zip_code == ""
    assert "Syracuse" in liberty.coordinates_note


def test_staff_edits_survive_a_reload_and_force_restores_the_fixture():
    content.load()
    employer = Employer.objects.get(slug="oswego-health")
    employer.description = "Edited by staff."
    employer.save()

    content.load()
    employer.refresh_from_db()
    assert employer.description == "Edited by staff."

    counts = content.load(force=True)["employers.Employer"]
    assert counts["updated"] == 1  # only the edited row differs from the content file
    assert counts["kept"] == len(FIXTURE) - 1
    employer.refresh_from_db()
    assert employer.description != "Edited by staff."


def test_roles_and_settings_are_linked_by_slug_when_they_exist():
    career = CareerFactory(slug="care-management-care-coordination")
    RoleFactory(career=career, slug="care-coordinator")
    RoleFactory(career=career, slug="care-manager")
    WorkSettingFactory(slug="hospital")
    WorkSettingFactory(slug="health-home")
    content.load()
    oswego = Employer.objects.get(slug="oswego-health")
    assert set(oswego.roles.values_list("slug", flat=True)) == {"care-manager"}
    assert set(oswego.settings.values_list("slug", flat=True)) == {"hospital", "health-home"}


def test_a_load_before_the_careers_content_is_completed_by_a_later_load():
    out = io.StringIO()
    content.load(stdout=out)
    assert "role/setting links skipped" in out.getvalue()
    assert not Employer.objects.get(slug="circare").roles.exists()
    RoleFactory(slug="care-manager")
    WorkSettingFactory(slug="health-home")
    counts = content.load()["employers.Employer"]
    assert counts["linked"] > 0
    circare = Employer.objects.get(slug="circare")
    assert list(circare.roles.values_list("slug", flat=True)) == ["care-manager"]


def test_load_content_command_runs_the_employers_loader(capsys):
    from django.core.management import call_command

    call_command("load_content")
    assert "employers.Employer: created: " in capsys.readouterr().out
    assert Employer.objects.count() == len(FIXTURE)


def test_roles_are_linked_only_where_a_named_source_supports_them():
    for item in content.read_fixture():
        assert set(item.get("roles", [])) <= {"care-coordinator", "care-manager"}, item["slug"]
        if item.get("roles"):
            # The page that names them, shown under them on the employer's page.
            assert item["roles_source_url"].startswith("http"), item["slug"]
            assert item["roles_source_name"], item["slug"]
        else:
            # Why none is linked: a note for editors.
            assert item.get("roles_source"), item["slug"]


def test_sources_are_the_employers_own_pages_where_one_was_found():
    sources = {item["slug"]: item["source_url"] for item in content.read_fixture()}
    assert "khproviders.org" in sources["kaleida-health"]
    assert "albanymed.org" in sources["albany-medical-center"]
    assert "jobs.northwell.edu" in sources["northwell-health"]
    assert "montefiore.org" in sources["montefiore-medical-center"]
    assert "callen-lorde.org" in sources["callen-lorde-community-health-center"]
    assert not [s for s, url in sources.items() if "wikipedia.org" in url]
