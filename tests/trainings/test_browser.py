"""Real Chromium: axe-core on every trainings page, and the filter form by keyboard alone."""

import pytest

from tests.careers.factories import CareerFactory, RoleFactory
from tests.trainings.factories import TrainingFactory
from trainings.models import Training

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def trainings():
    career = CareerFactory(slug="care-management-care-coordination")
    cc = RoleFactory(career=career, slug="care-coordinator", name="Care coordinator")
    made = [
        TrainingFactory(title="Community Health Worker", slug="chw", featured=True, roles=[cc]),
        TrainingFactory(title="Patient navigator", slug="navigator", roles=[cc]),
        TrainingFactory(
            title="Care coordination online", slug="online", delivery=Training.Delivery.ONLINE
        ),
    ]
    return made


@pytest.mark.parametrize(
    "path",
    [
        "/trainings/",
        "/trainings/?q=zzzznothing&kind=degree",
        "/trainings/?zip=99999",
        "/trainings/chw/",
        "/trainings/compare/?ids=chw&ids=navigator&ids=online",
        "/trainings/compare/?ids=1&ids=2&ids=3&ids=4",
        "/trainings/guide/",
        "/trainings/guide/?have=high_school&delivery=&budget=",
    ],
)
def test_trainings_pages_have_no_axe_violations(page, axe_check, trainings, path):
    page.goto(path)
    axe_check(page)
    assert page.csp_errors == []


def test_list_fits_a_320px_screen_without_sideways_scrolling(new_page, trainings):
    page = new_page(viewport={"width": 320, "height": 640})
    for path in ["/trainings/", "/trainings/compare/?ids=chw&ids=navigator", "/trainings/guide/"]:
        page.goto(path)
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), path


@pytest.mark.parametrize("width", [1024, 1280])
def test_more_filters_open_fit_the_sidebar_on_a_wide_screen(new_page, trainings, width):
    """Its tick boxes once took the class of the start page's four-column grid of cards
    (.choices): with a filter chosen, More filters opened 513 px wide in a 288 px sidebar
    and the page scrolled sideways."""
    page = new_page(viewport={"width": width, "height": 900})
    for path in ["/trainings/?kind=degree", "/es/trainings/?have=master"]:
        page.goto(path)
        assert page.locator(".more-filters").evaluate("d => d.open"), path
        assert page.evaluate("document.documentElement.scrollWidth") <= width, path
        sidebar = page.locator(".trainings-filters").bounding_box()
        for answer in page.locator("#id_have label").all():
            box = answer.bounding_box()
            assert box["x"] + box["width"] <= sidebar["x"] + sidebar["width"], answer.inner_text()


def test_filter_form_works_by_keyboard_alone_without_javascript(new_page, trainings):
    page = new_page(java_script_enabled=False)
    page.goto("/trainings/")
    assert page.locator("#results-title").inner_text() == "3 trainings found"
    tab_to(page, "id_q")
    page.keyboard.type("navigator")
    page.keyboard.press("Enter")
    page.wait_for_url("**/trainings/?q=navigator*")
    assert page.locator("#results-title").inner_text() == "1 training found"
    assert page.locator(".training-card__title").all_inner_texts() == ["Patient navigator"]
    # The search is kept; Tab to the kind filter, pick "Degree" with the arrow keys, Tab to
    # the maximum cost, type it and submit with Enter: the results change again.
    assert page.locator("#id_q").input_value() == "navigator"
    # The kind filter is under "More filters": open it from the keyboard first.
    tab_to(page, "more-filters")
    page.keyboard.press("Enter")
    tab_to(page, "id_kind")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    tab_to(page, "id_max_cost")
    page.keyboard.type("2000")
    page.keyboard.press("Enter")
    page.wait_for_url("**kind=degree*")
    assert "q=navigator" in page.url and "max_cost=2000" in page.url
    assert page.locator("#results-title").inner_text() == "0 trainings found"


