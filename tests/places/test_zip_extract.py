"""
The ZIP code table the site reads (places/data/zip_codes.csv) is the extract
`manage.py extract_zip_codes` writes from the `zipcodes` package, a test dependency only.
"""

import os
import subprocess
import sys

import pytest
from django.core.management import call_command

from places import geo


def test_the_committed_table_is_what_the_command_writes_from_the_package(tmp_path):
    output = tmp_path / "zip_codes.csv"
    call_command("extract_zip_codes", output=output, stdout=open(tmp_path / "log", "w"))
    assert output.read_text(encoding="utf-8") == geo.ZIP_TABLE.read_text(encoding="utf-8")


def test_lookups_answer_as_the_package_does():
    import zipcodes

    for zip_code in ("10001", "12207", "14201", "00501", "07001", "90210", "96799"):
        [package] = zipcodes.matching(zip_code)
        record = geo.zip_record(zip_code)
        assert record.state == package["state"]
        assert record.point == geo.Point(float(package["lat"]), float(package["long"]))
        if record.state == "NY":
            assert (record.city, record.county) == (package["city"], package["county"])
    assert geo.zip_state("07001") == "NJ" and not geo.is_new_york_zip("07001")
    assert geo.is_new_york_zip("12207")
    with pytest.raises(geo.ZipError, match="We don't know the ZIP code 00000"):
        geo.zip_record("00000")
    with pytest.raises(geo.ZipError, match="Enter a 5-digit ZIP code"):
        geo.zip_record("zip_c")  # the table's header is not a ZIP code


def test_a_city_center_is_the_average_of_its_standard_zip_codes():
    import zipcodes

    standard = [
        r for r in zipcodes.filter_by(city="Albany", state="NY") if r["zip_code_type"] == "STANDARD"
    ]
    point = geo.city_point("Albany")
    assert point.latitude == round(sum(float(r["lat"]) for r in standard) / len(standard), 5)
    assert point.longitude == round(sum(float(r["long"]) for r in standard) / len(standard), 5)
    with pytest.raises(geo.ZipError):
        geo.city_point("Atlantis")


def test_the_site_does_not_import_the_package():
    """A data package is read once by the command, never by a page (nor installed with the site)."""
    code = (
        "import django, sys; django.setup(); import config.urls; "
        "from places.geo import zip_point; zip_point('10001'); "
        "print('zipcodes' in sys.modules)"
    )
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings"}
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=environment
    )
    assert result.stdout.strip() == "False"
