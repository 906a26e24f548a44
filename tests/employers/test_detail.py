"""Acceptance 6: the employer page, its <address> elements and its Organization JSON-LD."""

import datetime
import json
import re

import pytest
from django.conf import settings
from django.urls import NoReverseMatch

from content.models import Status
from tests.careers.factories import RoleFactory, WorkSettingFactory
from tests.employers.factories import EmployerFactory, LocationFactory

pytestmark = pytest.mark.django_db

LD_JSON = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def ld(response):
    blocks = LD_JSON.findall(response.content.decode())
    assert len(blocks) == 1
    return json.loads(blocks[0])


@pytest.fixture
def employer():
    role = RoleFactory(name="Care coordinator", slug="care-coordinator")
    employer = EmployerFactory(
        name="Hudson Health Home",
        slug="hudson-health-home",
        description="Care management for Medicaid members.",
        website="https://hudson.example.org/",
        careers_url="https://hudson.example.org/jobs/",
        source_name="State list of Health Homes",
        source_url="https://health.example.gov/health-homes/",
        roles=[role],
        settings=[WorkSettingFactory(name="Health Home", slug="health-home")],
    )
    LocationFactory(
        employer=employer,
        name="Albany office",
        address="12 State Street",
        city="Albany",
        county="Albany",
        zip_code="12208",
        phone="518-555-0100",
        source_name="Hudson Health Home: Contact us",
        source_url="https://hudson.example.org/contact/",
        checked_on=datetime.date(2026, 3, 5),
    )
    LocationFactory(
        employer=employer,
        name="Troy office",
        address="",
        city="Troy",
        county="Rensselaer",
        zip_code="12180",
        source_name="Troy Record (2019)",
        source_url="https://news.example.com/troy-office/",
        unverified_reason="No page of the employer's gives this office's address.",
    )
    return employer


def test_detail_page_shows_the_employer_its_locations_roles_and_sources(client, employer):
    response = client.get("/employers/hudson-health-home/")
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("<h1") == 1
    assert "<h1>Hudson Health Home</h1>" in html
    assert html.count("<address>") == 2
    address = re.search(r"<address>(.*?)</address>", html, re.S).group(1)
    assert "12 State Street" in address
    assert "Albany, NY 12208" in address
    assert "Capital Region" in address
    assert 'href="https://hudson.example.org/jobs/" rel="noopener"' in html
    assert 'href="https://health.example.gov/health-homes/" rel="noopener"' in html
    assert "State list of Health Homes" in html
    assert "Last verified on" in html
    assert "Care coordinator" in html
    assert "Health Home" in html


def test_each_location_shows_where_its_address_comes_from_and_when_it_was_checked(client, employer):
    html = client.get(employer.get_absolute_url()).content.decode()
    cards = re.findall(r'<li class="card">(.*?)</li>', html, re.S)
    albany = next(card for card in cards if "Albany office" in card)
    troy = next(card for card in cards if "Troy office" in card)
    assert (
        'Source: <a href="https://hudson.example.org/contact/">Hudson Health Home: Contact us'
        "</a>, checked March 2026." in albany
    )
    assert "not yet verified" not in albany
    assert 'Source: <a href="https://news.example.com/troy-office/">Troy Record (2019)</a>' in troy
    assert '<strong class="unverified">(not yet verified)</strong>' in troy
    assert "checked" not in troy


def test_roles_link_to_their_role_pages_once_those_pages_exist(client, employer):
    role = employer.roles.get()
    html = client.get(employer.get_absolute_url()).content.decode()
    try:
        url = role.get_absolute_url()
    except NoReverseMatch:  # the careers pages are another branch's work
        url = None
    if url:
        assert f'<a href="{url}">Care coordinator</a>' in html
    else:
        assert "<li>Care coordinator</li>" in html


