"""Careers pages in a real Chromium: axe-core, CSP and the compare table at 320 px."""

import pytest

from careers.content import load

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
]


@pytest.fixture
def content():
    load()


@pytest.mark.parametrize("path", PAGES)
def test_careers_page_has_no_axe_violations(content, page, axe_check, path):
    response = page.goto(path)
    assert response.status == 200
    axe_check(page)
    assert page.csp_errors == []


@pytest.mark.parametrize("path", PAGES)
def test_careers_page_fits_320_px_without_horizontal_scroll(content, new_page, axe_check, path):
    page = new_page(viewport={"width": 320, "height": 640})
    page.goto(path)
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    if path.endswith("compare/"):
        axe_check(page)
        # Each stacked cell still says which role it belongs to.
        label = page.evaluate(
            "getComputedStyle(document.querySelector('.compare tbody td'), '::before').content"
        )
        assert "Care coordinator" in label


def test_title_finder_works_without_javascript(content, new_page):
    page = new_page(java_script_enabled=False)
    page.goto("/careers/")
    page.get_by_role("searchbox", name="Job title", exact=True).fill("Care Managér")
    page.get_by_role("button", name="Find the role").click()
    link = page.get_by_role("link", name="care manager").first
    assert link.get_attribute("href") == CAREER + "care-manager/"
