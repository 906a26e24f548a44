"""The committed starting extract and county mapping: loadable, sourced, idempotent."""

import csv
from decimal import Decimal

import pytest

from places.regions import REGION_BY_COUNTY
from wages.content import COUNTY_AREAS, EXTRACTS, load_starting_wages, read_county_areas
from wages.models import Area, CountyArea, Wage
from wages.oews import DEFAULT_SOC_CODES, Extract

pytestmark = pytest.mark.django_db


def snapshot():
    return [sorted(map(repr, model.objects.values())) for model in (Area, Wage, CountyArea)]


def test_extract_holds_every_new_york_area_and_default_soc_code():
    extract = Extract.from_json(EXTRACTS[0].read_text())
    assert extract.release == "May 2025"
    kinds = {a["kind"] for a in extract.areas}
    assert kinds == {"state", "metropolitan", "nonmetropolitan"}
    assert {w["soc_code"] for w in extract.wages} == set(DEFAULT_SOC_CODES)
    names = {a["name"] for a in extract.areas}
    assert "New York-Newark-Jersey City, NY-NJ" in names
    for row in extract.wages:
        for field, flag in row["flags"].items():
            assert row[field] is None, (
                f"{row['soc_code']} {field} is flagged {flag} yet has a number"
            )


def test_load_then_rerun_changes_nothing():
    counts = load_starting_wages()
    assert counts["created"] > 0 and counts["updated"] == 0
    before = snapshot()
    again = load_starting_wages()
    assert again["created"] == 0 and again["updated"] == 0
    assert snapshot() == before
    chw = Wage.objects.for_soc("21-1094").get(area__code="3600000")
    assert chw.annual_median == Decimal("58130") and chw.hourly_median == Decimal("27.95")


def test_edits_survive_a_rerun_and_force_restores_them():
    load_starting_wages()
    Wage.objects.filter(soc_code="21-1094", area__code="3600000").update(annual_median=1)
    load_starting_wages()
    assert Wage.objects.get(soc_code="21-1094", area__code="3600000").annual_median == 1
    counts = load_starting_wages(force=True)
    assert counts["updated"] == 1
    assert Wage.objects.get(soc_code="21-1094", area__code="3600000").annual_median == 58130


def test_every_county_mapping_is_a_new_york_county_with_a_source():
    rows = read_county_areas()
    assert len({r["county"] for r in rows}) == len(rows)
    for row in rows:
        assert row["county"] in REGION_BY_COUNTY
        assert row["source_url"].startswith("http") and row["source_name"]
        assert row["fips"].startswith("36") and len(row["fips"]) == 5
    load_starting_wages()
    for row in csv.DictReader(COUNTY_AREAS.read_text().splitlines()):
        mapping = CountyArea.objects.get(county=row["county"])
        assert mapping.area.code == row["area_code"]
        assert mapping.area.name == row["area_name"]  # the name BLS publishes for that code


def test_staff_can_look_the_figures_up_in_admin(admin_client):
    from django.urls import reverse

    load_starting_wages()
    for name in ("wage", "area", "countyarea", "footnote"):
        response = admin_client.get(reverse(f"admin:wages_{name}_changelist"))
        assert response.status_code == 200
    response = admin_client.get(reverse("admin:wages_wage_changelist"), {"q": "21-1094"})
    assert b"Community Health Workers" in response.content
