"""The page shell in a real Chromium: accessibility and keyboard use."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_home_page_has_no_axe_violations(page, axe_check):
    page.goto("/")
    axe_check(page)
    assert page.csp_errors == []


def test_skip_link_is_first_and_moves_focus_to_main(page):
    page.goto("/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Skip to main content"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_home_page_fits_320_px_without_horizontal_scroll(new_page):
    page = new_page(viewport={"width": 320, "height": 640})
    page.goto("/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 320


def test_404_page_has_no_axe_violations(page, axe_check):
    response = page.goto("/no-such-page/")
    assert response.status == 404
    axe_check(page)
