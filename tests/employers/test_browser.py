"""Acceptance 5 and the page at work: axe-core, 320 px, keyboard only, no JavaScript needed."""

import pytest

from tests.careers.factories import RoleFactory
from tests.employers.factories import EmployerFactory, LocationFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def employers():
    role = RoleFactory(slug="care-coordinator", name="Care coordinator")
    first = EmployerFactory(name="Midtown Care Partners", slug="midtown", roles=[role])
    LocationFactory(employer=first, name="Midtown office", address="5 West 33rd Street")
    LocationFactory(employer=first, name="Albany office", city="Albany", county="Albany",
                    zip_code="12208")  # fmt: skip
    second = EmployerFactory(name="Bronx Health Home", slug="bronx-hh", roles=[role])
    LocationFactory(employer=second, city="Bronx", county="Bronx", zip_code="10451")
    return first, second


@pytest.mark.parametrize(
    "path",
    [
        "/employers/",
        "/employers/?zip=10001&radius=25",
        "/employers/?zip=10001&radius=5&kind=local-health-department",
        "/employers/?zip=00000",
        "/employers/midtown/",
    ],
    ids=["empty", "results", "no-results", "error", "detail"],
)
def test_employer_pages_have_no_axe_violations(page, axe_check, employers, path):
    page.goto(path)
    axe_check(page)
    assert page.csp_errors == []


@pytest.mark.parametrize("path", ["/employers/?zip=10001&radius=25", "/employers/midtown/"])
def test_pages_fit_320_pixels_without_javascript(new_page, employers, path):
    page = new_page(java_script_enabled=False, viewport={"width": 320, "height": 700})
    page.goto(path)
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    assert page.locator("h1").count() == 1


def test_search_works_with_the_keyboard_only_and_no_javascript(new_page, employers):
    page = new_page(java_script_enabled=False)
    page.goto("/employers/")
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "id_zip":
            break
    else:
        pytest.fail("The ZIP code field cannot be reached with Tab")
    page.keyboard.type("10001")
    page.keyboard.press("Enter")  # submits the GET form, as any text field does
    page.wait_for_url(lambda url: "zip=10001" in url)
    assert page.locator("#results-title").inner_text() == "2 employers, nearest first"
    results = page.locator(".employer-result h3 a")
    assert results.nth(0).inner_text() == "Midtown Care Partners"
    # The focused field shows a visible focus ring.
    page.focus("#id_zip")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
