"""`load_content` for careers: complete, sourced, idempotent, and kind to staff edits."""

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext

from careers import models
from careers.content import load
from content.loading import totals

pytestmark = pytest.mark.django_db

CONTENT_MODELS = [
    models.Career, models.Role, models.JobTitle, models.Duty, models.WorkSetting,
    models.EducationRequirement, models.PayRange, models.Certification, models.CareerStep,
    models.RoleOccupation, models.CareerFit, models.StatedEducation,
]  # fmt: skip
# Every setting has a public source; the three both roles share, as their sources say.
SETTING_SLUGS = {
    "hospital", "health-home", "managed-care-plan", "community-health-center",
    "behavioral-health", "community-based-organization", "primary-care-practice",
}  # fmt: skip
SHARED_SETTING_SLUGS = {"hospital", "health-home", "behavioral-health"}


def snapshot():
    """Every row of every content model, with every field value."""
    return {
        model.__name__: sorted(
            (tuple(sorted(row.items())) for row in model.objects.values()), key=repr
        )
        for model in CONTENT_MODELS
    }


def test_content_has_everything_the_issue_asks_for():
    load()
    career = models.Career.objects.get(slug="care-management-care-coordination")
    assert career.is_published and career.checked_on and career.key_difference
    cc = career.roles.get(slug="care-coordinator", short_name="CC")
    cm = career.roles.get(slug="care-manager", short_name="CM")
    for role in (cc, cm):
        assert role.job_titles.count() >= 8
        assert role.definition_source and role.source_url
        assert role.education.exists() and role.pay_ranges.exists()
        assert role.certifications.exists() or role == cc
    shared = models.Duty.objects.filter(kind=models.Duty.Kind.RESPONSIBILITY, roles=cc).filter(
        roles=cm
    )
    assert shared.count() >= 6
    assert models.Duty.objects.filter(kind=models.Duty.Kind.FUNCTION).count() >= 8
    assert set(models.WorkSetting.objects.values_list("slug", flat=True)) == SETTING_SLUGS
    shared_settings = models.WorkSetting.objects.filter(roles=cc).filter(roles=cm)
    assert set(shared_settings.values_list("slug", flat=True)) == SHARED_SETTING_SLUGS
    assert models.CareerStep.objects.filter(from_role=cc, to_role=cm).exists()
    assert cc.pay_ranges.get().low == 16 and cc.pay_ranges.get().high == 38
    assert cm.pay_ranges.get().low == 42000 and cm.pay_ranges.get().high == 60000


def test_every_pay_range_and_education_item_has_a_source_and_a_checked_date():
    load()
    rows = list(models.PayRange.objects.all()) + list(models.EducationRequirement.objects.all())
    rows += list(models.StatedEducation.objects.all())
    assert rows
    for row in rows:
        assert row.source_name.strip(), row
        assert row.source_url.startswith("https://"), row
        assert row.checked_on, row


def test_hwc_education_is_quoted_as_stated_and_claims_no_year():
    load()
    stated = {s.role.slug: s.text for s in models.StatedEducation.objects.select_related("role")}
    assert stated == {
        "care-coordinator": "GED or Bachelor\u2019s degree",
        "care-manager": "Clinical Degree",
    }
    hwc = models.EducationRequirement.objects.filter(
        source_url="https://hwcollab.org/cm-prototype-scrolling/"
    )
    assert hwc.count() == 5
    assert not hwc.exclude(source_year=None).exists()
    assert set(hwc.filter(role__slug="care-manager").values_list("level", flat=True)) == {
        "license_rn", "license_lpn", "license_sw"
    }  # fmt: skip


def test_the_right_for_you_list_is_complete_and_sourced():
    load()
    fits = list(models.CareerFit.objects.all())
    assert len(fits) == 4  # the four items on https://hwcollab.org/care-coordinators/
    assert {f.source_url for f in fits} == {"https://hwcollab.org/care-coordinators/"}
    assert all(f.checked_on for f in fits)


def test_the_ten_hwc_job_titles_are_under_the_right_roles():
    load()
    titles = {(t.title, t.role.slug) for t in models.JobTitle.objects.select_related("role")}
    for title in [
        "Care Coordinator", "Community Care Coordinator", "Patient Care Coordinator",
        "Clinical Care Coordinator",
    ]:  # fmt: skip
        assert (title, "care-coordinator") in titles
    for title in [
        "Care Manager", "Nurse Care Manager", "Complex Care Manager", "Health Home Care Manager",
        "Case Manager", "RN Case Manager",
    ]:  # fmt: skip
        assert (title, "care-manager") in titles


