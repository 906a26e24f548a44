"""The banner and the cookies page in a real Chromium, with and without JavaScript."""

import pytest
from django.conf import settings

from consent.models import ConsentRecord, CookieDeclaration, cookie_name_matches

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BANNER = "section.consent-banner"
CONFIRMATION = "[data-consent-confirmation]"


def declared_necessary(name):
    patterns = CookieDeclaration.objects.filter(category__necessary=True).values_list(
        "name", flat=True
    )
    return any(cookie_name_matches(pattern, name) for pattern in patterns)


def consent_cookie(page):
    cookies = {c["name"]: c for c in page.context.cookies()}
    return cookies.get(settings.CONSENT_COOKIE_NAME)


def test_first_visit_cookie_jar_holds_only_declared_necessary_cookies(page):
    for path in ("/", "/cookies/", "/no-such-page/"):
        page.goto(path)
    names = [c["name"] for c in page.context.cookies()]
    assert "csrftoken" in names  # the banner's form needs it
    assert all(declared_necessary(name) for name in names), names
    assert settings.CONSENT_COOKIE_NAME not in names


@pytest.mark.parametrize(
    ("button", "action"), [("Accept all", "accept_all"), ("Reject all", "reject_all")]
)
def test_banner_choice_with_javascript_saves_without_reload_and_focuses_confirmation(
    page, button, action
):
    page.goto("/")
    page.evaluate("window.stillTheSamePage = true")
    page.get_by_role("button", name=button).click()
    confirmation = page.locator(CONFIRMATION)
    confirmation.wait_for()
    assert page.evaluate("window.stillTheSamePage") is True  # no reload
    assert page.evaluate("document.activeElement.hasAttribute('data-consent-confirmation')")
    assert "Change your cookie settings" in confirmation.inner_text()
    assert page.locator(BANNER).get_by_role("button").count() == 0
    cookie = consent_cookie(page)
    assert cookie and cookie["httpOnly"] is True and cookie["sameSite"] == "Lax"
    assert list(ConsentRecord.objects.values_list("action", flat=True)) == [action]
    page.goto("/")
    assert page.locator(BANNER).count() == 0
    assert ConsentRecord.objects.count() == 1
    assert page.csp_errors == []


def test_custom_mix_with_javascript_on_the_cookies_page(page):
    page.goto("/")
    page.get_by_role("link", name="Choose cookies").click()
    page.wait_for_url("**/cookies/")
    page.locator("#id_category_analytics_0").check()
    page.locator("#id_category_performance_0").check()
    page.get_by_role("button", name="Save my choices").click()
    page.wait_for_url("**/cookies/")
    assert "Your cookie choices have been saved." in page.locator("main").inner_text()
    record = ConsentRecord.objects.get()
    assert record.action == "custom"
    assert record.source == "cookies_page"
    assert record.choices == {
        "functional": False,
        "analytics": True,
        "performance": True,
        "others": False,
    }
    assert page.locator("#id_category_analytics_0").is_checked()
    page.goto("/")
    assert page.locator(BANNER).count() == 0
    assert consent_cookie(page)


@pytest.mark.parametrize(
    ("button", "action"), [("Accept all", "accept_all"), ("Reject all", "reject_all")]
)
def test_banner_choice_without_javascript_redirects_back_with_a_confirmation(
    new_page, button, action
):
    page = new_page(java_script_enabled=False)
    page.goto("/?from=test")
    page.get_by_role("button", name=button).click()
    page.wait_for_load_state()
    assert page.url.endswith("/?from=test")
    assert page.locator(BANNER).count() == 0
    assert "Change your cookie settings" in page.locator("main").inner_text()
    assert consent_cookie(page)
    assert list(ConsentRecord.objects.values_list("action", flat=True)) == [action]
    page.goto("/")
    assert page.locator(BANNER).count() == 0
    assert "Change your cookie settings" not in page.locator("main").inner_text()


def test_custom_mix_without_javascript(new_page):
    page = new_page(java_script_enabled=False)
    page.goto("/cookies/")
    page.locator("#id_category_functional_0").check()
    page.get_by_role("button", name="Save my choices").click()
    page.wait_for_url("**/cookies/")
    record = ConsentRecord.objects.get()
    assert record.action == "custom"
    assert record.choices["functional"] is True and record.choices["analytics"] is False
    page.goto("/")
    assert page.locator(BANNER).count() == 0


@pytest.mark.parametrize("width", [320, 1280])
def test_accept_and_reject_have_the_same_classes_and_size(new_page, width):
    page = new_page(viewport={"width": width, "height": 800})
    page.goto("/")
    accept = page.get_by_role("button", name="Accept all")
    reject = page.get_by_role("button", name="Reject all")
    assert accept.get_attribute("class") == reject.get_attribute("class")
    a, r = accept.bounding_box(), reject.bounding_box()
    assert a["width"] == pytest.approx(r["width"], abs=0.5)
    assert a["height"] == pytest.approx(r["height"], abs=0.5)
    assert a["width"] >= 44 and a["height"] >= 44
    assert page.evaluate("document.documentElement.scrollWidth") <= width


def test_banner_is_in_the_page_flow_not_fixed_or_modal(page):
    page.goto("/")
    banner = page.locator(BANNER)
    assert banner.evaluate("el => getComputedStyle(el).position") == "static"
    assert banner.get_attribute("aria-modal") is None
    assert page.get_by_role("region", name="Cookies on this site").count() == 1
    page.mouse.wheel(0, 2000)
    # Content below stays usable: the header link is clickable with the banner showing.
    page.get_by_role("link", name="Trainings").first.click()
    page.wait_for_url("**/trainings/")


def test_banner_has_no_axe_violations(page, axe_check):
    page.goto("/")
    assert page.locator(BANNER).is_visible()
    axe_check(page)
    page.get_by_role("button", name="Reject all").click()
    page.locator(CONFIRMATION).wait_for()
    axe_check(page)
    assert page.csp_errors == []


def test_cookies_page_has_no_axe_violations(page, axe_check):
    page.goto("/cookies/")
    axe_check(page)
    assert page.csp_errors == []


def test_cookies_page_with_gpc_notice_has_no_axe_violations(new_page, axe_check):
    page = new_page(extra_http_headers={"Sec-GPC": "1"})
    page.goto("/cookies/")
    assert "Opt-out preference signal honoured" in page.locator("main").inner_text()
    axe_check(page)
    assert ConsentRecord.objects.count() == 0  # the signal alone writes no record


def test_cookies_page_fits_320_px(new_page):
    page = new_page(viewport={"width": 320, "height": 640})
    page.goto("/cookies/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    # Each cookie stacks as a card: every column is readable without sideways scrolling.
    overflowing = page.evaluate(
        "[...document.querySelectorAll('.table-scroll')]"
        ".filter(box => box.scrollWidth > box.clientWidth).length"
    )
    assert overflowing == 0
    duration = page.locator('td[data-label="Duration"]').first.bounding_box()
    assert duration["x"] + duration["width"] <= 320


def test_keyboard_reaches_the_banner_right_after_the_skip_link(page):
    page.goto("/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Skip to main content"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Accept all"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Reject all"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Choose cookies"
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Enter")  # Reject all, from the keyboard
    page.locator(CONFIRMATION).wait_for()
    assert ConsentRecord.objects.get().action == "reject_all"
