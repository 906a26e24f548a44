"""
What a person on a phone (390 by 844 CSS px, an iPhone 12 to 15) sees without scrolling
far: the first result of a search within the first screen, a role's quick facts and pay
chart within the first two.
"""

import pytest
from django.core.management import call_command

from wages.content import load_starting_wages

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
ROLE = "/careers/care-management-care-coordination/care-coordinator/"


@pytest.fixture
def content():
    call_command("load_content", stdout=open("/dev/null", "w"))


@pytest.fixture
def wages():
    load_starting_wages()


def top(page, selector):
    """The element's top edge in CSS px from the top of the page (not the viewport)."""
    return page.locator(selector).first.evaluate(
        "el => el.getBoundingClientRect().top + window.scrollY"
    )


@pytest.mark.parametrize("java_script_enabled", [True, False])
def test_first_search_result_is_on_the_first_screen(
    content, new_page, axe_check, java_script_enabled
):
    page = new_page(viewport=PHONE, java_script_enabled=java_script_enabled)
    page.goto("/trainings/?q=care&zip=12207")
    assert page.locator(".training-list > li").count() > 0
    first = top(page, ".training-list > li")
    assert first <= PHONE["height"], f"first result starts at {first}px"
    # The form to change the search follows the results, a link away.
    page.get_by_role("link", name="Change your search").click()
    assert page.url.endswith("#filters-title")
    if java_script_enabled:  # axe-core runs as a script
        axe_check(page)
    assert page.csp_errors == []


def test_role_quick_facts_and_pay_chart_are_within_two_screens(content, wages, new_page):
    page = new_page(viewport=PHONE)
    page.goto(ROLE)
    facts, chart = top(page, ".pay-facts"), top(page, ".pay-chart")
    assert facts <= 2 * PHONE["height"], f"quick facts start at {facts}px"
    assert chart <= 2 * PHONE["height"], f"the pay chart starts at {chart}px"


def test_career_quick_facts_and_pay_chart_are_within_two_screens(content, wages, new_page):
    page = new_page(viewport=PHONE)
    page.goto("/careers/care-management-care-coordination/")
    facts, chart = top(page, ".pay-facts"), top(page, ".pay-chart")
    assert facts <= 2 * PHONE["height"], f"quick facts start at {facts}px"
    assert chart <= 2 * PHONE["height"], f"the pay chart starts at {chart}px"
    assert page.locator(".pay-facts").count() == 2  # one box per role, once
    assert page.csp_errors == []
