"""The careers pages through Django's test client: content, drafts, links, formats."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse

from careers import models
from careers.content import load
from tests.careers.factories import (
    CareerFactory,
    EducationRequirementFactory,
    JobTitleFactory,
    PayRangeFactory,
    RoleFactory,
)
from tests.db import loaded_once
from tests.sitemaps import sitemap_xml

pytestmark = pytest.mark.django_db

CAREER = "care-management-care-coordination"


loaded = loaded_once(load)


@pytest.fixture
def content(loaded):
    return models.Career.objects.get(slug=CAREER)


@pytest.fixture
def staff_client(client):
    user = get_user_model().objects.create_user("editor", password="x", is_staff=True)
    # Staff preview drafts of what they may view in the admin (the Editor group may).
    user.groups.add(Group.objects.get(name="Editor"))
    client.force_login(user)
    return client


def text(response):
    return re.sub(r"\s+", " ", response.content.decode())


def test_url_names_reverse_to_the_documented_paths():
    assert reverse("careers:home") == "/"
    assert reverse("careers:career_list") == "/careers/"
    assert reverse("careers:career_detail", kwargs={"career": "x"}) == "/careers/x/"
    assert reverse("careers:role_detail", kwargs={"career": "x", "role": "y"}) == "/careers/x/y/"
    assert reverse("careers:career_compare", kwargs={"career": "x"}) == "/careers/x/compare/"


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/careers/",
        f"/careers/{CAREER}/",
        f"/careers/{CAREER}/care-coordinator/",
        f"/careers/{CAREER}/care-manager/",
        f"/careers/{CAREER}/compare/",
    ],
)
def test_every_page_renders_from_the_database_with_one_h1(client, content, path):
    response = client.get(path)
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("<h1") == 1
    assert "Care" in html


def test_start_page_offers_every_choice(client, content):
    html = text(client.get("/"))
    assert "Select what you want to do" in html
    for href in (
        "/careers/",
        f"/careers/{CAREER}/compare/",
        "/trainings/",
        "/employers/",
        "/trainings/guide/",
    ):
        assert f'href="{href}"' in html


def test_compare_is_not_taken_for_a_role_slug(client, content):
    response = client.get(f"/careers/{CAREER}/compare/")
    assert response.status_code == 200
    assert "Compare the roles" in text(response)
    assert response.resolver_match.url_name == "career_compare"


def test_role_slug_compare_is_refused_in_plain_words():
    role = RoleFactory.build(slug="compare", career=CareerFactory())
    with pytest.raises(Exception, match="page of each career"):
        role.full_clean()


def test_career_page_shows_definitions_sources_and_shared_duties(client, content):
    html = text(client.get(content.get_absolute_url()))
    assert "Care coordination is the process of organizing" in html
    # HWC names no source for its definitions: the site credits HWC, not AHRQ.
    assert "ahrq.gov" not in html
    assert re.search(
        r'Definition, quoted\. <span class="source">Source: '
        r'<a href="https://hwcollab.org/cm-prototype-scrolling/">[^<]+</a>, checked \w+ 20\d\d\.',
        html,
    )
    assert "Job titles include:" in html
    assert "Health Home Care Manager" in html
    assert "What they do" in html and '<span class="badge">both</span>' in html
    assert "The key difference" in html
    assert "Working with patients, families and caregivers" in html
    assert "Health Homes and care management agencies" in html


def test_career_page_links_to_trainings_and_employers_by_slug(client, content):
    html = text(client.get(content.get_absolute_url()))
    assert f'href="/trainings/?career={CAREER}"' in html
    assert 'href="/employers/?role=care-coordinator"' in html
    assert 'href="/employers/?role=care-manager"' in html
    # The featured section is there; test_featured_trainings checks what it lists.
    assert "Featured trainings" in html
    assert 'href="/trainings/"' in html


def test_hwc_pay_is_shown_as_it_states_it_without_a_region_or_year(client, content):
    html = text(client.get(content.get_absolute_url()))
    assert (
        "$16\u2013$38 an hour</strong> (\u201cTypical pay range\u201d). "
        '<span class="source">As stated by <a href="https://hwcollab.org/cm-prototype-scrolling/">'
    ) in html
    assert "$42,000\u2013$60,000 a year</strong> (\u201cTypical salary range\u201d). " in html
    assert "New York State, 2024" not in html


def test_education_is_shown_as_typical_but_not_always_with_source_and_year(client, content):
    role = content.roles.get(slug="care-coordinator")
    html = text(client.get(role.get_absolute_url()))
    assert 'Typical required education <span class="muted">(but not always)</span>' in html
    assert "High school diploma or GED</strong>" in html
    assert "typical (but not always)" in html
    # HWC's own words first, then our detail with its source; no year HWC does not give.
    assert "<strong>\u201cGED or Bachelor\u2019s degree\u201d</strong>" in html
    assert re.search(
        r"Written by our editors from <a href=\"https://hwcollab.org/cm-prototype-scrolling/\">"
        r"[^<]+</a>, checked \w+ 20\d\d\.",
        html,
    )
    assert ", 2024" not in html


def test_every_pay_and_education_item_on_a_page_names_its_source_and_year(client):
    role = RoleFactory()
    PayRangeFactory(role=role, low=20, high=30.5, source_year=2023)
    EducationRequirementFactory(role=role, source_year=2022)
    html = text(client.get(role.get_absolute_url()))
    pay_items = re.findall(r'<span class="pay">.*?</span></span>', html)
    education_items = re.findall(r'<span class="education">.*?</span>', html)
    assert pay_items and education_items
    assert "$20\u2013$30.50 an hour" in pay_items[0]
    for item in pay_items + education_items:
        assert re.search(r"20\d\d", item), item
    for item in pay_items:
        assert 'href="https://' in item, item
    # The education list is followed by its source line (not yet verified: no date).
    assert re.search(
        r'</ul>\s*<p class="source-line"><span class="source">Written by our editors from '
        r'<a href="https://[^"]+">[^<]+</a> <strong class="unverified">\(not yet verified\)',
        html,
    )


def test_role_page_lists_titles_duties_settings_certifications_and_steps(client, content):
    role = content.roles.get(slug="care-manager")
    html = text(client.get(role.get_absolute_url()))
    for expected in (
        "RN Care Manager",
        "Certified Case Manager (CCM)",
        "Commission for Case Manager Certification",
        "Who is eligible:",
        "Career steps",
        'href="/employers/?role=care-manager"',
        'href="/trainings/?role=care-manager"',
    ):
        assert expected in html


def test_compare_table_has_a_row_per_attribute_and_a_column_per_role(client, content):
    html = text(client.get(f"/careers/{CAREER}/compare/"))
    table = html[html.index('<table class="compare stack-table">') :]
    table = table[: table.index("</table>")]
    assert table.count('<th scope="col"') == 2
    for row in ("Definition", "Focus", "Job titles", "Typical education",
                "Median pay in New York State", "Middle half", "Jobs in New York State",
                "BLS occupation used", "Pay as other sources state it", "Settings",
                "Certifications"):  # fmt: skip
        assert f'<th scope="row">{row}' in html
    assert 'class="table-scroll" tabindex="0" role="region"' in html


def test_draft_career_is_404_for_the_public(client):
    career = CareerFactory(status=models.Status.DRAFT)
    role = RoleFactory(career=career)
    for path in (
        career.get_absolute_url(),
        role.get_absolute_url(),
        f"{career.get_absolute_url()}compare/",
    ):
        assert client.get(path).status_code == 404


def test_draft_role_is_404_for_the_public_and_hidden_from_its_career(client):
    role = RoleFactory(status=models.Status.DRAFT, name="Secret role")
    assert client.get(role.get_absolute_url()).status_code == 404
    assert "Secret role" not in text(client.get(role.career.get_absolute_url()))


def test_staff_see_a_draft_with_the_draft_bar(staff_client):
    career = CareerFactory(status=models.Status.DRAFT)
    role = RoleFactory(career=career, status=models.Status.DRAFT)
    for path in (
        career.get_absolute_url(),
        role.get_absolute_url(),
        f"{career.get_absolute_url()}compare/",
    ):
        response = staff_client.get(path)
        assert response.status_code == 200
        assert 'class="draft-bar"' in response.content.decode()


def test_published_pages_have_no_draft_bar(staff_client, content):
    assert 'class="draft-bar"' not in staff_client.get(content.get_absolute_url()).content.decode()


def test_unknown_career_and_role_are_404(client, content):
    assert client.get("/careers/no-such-career/").status_code == 404
    assert client.get(f"/careers/{CAREER}/no-such-role/").status_code == 404


def test_output_is_escaped(client):
    role = RoleFactory(name="<script>alert(1)</script>")
    JobTitleFactory(role=role, title="<b>bold</b>")
    html = client.get(role.get_absolute_url()).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "<b>bold</b>" not in html


def test_sitemap_lists_careers_roles_and_the_start_page(client, content):
    xml = sitemap_xml(client)
    assert "<loc>http://testserver/</loc>" in xml
    assert "<loc>http://testserver/careers/</loc>" in xml
    assert f"<loc>http://testserver/careers/{CAREER}/</loc>" in xml
    assert f"<loc>http://testserver/careers/{CAREER}/compare/</loc>" in xml
    assert f"<loc>http://testserver/careers/{CAREER}/care-manager/</loc>" in xml


def test_sitemap_leaves_out_drafts(client):
    draft = RoleFactory(status=models.Status.DRAFT)
    xml = sitemap_xml(client)
    assert draft.get_absolute_url() not in xml


def test_a_roles_find_training_link_opens_the_trainings_for_that_role(client, content):
    for role in models.Role.objects.all():
        html = client.get(role.get_absolute_url()).content.decode()
        assert f'href="/trainings/?role={role.slug}">Find training</a>' in html
