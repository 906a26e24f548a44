"""
How the site looks and reads on a phone, in a real Chromium: the diagrams have a text
alternative, and pages pass axe-core in the dark scheme too (contrast included).
"""

import pytest
from django.core.management import call_command

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


@pytest.mark.parametrize("path", ["/", CAREER, "/trainings/", "/employers/", "/cookies/"])
def test_pages_pass_axe_in_the_dark_scheme(content, new_page, axe_check, path):
    page = new_page(viewport={"width": 390, "height": 844}, color_scheme="dark")
    page.goto(path)
    assert page.evaluate("matchMedia('(prefers-color-scheme: dark)').matches")
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(18, 26, 34)"
    axe_check(page)
    assert page.csp_errors == []
