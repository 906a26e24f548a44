"""Careers pages in a real Chromium: axe-core, CSP, the compare table and pay charts at 320 px."""

import pytest
from playwright.sync_api import expect

from careers.content import load
from tests.browser.pages import assert_each_page
from wages.content import load_starting_wages

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CAREER = "/careers/care-management-care-coordination/"
PAGES = [
    "/",
    "/careers/",
    "/careers/?q=CARE+navigator",
    "/careers/?q=" + "x" * 1000,
    CAREER,
    CAREER + "care-coordinator/",
    CAREER + "care-manager/",
    CAREER + "compare/",
    CAREER + "care-manager/pay/",
    CAREER + "care-coordinator/pay/?zip=12207",
    CAREER + "care-coordinator/pay/?zip=abcde",
]


@pytest.fixture
def content():
    load_starting_wages()
    load()


# One test walks every page (one content load, one browser page; loading the content again
# for each page was most of these tests' time) and names each page that fails.
def test_careers_pages_have_no_axe_violations(content, page, axe_check):
    def check(path):
        response = page.goto(path)
        assert response.status == (400 if path.endswith("zip=abcde") else 200)
        axe_check(page)

    assert_each_page(PAGES, check)
    assert page.csp_errors == []


def test_careers_pages_fit_320_px_without_horizontal_scroll(content, new_page, axe_check):
    page = new_page(viewport={"width": 320, "height": 640})

    def check(path):
        page.goto(path)
        assert page.evaluate("document.documentElement.scrollWidth") <= 320
        if path.endswith("compare/"):
            axe_check(page)
            # Each stacked cell still says which role it belongs to.
            label = page.evaluate(
                "getComputedStyle(document.querySelector('.compare tbody td'), '::before').content"
            )
            assert "Care coordinator" in label
            # Each role's link in the header row stays in view where Tab lands on it
            # (it was clipped to a 1x1 box on a phone).
            for link in page.locator(".compare thead a").all():
                link.focus()
                box = link.bounding_box()
                assert box["width"] > 40 and box["height"] > 10, box
                assert box["x"] >= 0 and box["x"] + box["width"] <= 320, box

    assert_each_page(PAGES, check)


def test_title_finder_works_without_javascript(content, new_page):
    page = new_page(java_script_enabled=False)
    page.goto("/careers/")
    page.get_by_role("searchbox", name="Job title", exact=True).fill("Care Managér")
    page.get_by_role("button", name="Find the role").click()
    link = page.get_by_role("link", name="care manager").first
    assert link.get_attribute("href") == CAREER + "care-manager/"


def test_role_page_pay_chart_is_visible_and_accessible_at_320_px(
    content, new_page, axe_check, tmp_path
):
    page = new_page(viewport={"width": 320, "height": 640})
    response = page.goto(CAREER + "care-manager/")
    assert response.status == 200
    chart = page.locator("svg.pay-chart__svg")
    assert chart.count() == 1
    chart.scroll_into_view_if_needed()
    assert chart.is_visible()
    box = chart.bounding_box()
    assert box["width"] > 200 and box["height"] > 50
    assert box["x"] + box["width"] <= 320
    assert page.get_by_role("img", name="Yearly pay in New York State").count() == 1
    assert page.locator(".pay-facts").first.is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    axe_check(page)
    assert page.csp_errors == []
    shot = tmp_path / "care-manager-320.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 0


def test_zip_code_form_and_area_links_work_without_javascript(content, new_page):
    page = new_page(java_script_enabled=False)
    page.goto(CAREER + "care-coordinator/")
    page.get_by_label("Your ZIP code").fill("10001")
    page.get_by_role("button", name="Show pay in my area").click()
    # A click that navigates returns once the new URL commits, before the new page has
    # rendered: expect() waits for the heading where is_visible() would look only once.
    new_york = page.get_by_role("heading", name="Pay in New York-Newark-Jersey City, NY-NJ")
    expect(new_york).to_be_visible()
    page.get_by_role("link", name="Albany-Schenectady-Troy, NY").first.click()
    expect(page.get_by_role("heading", name="Pay in Albany-Schenectady-Troy, NY")).to_be_visible()
