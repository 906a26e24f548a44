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
from content.audit import audit, audited_models, translation_audit
from employers.models import Employer, Location
from tests.db import loaded_once
from tests.trainings.factories import TrainingFactory

pytestmark = pytest.mark.django_db


def load_starting_content():
    call_command("load_content", stdout=StringIO())


starting_content = loaded_once(load_starting_content)


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
    assert any(line.startswith("Total: ") for line in text.splitlines())
    assert text.strip().splitlines()[-1].startswith("Spanish: ")
    assert "Care Navigator" in text  # the rows themselves are listed


def test_draft_rows_are_not_audited(starting_content):
    models.Career.objects.update(status="draft")
    assert audit()["careers.Career"].total == 0
    assert audit()["careers.Role"].total == 0


def test_rows_without_spanish_are_listed_and_counted_per_model(starting_content):
    # The starting careers content has Spanish everywhere; trainings' descriptions do not yet.
    results = translation_audit("es")
    assert results["careers.Role"].total == 2 and results["careers.Role"].missing == []
    role = models.Role.objects.get(slug="care-manager")
    role.focus_es = ""
    role.save()
    training = TrainingFactory(description="Learn it.", prerequisites="")
    results = translation_audit("es")
    assert results["careers.Role"].missing == [(role.pk, str(role), ["focus"])]
    missing = {pk: fields for pk, _name, fields in results["trainings.Training"].missing}
    assert missing[training.pk] == ["description"]  # an empty English field needs no Spanish

    out = StringIO()
    call_command("audit_content", stdout=out)
    text = out.getvalue()
    assert f"careers.Role #{role.pk} 'Care manager': no Spanish (focus)" in text
    assert "careers.Role: 2 published, 1 without Spanish" in text

    out = StringIO()
    call_command("audit_content", "--summary", stdout=out)
    summary = out.getvalue()
    assert "careers.Role: 2 published, 1 without Spanish" in summary
    assert "no Spanish (focus)" not in summary
    assert "consent.Category: 5 published, 0 without Spanish" in summary


def test_draft_rows_need_no_spanish_yet(starting_content):
    role = models.Role.objects.get(slug="care-manager")
    role.focus_es = ""
    role.status = "draft"
    role.save()
    assert translation_audit("es")["careers.Role"].missing == []


def test_the_spanish_audit_counts_each_published_row_once_as_the_source_audit_does(
    starting_content,
):
    # Rows published through several parents (a duty or setting shared by both roles) are
    # one row each, in both halves of the report.
    sources = {label: result.total for label, result in audit().items()}
    spanish = translation_audit("es")
    for label in ("careers.Duty", "careers.WorkSetting", "careers.Certification"):
        assert spanish[label].total == sources[label] > 0, label