def test_the_education_question_reads_whole_on_a_phone_and_takes_two_answers(new_page, trainings):
    """It was a drop-down menu: at 320 px a chosen answer such as "Aún sin diploma de
    escuela secundaria ni diploma de equivalencia" showed about half its words, and a nurse
    with a bachelor's degree could give only one of the two. Now tick boxes: every answer
    wraps in view, and the keyboard ticks several."""
    page = new_page(viewport={"width": 320, "height": 700}, java_script_enabled=False)
    for path in ["/es/trainings/guide/", "/es/trainings/?have=master", "/trainings/guide/"]:
        page.goto(path)
        answers = page.locator("#id_have label")
        assert answers.count() == 9, path
        for answer in answers.all():
            box = answer.bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= 320, (path, answer.inner_text())
            assert answer.evaluate("a => a.scrollWidth <= a.clientWidth"), answer.inner_text()
    tab_to(page, "id_have_4")  # Bachelor's degree
    page.keyboard.press("Space")
    tab_to(page, "id_have_7")  # Registered nurse (RN) license
    page.keyboard.press("Space")
    page.get_by_role("button", name="Show my suggestions").press("Enter")
    page.wait_for_url("**/trainings/guide/?have=bachelor&have=license_rn&*")
    assert page.locator("#id_have input:checked").evaluate_all(
        "boxes => boxes.map(b => b.value)"
    ) == [
        "bachelor",
        "license_rn",
    ]


def tab_to(page, element_id, limit=40):
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == element_id:
            return
    pytest.fail(f"Tab never reached #{element_id}")


def test_compare_from_the_results_with_checkboxes(new_page, trainings):
    page = new_page(java_script_enabled=False)
    page.goto("/trainings/")
    page.get_by_label("Compare Community Health Worker").check()
    page.get_by_label("Compare Patient navigator").check()
    page.get_by_role("button", name="Compare selected").click()
    page.wait_for_url("**/trainings/compare/?ids=*")
    assert page.locator("caption").inner_text() == "2 trainings side by side"


def test_compare_stacks_on_a_phone_with_every_value_in_view(new_page, trainings):
    page = new_page(viewport={"width": 320, "height": 700})
    ids = "&".join(f"ids={t.pk}" for t in trainings[:2])
    page.goto(f"/trainings/compare/?{ids}")
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    box = page.locator(".table-scroll")
    assert box.evaluate("b => b.scrollWidth <= b.clientWidth")
    last_cell = page.locator("tbody tr:first-child td").last.bounding_box()
    assert last_cell["x"] + last_cell["width"] <= 320


def test_compare_header_links_stay_visible_where_tab_lands_on_a_phone(new_page, trainings):
    page = new_page(viewport={"width": 320, "height": 700})
    page.goto("/trainings/compare/?ids=chw&ids=navigator")
    for title in ("Community Health Worker", "Patient navigator"):
        link = page.locator("thead").get_by_role("link", name=title)
        link.focus()
        box = link.bounding_box()
        # Clipped to a 1x1 box before: focus landed on a link nobody could see.
        assert box["width"] > 40 and box["height"] > 10, (title, box)
        assert box["x"] >= 0 and box["x"] + box["width"] <= 320


def test_a_search_with_errors_moves_focus_to_the_list_of_problems(new_page, trainings):
    page = new_page()
    page.goto("/trainings/?q=care&zip=abcde&miles=10")
    assert page.title().startswith("Error: ")
    assert page.evaluate("document.activeElement.className") == "error-summary"
    # The next Tab reaches the summary's link to the field at fault.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('href')") == "#id_zip"


def test_on_a_wide_screen_results_and_filters_read_in_the_order_tab_follows(new_page, trainings):
    page = new_page(viewport={"width": 1280, "height": 900})
    page.goto("/trainings/?q=navigator")
    results = page.locator("#results-title").bounding_box()
    search_box = page.locator("#id_q").bounding_box()
    # The results come first in the page, so they are on the left, the form on the right.
    assert results["x"] < search_box["x"], (results, search_box)


def test_a_keyboard_can_pass_the_county_map_by(new_page, trainings):
    page = new_page()
    page.goto("/trainings/")
    skip = page.get_by_role("link", name="Skip the county map")
    skip.focus()
    assert skip.bounding_box()["width"] > 40  # in view while focused
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    # Past the 62 county links: focus is on no link of the map.
    assert page.evaluate("document.activeElement.closest('.county-map') === null")
    assert page.evaluate("document.activeElement !== document.body")