def test_hwc_pay_ranges_claim_no_region_or_year_its_page_does_not_give():
    load()
    ranges = models.PayRange.objects.filter(
        source_url="https://hwcollab.org/cm-prototype-scrolling/"
    )
    assert {(r.low, r.high, r.unit, r.note) for r in ranges} == {
        (16, 38, "hourly", "Typical pay range"),
        (42000, 60000, "annual", "Typical salary range"),
    }
    assert all(r.region == "" and r.source_year is None for r in ranges)


def test_every_role_names_the_bls_occupations_its_pay_comes_from_with_a_source():
    load()
    documented = (Path(__file__).parents[2] / "docs" / "wages.md").read_text(encoding="utf-8")
    for role in models.Role.objects.prefetch_related("occupations"):
        occupations = list(role.occupations.all())
        assert occupations, role
        assert occupations[0].soc_code == role.soc_code, "the first one is the primary code"
        for occupation in occupations:
            occupation.full_clean()
            assert occupation.reason.strip()
            # Never a source of our own making: every URL is one docs/wages.md documents.
            assert occupation.source_url in documented, occupation.source_url
    crosswalk = {
        role.slug: [o.soc_code for o in role.occupations.all()]
        for role in models.Role.objects.prefetch_related("occupations")
    }
    assert crosswalk == {
        "care-coordinator": ["21-1094"],
        "care-manager": ["21-1022", "29-1141"],
    }


def test_database_refuses_a_pay_range_without_a_source():
    load()
    role = models.Role.objects.first()
    with pytest.raises(IntegrityError), transaction.atomic():
        models.PayRange.objects.create(
            role=role, low=1, high=2, unit="hourly", region="NY", source_name="",
            source_url="", source_year=2024,
        )  # fmt: skip


def test_pay_low_above_high_is_refused_in_plain_words():
    load()
    pay = models.PayRange.objects.first()
    pay.low, pay.high = 50, 40
    with pytest.raises(Exception, match="Pay low must be less than or equal to pay high"):
        pay.full_clean()


def test_loading_twice_changes_nothing():
    first = totals(load())
    assert first["created"] > 50
    before = snapshot()
    history_before = models.Role.history.count() + models.JobTitle.history.count()
    second = totals(load())
    assert second["created"] == 0 and second["updated"] == 0
    assert snapshot() == before
    assert models.Role.history.count() + models.JobTitle.history.count() == history_before


def test_a_staff_edit_survives_a_plain_rerun_and_force_restores_it():
    load()
    role = models.Role.objects.get(slug="care-manager")
    role.definition = "Edited by staff."
    role.save()
    title = models.JobTitle.objects.get(title="Care Navigator")
    title.title = "Care Navigator (renamed by staff)"
    title.save()
    count = models.JobTitle.objects.count()

    load()
    role.refresh_from_db()
    assert role.definition == "Edited by staff."
    assert models.JobTitle.objects.count() == count  # the renamed title was not made again
    assert models.JobTitle.objects.filter(title="Care Navigator (renamed by staff)").exists()

    counts = totals(load(force=True))
    role.refresh_from_db()
    assert role.definition.startswith("Care management is a process")
    assert models.JobTitle.objects.filter(title="Care Navigator").count() == 1
    assert models.JobTitle.objects.count() == count
    assert counts["updated"] == 2


def test_force_over_unchanged_rows_writes_nothing():
    load()
    before = snapshot()
    assert totals(load(force=True))["updated"] == 0
    assert snapshot() == before


def test_management_command_runs_twice_and_with_force():
    out = StringIO()
    call_command("load_content", stdout=out)
    call_command("load_content", stdout=out)
    call_command("load_content", "--force", stdout=out)
    # The third run (--force over unchanged rows) writes nothing: every row is kept.
    assert "careers.Role: kept: 2\n" in out.getvalue()
    assert "careers.Role: created: 2, translated: 2\n" in out.getvalue()


def test_a_load_reads_what_it_loaded_before_in_one_query():
    """Each row's record of an earlier load is looked up in memory, not with a query a row:
    one read of the records per run, however many rows (a first load made 3,112 queries
    before, 1,970 now)."""
    for _ in range(2):  # a first load, then a rerun that finds every record
        with CaptureQueriesContext(connection) as queries:
            call_command("load_content", stdout=StringIO())
        reads = [
            q["sql"]
            for q in queries.captured_queries
            if q["sql"].startswith("SELECT") and '"content_loadedcontent"' in q["sql"]
        ]
        assert len(reads) == 1, reads[:3]
