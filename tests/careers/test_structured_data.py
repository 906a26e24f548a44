"""schema.org Occupation JSON-LD on role pages."""

import json
import re

import pytest

from careers.content import load
from careers.models import Role
from tests.careers.factories import JobTitleFactory, PayRangeFactory, RoleFactory
from wages.content import load_starting_wages
from wages.models import Wage

pytestmark = pytest.mark.django_db


def occupation(client, role):
    html = client.get(role.get_absolute_url()).content.decode()
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(blocks) == 1
    return json.loads(blocks[0])


def test_role_page_carries_valid_occupation_json_ld(client):
    load_starting_wages()
    load()
    role = Role.objects.get(slug="care-coordinator")
    data = occupation(client, role)
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Occupation"
    assert data["name"] == "Care coordinator"
    assert data["description"].startswith("Care coordination is the process")
    assert [c["codeValue"] for c in data["occupationalCategory"]] == ["21-1094"]
    assert data["occupationalCategory"][0]["name"] == "Community Health Workers"
    assert data["educationRequirements"][0]["credentialCategory"] == "High school diploma or GED"
    wage = Wage.objects.get(soc_code="21-1094", area__code="3600000")
    (salary,) = data["estimatedSalary"]
    assert salary["@type"] == "MonetaryAmountDistribution"
    assert salary["currency"] == "USD"
    assert salary["duration"] == "P1Y"
    assert salary["median"] == float(wage.annual_median) == 58130
    assert (salary["percentile10"], salary["percentile25"]) == (44310, 50350)
    assert (salary["percentile75"], salary["percentile90"]) == (70390, 87980)
    assert "May 2025" in salary["name"] and "New York State" in salary["name"]
    assert len(data["responsibilities"]) >= 6
    assert data["occupationLocation"] == {"@type": "State", "name": "New York"}
    assert "Care Navigator" in data["alternateName"]


def test_every_soc_code_used_is_an_occupational_category_and_the_primary_drives_the_pay(client):
    load_starting_wages()
    load()
    data = occupation(client, Role.objects.get(slug="care-manager"))
    assert [c["codeValue"] for c in data["occupationalCategory"]] == ["21-1022", "29-1141"]
    wage = Wage.objects.get(soc_code="21-1022", area__code="3600000")
    assert data["estimatedSalary"][0]["median"] == float(wage.annual_median)


def test_a_flagged_figure_is_left_out_of_the_json_ld_never_a_number(client):
    load_starting_wages()
    load()
    wage = Wage.objects.get(soc_code="21-1022", area__code="3600000")
    wage.annual_p90, wage.flags = None, {"annual_p90": "top_coded"}
    wage.save()
    data = occupation(client, Role.objects.get(slug="care-manager"))
    assert "percentile90" not in data["estimatedSalary"][0]
    assert data["estimatedSalary"][0]["percentile75"] == float(wage.annual_p75)


def test_the_hwc_ranges_are_not_presented_as_a_salary_estimate(client):
    load()  # no BLS figures loaded: no estimatedSalary at all
    data = occupation(client, Role.objects.get(slug="care-manager"))
    assert "estimatedSalary" not in data


def test_json_ld_cannot_close_its_script_block(client):
    role = RoleFactory(definition="</script><script>alert(1)</script> & more")
    JobTitleFactory(role=role, title="<!-- x -->")
    PayRangeFactory(role=role)
    html = client.get(role.get_absolute_url()).content.decode()
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    assert "<" not in block and ">" not in block and "&" not in block
    assert json.loads(block)["description"].startswith("</script>")


def test_role_without_a_soc_code_has_no_occupational_category(client):
    data = occupation(client, RoleFactory(soc_code=""))
    assert "occupationalCategory" not in data