def test_detail_page_carries_organization_json_ld_with_each_location(client, employer):
    data = ld(client.get(employer.get_absolute_url()))
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Organization"
    assert data["name"] == "Hudson Health Home"
    assert data["url"] == "https://hudson.example.org/"
    assert data["description"] == "Care management for Medicaid members."
    assert len(data["location"]) == 2
    albany = next(p for p in data["location"] if p["name"] == "Albany office")
    assert albany["@type"] == "Place"
    assert albany["telephone"] == "518-555-0100"
    assert albany["address"] == {
        "@type": "PostalAddress",
        "streetAddress": "12 State Street",
        "addressLocality": "Albany",
        "addressRegion": "NY",
        "postalCode": "12208",
        "addressCountry": "US",
    }
    assert albany["geo"]["@type"] == "GeoCoordinates"
    assert [a["addressLocality"] for a in data["address"]] == ["Albany", "Troy"]
    troy = next(p for p in data["location"] if p["name"] == "Troy office")
    assert "streetAddress" not in troy["address"]


def test_json_ld_cannot_break_out_of_its_script_element(client):
    employer = EmployerFactory(name="</script><script>alert(1)</script> & Co")
    response = client.get(employer.get_absolute_url())
    html = response.content.decode()
    block = LD_JSON.findall(html)[0]
    assert "<" not in block and ">" not in block and "&" not in block
    assert ld(response)["name"] == "</script><script>alert(1)</script> & Co"
    assert "<script>alert(1)" not in html


def test_without_a_website_the_json_ld_url_is_the_page_itself(client):
    employer = EmployerFactory(slug="no-site", website="", careers_url="")
    data = ld(client.get(employer.get_absolute_url()))
    assert data["url"] == "http://testserver/employers/no-site/"


def test_draft_employer_is_404_for_the_public(client):
    employer = EmployerFactory(status=Status.DRAFT)
    assert client.get(employer.get_absolute_url()).status_code == 404


def test_staff_preview_a_draft_employer_with_the_draft_bar(admin_client):
    employer = EmployerFactory(status=Status.DRAFT)
    response = admin_client.get(employer.get_absolute_url())
    assert response.status_code == 200
    assert "Draft preview" in response.content.decode()


def test_unknown_employer_is_404(client):
    assert client.get("/employers/no-such-employer/").status_code == 404


def test_list_links_each_result_to_its_detail_page(client, employer):
    html = client.get("/employers/").content.decode()
    assert 'href="/employers/hudson-health-home/"' in html


def test_notes_for_editors_stay_off_the_public_page(client, admin_client):
    employer = EmployerFactory(slug="noted-employer")
    location = LocationFactory(
        employer=employer,
        coordinates_note="Map position is the center of ZIP code 12207 (zipcodes package).",
    )
    html = client.get(employer.get_absolute_url()).content.decode()
    assert "zipcodes package" not in html
    assert "Map position" not in html
    # Editors still see where the map position comes from, in the admin.
    admin_url = f"/{settings.ADMIN_URL}employers/employer/{employer.pk}/change/"
    admin_html = admin_client.get(admin_url).content.decode()
    assert location.coordinates_note in admin_html


def test_the_roles_it_hires_for_name_the_page_that_says_so(client, employer):
    employer.roles_source_name = "Hudson Health Home: Care Manager posting"
    employer.roles_source_url = "https://hudson.example.org/jobs/care-manager/"
    employer.checked_on = datetime.date(2026, 11, 2)
    employer.save()
    html = client.get(employer.get_absolute_url()).content.decode()
    roles = html.split("<h2>Roles it hires for</h2>", 1)[1].split("<h2>", 1)[0]
    assert (
        'Source: <a href="https://hudson.example.org/jobs/care-manager/">Hudson Health Home: '
        "Care Manager posting</a>, checked November 2026."
    ) in roles


def test_roles_with_no_page_named_say_not_yet_verified(client, employer):
    html = client.get(employer.get_absolute_url()).content.decode()
    roles = html.split("<h2>Roles it hires for</h2>", 1)[1].split("<h2>", 1)[0]
    assert "no source recorded" in roles and "(not yet verified)" in roles
    assert "checked" not in roles
