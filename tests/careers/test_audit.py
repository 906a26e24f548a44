"""
`manage.py audit_content` on the starting content: every published row has a source and
the date it was checked, except rows deliberately marked "not yet verified", which are
counted apart and reported. The command is generic (content/audit.py finds the models
through the apps registry) and always exits 0.
"""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command

from careers import models
from content.audit import audit, audited_models
from employers.models import Employer, Location

pytestmark = pytest.mark.django_db


@pytest.fixture
def starting_content():
    call_command("load_content", stdout=StringIO())


def test_every_careers_model_is_audited():
    labels = {m._meta.label for m in audited_models()}
    for model in (
        models.Career, models.Role, models.JobTitle, models.Duty, models.WorkSetting,
        models.EducationRequirement, models.StatedEducation, models.Certification,
        models.CareerStep, models.RoleOccupation, models.PayRange, models.CareerFit,
    ):  # fmt: skip
        assert model._meta.label in labels
    assert not any(label.split(".")[1].startswith("Historical") for label in labels)


def test_every_content_model_with_a_source_is_audited_employer_locations_included():
    labels = {m._meta.label for m in audited_models()}
    assert {"employers.Employer", "employers.Location", "trainings.Training"} <= labels
    assert {"trainings.Provider"} <= labels


def test_no_published_starting_row_lacks_a_source_or_a_date(starting_content):
    results = audit()
    # Every kind of row the site publishes is counted, down to each employer's locations.
    assert results["employers.Location"].total == Location.objects.count() > 0
    gaps = {
        label: result.rows["no_source"] + result.rows["no_date"]
        for label, result in results.items()
        if result.rows["no_source"] or result.rows["no_date"]
    }
    assert not gaps, gaps


def test_rows_marked_not_yet_verified_are_counted_apart_with_their_reason(starting_content):
    results = audit()
    unverified = {
        label: result.rows["unverified"]
        for label, result in results.items()
        if result.rows["unverified"]
    }
    # Today's starting content: three job titles and one occupation nobody could check, and
    # the employer locations whose street address no first-party page or register gives.
    careers = {label: rows for label, rows in unverified.items() if label.startswith("careers.")}
    assert sum(len(rows) for rows in careers.values()) == 4, careers
    locations = unverified["employers.Location"]
    assert len(locations) == Location.objects.filter(checked_on__isnull=True).count() > 0
    assert set(unverified) == set(careers) | {"employers.Location"}
    for rows in unverified.values():
        assert all(reason for _pk, _name, reason in rows)


def test_a_location_with_no_source_is_a_gap_and_follows_its_employer(starting_content):
    location = Location.objects.filter(checked_on__isnull=False).first()
    Location.objects.filter(pk=location.pk).update(source_url="")
    assert [row[0] for row in audit()["employers.Location"].rows["no_source"]] == [location.pk]

    # A location of a draft employer is not published, so the audit leaves it out.
    total = audit()["employers.Location"].total
    Employer.objects.filter(pk=location.employer_id).update(status="draft")
    hidden = Location.objects.filter(employer_id=location.employer_id).count()
    result = audit()["employers.Location"]
    assert result.total == total - hidden
    assert not result.rows["no_source"]


def test_a_row_with_no_date_and_no_reason_is_a_gap_not_a_decision(starting_content):
    title = models.JobTitle.objects.get(title="Case Manager")
    title.checked_on = None
    title.save()
    assert len(audit()["careers.JobTitle"].rows["no_date"]) == 1


def test_old_checks_are_reported_as_stale(starting_content):
    models.Duty.objects.update(checked_on=datetime.date(2020, 1, 1))
    result = audit()["careers.Duty"]
    assert result.count("stale") == result.total > 0


def test_command_prints_a_line_per_model_and_totals_and_exits_0(starting_content):
    out = StringIO()
    call_command("audit_content", stdout=out)  # raises SystemExit on a non-zero exit
    text = out.getvalue()
    assert "careers.JobTitle: 24 published, 21 ok, " in text
    assert "3 not yet verified (marked)" in text
    assert text.strip().splitlines()[-1].startswith("Total: ")
    assert "Care Navigator" in text  # the rows themselves are listed


def test_draft_rows_are_not_audited(starting_content):
    models.Career.objects.update(status="draft")
    assert audit()["careers.Career"].total == 0
    assert audit()["careers.Role"].total == 0
