"""One training: its facts, provider, roles, last-verified date, outbound link and JSON-LD."""

import datetime
import json
import re
from decimal import Decimal

import pytest

from content.models import Status
from tests.careers.factories import RoleFactory
from tests.trainings.factories import ProviderFactory, TrainingFactory
from trainings.models import Training

pytestmark = pytest.mark.django_db


@pytest.fixture
def training():
    role = RoleFactory(name="Care coordinator", soc_code="21-1094")
    other = RoleFactory(name="Care manager", soc_code="")
    provider = ProviderFactory(
        name="Bronx College",
        address="500 Grand Concourse",
        city="Bronx",
        county="Bronx",
        zip_code="10451",
        website="https://bronx.example.edu/",
    )
    return TrainingFactory(
        provider=provider,
        title="Community Health Worker <Certificate>",
        slug="chw",
        kind=Training.Kind.CERTIFICATE,
        credential="Certificate of completion",
        delivery=Training.Delivery.HYBRID,
        schedule=Training.Schedule.EVENING,
        length_weeks=12,
        cost_low=Decimal("400"),
        cost_high=Decimal("900"),
        funding_notes="WIOA funding for eligible learners.",
        prerequisites="High school diploma or HSE.",
        next_start_date=datetime.date(2027, 2, 1),
        languages="en,es",
        url="https://bronx.example.edu/chw",
        description="Learn outreach & navigation.",
        checked_on=datetime.date(2026, 11, 20),
        roles=[role, other],
    )


def ld_json(html):
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert match, "no JSON-LD block"
    return json.loads(match.group(1))


def test_detail_page_shows_the_training(client, training):
    response = client.get("/trainings/chw/")
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("<h1") == 1
    assert "Community Health Worker &lt;Certificate&gt;" in html  # escaped
    assert "Bronx College" in html
    assert "500 Grand Concourse" in html
    assert "$400 to $900" in html
    assert "English, Spanish" in html
    assert "Care coordinator" in html and "Care manager" in html
    assert 'Last verified: <time datetime="2026-11-20">November 20, 2026</time>' in html


def test_outbound_links_open_without_opener(client, training):
    html = client.get("/trainings/chw/").content.decode()
    link = re.search(r'<a class="button" href="https://bronx.example.edu/chw"[^>]*>', html)
    assert link and 'rel="noopener noreferrer external"' in link.group(0)


def test_detail_page_carries_educational_occupational_program_json_ld(client, training):
    data = ld_json(client.get("/trainings/chw/").content.decode())
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "EducationalOccupationalProgram"
    assert data["name"] == "Community Health Worker <Certificate>"
    assert data["description"] == "Learn outreach & navigation."
    assert data["url"] == "https://bronx.example.edu/chw"
    assert data["mainEntityOfPage"] == "http://testserver/trainings/chw/"
    assert data["provider"] == {
        "@type": "EducationalOrganization",
        "name": "Bronx College",
        "url": "https://bronx.example.edu/",
        "address": {
            "@type": "PostalAddress",
            "streetAddress": "500 Grand Concourse",
            "addressLocality": "Bronx",
            "addressRegion": "NY",
            "postalCode": "10451",
            "addressCountry": "US",
        },
    }
    assert data["educationalCredentialAwarded"] == "Certificate of completion"
    assert data["educationalProgramMode"] == "blended"
    assert data["timeToComplete"] == "P12W"
    assert data["startDate"] == "2027-02-01"
    assert data["programPrerequisites"] == "High school diploma or HSE."
    assert data["financialAidEligible"] == "WIOA funding for eligible learners."
    assert data["inLanguage"] == ["en", "es"]
    assert data["offers"] == {
        "@type": "AggregateOffer",
        "lowPrice": "400.00",
        "highPrice": "900.00",
        "priceCurrency": "USD",
    }
    assert data["occupationalCategory"] == [
        {
            "@type": "CategoryCode",
            "name": "Care coordinator",
            "codeValue": "21-1094",
            "inCodeSet": "https://www.bls.gov/soc/2018/",
        },
        "Care manager",
    ]


def test_json_ld_escapes_markup_so_it_cannot_end_the_script(client, training):
    training.description = "</script><script>alert(1)</script>"
    training.save()
    html = client.get("/trainings/chw/").content.decode()
    assert "</script><script>alert(1)" not in html
    assert ld_json(html)["description"] == "</script><script>alert(1)</script>"


def test_json_ld_of_a_free_professional_course_with_unknown_details(client):
    training = TrainingFactory(
        slug="free",
        kind=Training.Kind.PROFESSIONAL_DEVELOPMENT,
        credential="CCCTM preparation",
        is_free=True,
        cost_low=None,
        cost_high=None,
        length_weeks=None,
        next_start_date=None,
        delivery="",
        provider=ProviderFactory(address="", city="", county="", zip_code=""),
    )
    data = ld_json(client.get(training.get_absolute_url()).content.decode())
    assert data["offers"] == {"@type": "Offer", "price": "0", "priceCurrency": "USD"}
    assert data["occupationalCredentialAwarded"] == "CCCTM preparation"
    for missing in ("timeToComplete", "startDate", "educationalProgramMode"):
        assert missing not in data
    assert "address" not in data["provider"]


def test_unknown_details_say_not_stated_by_the_provider(client):
    training = TrainingFactory(cost_low=None, cost_high=None, credential="", schedule="")
    html = client.get(training.get_absolute_url()).content.decode()
    assert "Cost</dt><dd>Not stated by the provider</dd>" in html  # after its icon
    assert "<dt>Credential earned</dt><dd>Not stated by the provider</dd>" in html
    assert "<dt>Schedule</dt><dd>Not stated by the provider</dd>" in html
    assert "Not published" not in html


def test_draft_training_is_404_for_the_public(client):
    draft = TrainingFactory(status=Status.DRAFT)
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_staff_preview_a_draft_training_with_the_draft_bar(client, admin_user):
    draft = TrainingFactory(status=Status.DRAFT)
    client.force_login(admin_user)
    response = client.get(draft.get_absolute_url())
    assert response.status_code == 200
    assert "Draft preview" in response.content.decode()


def test_unknown_training_is_404(client):
    assert client.get("/trainings/no-such-training/").status_code == 404


def test_detail_page_query_count_is_fixed(client, training, django_assert_max_num_queries):
    with django_assert_max_num_queries(4):
        client.get("/trainings/chw/")
