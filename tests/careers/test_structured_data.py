"""schema.org Occupation JSON-LD on role pages."""

import json
import re

import pytest

from careers.content import load
from careers.models import Role
from tests.careers.factories import JobTitleFactory, PayRangeFactory, RoleFactory

pytestmark = pytest.mark.django_db


def occupation(client, role):
    html = client.get(role.get_absolute_url()).content.decode()
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(blocks) == 1
    return json.loads(blocks[0])


def test_role_page_carries_valid_occupation_json_ld(client):
    load()
    role = Role.objects.get(slug="care-coordinator")
    data = occupation(client, role)
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Occupation"
    assert data["name"] == "Care coordinator"
    assert data["description"].startswith("Care coordination is the process")
    assert data["occupationalCategory"]["codeValue"] == "21-1093"
    assert data["educationRequirements"][0]["credentialCategory"] == "High school diploma or GED"
    salary = data["estimatedSalary"][0]
    assert salary["@type"] == "MonetaryAmountDistribution"
    assert salary["currency"] == "USD"
    assert salary["duration"] == "P1H"
    assert (salary["minValue"], salary["maxValue"]) == (16, 38)
    assert len(data["responsibilities"]) >= 6
    assert data["occupationLocation"] == {"@type": "State", "name": "New York"}
    assert "Care Navigator" in data["alternateName"]


def test_annual_pay_is_a_yearly_duration(client):
    load()
    data = occupation(client, Role.objects.get(slug="care-manager"))
    assert data["estimatedSalary"][0]["duration"] == "P1Y"
    assert data["estimatedSalary"][0]["minValue"] == 42000


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
