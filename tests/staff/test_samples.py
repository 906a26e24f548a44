"""samples/*.csv, the example files of the admin's CSV import, are the starting content as
the export writes it: importing one never writes stale text over verified rows. They had
drifted: older descriptions, British spellings and a role a row no longer has."""

import io

import pytest
from django.core.management import call_command

from content.management.commands.export_samples import sample_resources
from tests.staff.test_import_export import SAMPLES

pytestmark = pytest.mark.django_db


def test_the_samples_are_the_starting_content(tmp_path):
    call_command("load_content", stdout=io.StringIO())
    call_command("export_samples", "--to", str(tmp_path), stdout=io.StringIO())
    names = sorted(resource.sample for resource in sample_resources())
    assert names == ["employers", "locations", "providers", "trainings"]
    for name in names:
        written = (tmp_path / f"{name}.csv").read_text(encoding="utf-8")
        assert written == (SAMPLES / f"{name}.csv").read_text(encoding="utf-8"), (
            f"samples/{name}.csv differs from the starting content: run `make samples`"
        )
