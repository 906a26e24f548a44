"""The banner is compact and its words read naturally (issue: a site people enjoy on a phone)."""

import pytest

from consent.models import Category


@pytest.mark.django_db
def test_category_names_read_naturally_where_the_site_composes_them(client):
    assert Category.objects.get(slug="others").name == "Other"
    page = client.get("/cookies/").content.decode()
    assert "Allow other cookies?" in page
    assert ">Other cookies</h2>" in page
    assert "Others" not in page and "others cookies" not in page.lower()
    banner = client.get("/").content.decode()
    assert "(functional, analytics, performance, other)" in banner


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("java_script_enabled", [True, False])
def test_banner_takes_at_most_a_quarter_of_a_phone_screen_in_the_page_flow(
    new_page, java_script_enabled
):
    page = new_page(viewport={"width": 390, "height": 844}, java_script_enabled=java_script_enabled)
    page.goto("/")
    banner = page.locator(".consent-banner")
    box = banner.bounding_box()
    assert box["y"] == 0, "the banner opens the page"
    assert box["height"] <= 844 / 4, f"the banner is {box['height']}px tall"
    # In the flow, not over the page: nothing fixed or sticky, and the header starts below it.
    assert banner.evaluate("el => getComputedStyle(el).position") == "static"
    header = page.locator(".site-header").bounding_box()
    assert header["y"] >= box["y"] + box["height"] - 1
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    # All three choices are visible without scrolling.
    for name in ("Accept all", "Reject all"):
        assert page.get_by_role("button", name=name).is_visible()
    assert page.get_by_role("link", name="Choose cookies").is_visible()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_banner_buttons_hold_their_words_in_both_languages_on_every_phone(new_page):
    # "Rechazar todas" is longer than "Reject all": a button whose text does not fit must
    # wrap inside it, never run past its edge or the screen's (WCAG 1.4.10 reflow).
    for width in (320, 360, 390, 640, 1280):
        page = new_page(viewport={"width": width, "height": 800})
        for path in ("/", "/es/"):
            page.goto(path)
            for button in page.locator(".consent-banner__button").all():
                spill = button.evaluate("b => b.scrollWidth - b.clientWidth")
                assert spill <= 0, f"{path} at {width}px: {button.inner_text()!r} spills {spill}px"
                box = button.bounding_box()
                assert box["x"] + box["width"] <= width, f"{path} at {width}px: off screen"
        page.close()
