"""`manage.py import_wages`: reads the OEWS SQLite file, keeps flags as flags, is idempotent."""

import json
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from tests.wages.conftest import SOC_CODES, build_oews_sqlite
from wages import oews
from wages.models import Area, Flag, Footnote, Wage

pytestmark = pytest.mark.django_db


def run(*args):
    out = StringIO()
    call_command("import_wages", *[str(a) for a in args], stdout=out)
    return out.getvalue()


def snapshot():
    return sorted((tuple(sorted(row.items())) for row in Wage.objects.values()), key=repr) + sorted(
        Area.objects.values_list("code", "name", "kind")
    )


def test_import_creates_new_york_rows_only(oews_file):
    output = run(oews_file, "--soc", ",".join(SOC_CODES))
    assert "wages: 6 created, 0 updated, 0 unchanged" in output
    assert set(Area.objects.values_list("code", flat=True)) == {
        "0010580", "0027060", "0035620", "3600000", "3600001",
    }  # fmt: skip
    assert not Area.objects.filter(name__contains="OH").exists()
    assert Area.objects.get(code="3600000").kind == Area.Kind.STATE
    assert Area.objects.get(code="3600001").kind == Area.Kind.NONMETROPOLITAN
    assert Area.objects.get(code="0035620").kind == Area.Kind.METROPOLITAN

    chw = Wage.objects.for_soc("211094").get(area__code="3600000")
    assert (chw.soc_code, chw.soc_title, chw.release) == (
        "21-1094", "Community Health Workers", "May 2025",
    )  # fmt: skip
    assert chw.employment == 5800
    assert chw.annual_median == Decimal("58130")
    assert chw.hourly_median == Decimal("27.95")
    assert chw.annual_p10 == Decimal("44310") and chw.annual_p90 == Decimal("87980")
    assert chw.flags == {}
    assert Footnote.objects.get(release="May 2025", code="5").thresholds() == (
        Decimal("115.00"), Decimal("239200"),
    )  # fmt: skip


def test_second_run_changes_nothing_and_says_so(oews_file):
    run(oews_file, "--soc", ",".join(SOC_CODES))
    before = snapshot()
    output = run(oews_file, "--soc", ",".join(SOC_CODES))
    assert snapshot() == before
    assert "wages: 0 created, 0 updated, 6 unchanged" in output
    assert "Nothing changed" in output


def test_a_changed_figure_is_updated(oews_file, tmp_path):
    run(oews_file, "--soc", "21-1094")
    Wage.objects.filter(area__code="3600000").update(annual_median=Decimal("1"))
    output = run(oews_file, "--soc", "21-1094")
    assert "wages: 0 created, 1 updated, 2 unchanged" in output
    assert Wage.objects.get(area__code="3600000").annual_median == Decimal("58130")


def test_gzipped_file_gives_the_same_rows(oews_file, oews_gz):
    run(oews_gz, "--soc", ",".join(SOC_CODES))
    from_gz = snapshot()
    output = run(oews_file, "--soc", ",".join(SOC_CODES))
    assert "Nothing changed" in output
    assert snapshot() == from_gz


def test_footnoted_figures_are_flags_not_numbers(oews_file):
    run(oews_file, "--soc", ",".join(SOC_CODES))
    crna = Wage.objects.get(soc_code="29-1151", area__code="0010580")
    assert crna.employment == 170
    for unit in ("hourly", "annual"):
        for key in ("mean", "p10", "p25", "median", "p75", "p90"):
            assert getattr(crna, f"{unit}_{key}") is None
            assert crna.flag(f"{unit}_{key}") == Flag.TOP_CODED
    managers = Wage.objects.get(soc_code="11-9111", area__code="0027060")
    assert managers.employment is None
    assert managers.flags == {"employment": "not_released"}
    assert managers.annual_median == Decimal("128050")
    dancers = Wage.objects.get(soc_code="27-2031", area__code="0010580")
    assert dancers.hourly_median == Decimal("16.15")
    assert dancers.annual_median is None and dancers.flag("annual_median") == Flag.PAY_BASIS


def test_default_soc_codes_come_from_the_setting(oews_file, settings):
    settings.WAGES_SOC_CODES = ["21-1094"]
    run(oews_file)
    assert set(Wage.objects.values_list("soc_code", flat=True)) == {"21-1094"}


def test_write_extract_writes_json_and_leaves_the_database_alone(oews_file, tmp_path):
    target = tmp_path / "extract.json"
    output = run(oews_file, "--soc", ",".join(SOC_CODES), "--write-extract", target)
    assert "Wrote 6 row(s)" in output
    assert not Wage.objects.exists()
    data = json.loads(target.read_text())
    assert data["release"] == "May 2025"
    assert len(data["wages"]) == 6 and len(data["areas"]) == 5
    extract = oews.Extract.from_json(target.read_text())
    oews.save(extract)
    run(oews_file, "--soc", ",".join(SOC_CODES))
    assert Wage.objects.count() == 6  # the extract holds exactly what the file holds


def test_unknown_soc_code_and_bad_files_are_clear_errors(oews_file, tmp_path):
    with pytest.raises(CommandError, match="29-9999"):
        run(oews_file, "--soc", "29-9999")
    with pytest.raises(CommandError, match="6-digit SOC code"):
        run(oews_file, "--soc", "nurse")
    not_sqlite = tmp_path / "notes.txt"
    not_sqlite.write_text("hello")
    with pytest.raises(CommandError, match="Cannot import"):
        run(not_sqlite)
    with pytest.raises(CommandError, match="No file"):
        run(tmp_path / "missing.sqlite")


def test_release_must_be_known(tmp_path):
    path = build_oews_sqlite(tmp_path / "no-meta.sqlite", meta=[])
    with pytest.raises(CommandError, match="release"):
        run(path, "--soc", "21-1094")
    run(path, "--soc", "21-1094", "--release", "May 2025")
    assert Wage.objects.filter(release="May 2025").count() == 3


@pytest.mark.parametrize(
    ("areatype", "state", "name", "expected"),
    [
        ("S", "36", "New York", True),
        ("S", "34", "New Jersey", False),
        ("M", "36", "Ithaca, NY", True),
        ("M", "36", "Capital/Northern New York nonmetropolitan area", True),
        ("M", "42", "Example, PA-NY", True),  # a multi-state metro filed under another state
        ("M", "34", "Trenton-Princeton, NJ", False),
        ("N", "00", "National", False),
    ],
)
def test_which_areas_are_new_york(areatype, state, name, expected):
    assert oews.is_new_york_area(areatype, state, name) is expected
