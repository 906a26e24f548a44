"""
How the site looks and reads on a phone, in a real Chromium: the diagrams have a text
alternative, and pages pass axe-core in the dark scheme too (contrast included).
"""

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from tests.browser.pages import assert_each_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CAREER = "/careers/care-management-care-coordination/"


@pytest.fixture
def content():
    call_command("load_content", stdout=open("/dev/null", "w"))


def test_hub_diagram_is_an_image_with_a_name_a_description_and_a_caption(content, new_page):
    page = new_page(viewport={"width": 390, "height": 844})
    page.goto(CAREER)
    diagram = page.get_by_role("img", name="The hub of the wheel")
    assert diagram.is_visible()
    description = page.locator("#hub-desc").text_content()
    for who in (
        "care coordinator",
        "care manager",
        "the person",
        "family or caregivers",
        "health care providers",
        "social services",
        "the health plan",
    ):
        assert who in description
    caption = page.locator("figure.hub-diagram figcaption").text_content()
    assert "hubs of the wheel" in caption
    box = page.locator(".hub-diagram__svg").bounding_box()
    assert box["width"] <= 390 - 32


def test_pages_pass_axe_in_the_dark_scheme(content, new_page, axe_check):
    page = new_page(viewport={"width": 390, "height": 844}, color_scheme="dark")

    def check(path):
        page.goto(path)
        assert page.evaluate("matchMedia('(prefers-color-scheme: dark)').matches")
        background = page.evaluate("getComputedStyle(document.body).backgroundColor")
        assert background == "rgb(18, 26, 34)"
        axe_check(page)

    assert_each_page(["/", CAREER, "/trainings/", "/employers/", "/cookies/"], check)
    assert page.csp_errors == []


def test_trainings_search_shows_the_main_filters_and_folds_the_rest(content, new_page):
    page = new_page(viewport={"width": 390, "height": 844}, java_script_enabled=False)
    page.goto("/trainings/")
    for label in ("Search", "ZIP code"):
        assert page.get_by_label(label, exact=False).first.is_visible()
    more = page.locator("details.more-filters")
    assert not more.evaluate("el => el.open")
    assert not page.locator("[name=kind]").is_visible()
    page.get_by_text("More filters").click()
    expect(page.locator("[name=kind]")).to_be_visible()
    page.get_by_role("link", name="Skip to results").click()
    assert page.url.endswith("#results-title")
    # A filter set under "More filters" is shown, not hidden.
    page.goto("/trainings/?kind=certificate")
    assert more.evaluate("el => el.open")


def test_career_and_role_pages_print_without_navigation(content, new_page):
    page = new_page(viewport={"width": 800, "height": 1000})
    page.goto(CAREER + "care-coordinator/")
    page.emulate_media(media="print")
    assert not page.locator(".site-nav").is_visible()
    assert not page.locator(".consent-banner").is_visible()
    assert page.locator("h1").is_visible()
    after = page.evaluate(
        "getComputedStyle(document.querySelector('.definition a[href^=\"http\"]'), '::after')"
        ".content"
    )
    assert "http" in after, "printed sources show their address"


def test_icons_are_drawn_from_one_sprite(content, new_page):
    page = new_page(viewport={"width": 390, "height": 844})
    sprites = []
    page.on("response", lambda r: "/static/img/icons" in r.url and sprites.append(r.status))
    page.goto("/trainings/")
    icons = page.locator("dt svg.icon")
    assert icons.count() >= 10
    icon = icons.first
    icon.scroll_into_view_if_needed()
    drawn = icon.screenshot()
    icon.evaluate("svg => svg.querySelector('use').remove()")
    assert icon.screenshot() != drawn  # the shape came from the sprite
    assert sprites == [200]  # one request for every icon on the page
    assert page.csp_errors == []
