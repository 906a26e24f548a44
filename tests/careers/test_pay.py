"""
BLS pay on careers pages: every figure shown is the imported Wage row's, formatted with the
wages `money` filter; flags are words; the ZIP code form finds the visitor's area and
refuses bad input with a clear message, never a 500.
"""

import html as htmllib
import re

import pytest

from careers.content import load
from careers.models import Role
from tests.db import loaded_once
from tests.sitemaps import sitemap_xml
from wages.content import load_starting_wages
from wages.models import Wage
from wages.templatetags.wages import money

pytestmark = pytest.mark.django_db

CAREER = "/careers/care-management-care-coordination/"
STATE, ALBANY, NYC = "3600000", "0010580", "0035620"
PRIMARY = {"care-coordinator": "21-1094", "care-manager": "21-1022"}


def load_wages_and_careers():
    load_starting_wages()
    load()


content = loaded_once(load_wages_and_careers)


def page(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, url
    return response.content.decode()


def facts_boxes(html):
    return re.findall(r'<section class="pay-facts".*?</section>', html, re.S)


def figures(box):
    """The texts of a quick-facts box's figures, in order."""
    found = re.findall(r'<span class="pay-facts__figure">(.*?)</span>', box, re.S)
    return [htmllib.unescape(" ".join(text.split())) for text in found]


def expected_facts(wage):
    hourly = {k: money(getattr(wage, f"hourly_{k}"), "hourly") for k in ("median", "p25", "p75")}
    annual = {k: money(getattr(wage, f"annual_{k}")) for k in ("median", "p25", "p75")}
    return [
        hourly["median"],
        f"{annual['median']} a year",
        f"{hourly['p25']} to {hourly['p75']}",
        f"{annual['p25']} to {annual['p75']} a year",
        f"{wage.employment:,}",
    ]


def wage(soc, area):
    return Wage.objects.select_related("area").get(soc_code=soc, area__code=area)


def chart_rows(html, chart_id):
    """{row label: [five percentile texts]} of one pay chart's table."""
    start = html.index(f'id="{chart_id}-table-caption"')
    table = html[start : html.index("</table>", start)]
    rows = {}
    for label, cells in re.findall(r'<th scope="row">(.*?)</th>(.*?)</tr>', table, re.S):
        rows[htmllib.unescape(label)] = [
            htmllib.unescape(c) for c in re.findall(r"<td[^>]*>(.*?)</td>", cells)
        ]
    return rows


def percentiles(wage, unit="annual"):
    return [
        money(getattr(wage, f"{unit}_{key}"), unit)
        for key in ("p10", "p25", "median", "p75", "p90")
    ]


@pytest.mark.parametrize("slug", PRIMARY)
def test_role_page_quick_facts_and_chart_are_the_state_wage_rows(client, content, slug):
    role = Role.objects.get(slug=slug)
    html = page(client, role.get_absolute_url())
    state = wage(PRIMARY[slug], STATE)
    (box,) = facts_boxes(html)
    assert figures(box) == expected_facts(state)
    assert "Jobs in New York State" in box
    source = "BLS OEWS, May 2025, New York State"
    assert f'<a href="https://www.bls.gov/oes/current/oes_ny.htm">{source}</a>' in box
    # The chart shows every code the role uses, each with its state row.
    rows = chart_rows(html, "state-pay")
    for occupation in role.occupations.all():
        row = wage(occupation.soc_code, STATE)
        label = row.soc_title if len(rows) > 1 else row.area.display_name
        assert rows[label] == percentiles(row)
    # One chart (the other SVGs on the page are aria-hidden icons).
    assert html.count('<svg class="pay-chart__svg"') == 1 and 'role="img"' in html


@pytest.mark.parametrize("slug", PRIMARY)
@pytest.mark.parametrize("area", [ALBANY, NYC])
def test_pay_page_shows_each_areas_own_figures(client, content, slug, area):
    role = Role.objects.get(slug=slug)
    html = page(client, f"{role.pay_url}?area={area}")
    chosen = wage(PRIMARY[slug], area)
    assert f"Pay in {chosen.area.display_name}</h3>" in html
    boxes = facts_boxes(html)
    assert len(boxes) == role.occupations.count()
    assert figures(boxes[0]) == expected_facts(chosen)
    assert f"Jobs in {htmllib.escape(chosen.area.display_name)}" in boxes[0]
    for box, occupation in zip(boxes, role.occupations.all(), strict=True):
        assert figures(box) == expected_facts(wage(occupation.soc_code, area))


@pytest.mark.parametrize("slug", PRIMARY)
def test_pay_page_table_and_chart_match_every_area_row(client, content, slug):
    role = Role.objects.get(slug=slug)
    html = page(client, role.pay_url)
    for occupation in role.occupations.all():
        code = occupation.soc_code
        start = html.index(f'id="areas-caption-{code}"')
        table = html[start : html.index("</table>", start)]
        shown = dict(
            re.findall(r'href="\?area=(\d{7})#your-area"[^>]*>.*?</a></th>(.*?)</tr>', table, re.S)
        )
        rows = {w.area.code: w for w in Wage.objects.for_soc(code)}
        assert len(shown) == 17
        for area_code, cells in shown.items():
            texts = [htmllib.unescape(c) for c in re.findall(r"<td[^>]*>(.*?)</td>", cells)]
            row = rows.get(area_code)
            if row is None:
                assert texts == ["BLS publishes no figures for this area."]
                continue
            assert texts == [
                money(row.hourly_median, "hourly"),
                money(row.annual_median),
                f"{money(row.annual_p25)} to {money(row.annual_p75)}",
                f"{row.employment:,}",
            ]
        chart = chart_rows(html, f"chart-{code}")
        assert len(chart) == len(rows)
        for row in rows.values():
            assert chart[row.area.display_name] == percentiles(row)


def test_a_flagged_figure_is_shown_in_words_never_a_number(client, content):
    state = wage("21-1094", STATE)
    state.hourly_p75 = state.annual_p75 = state.employment = None
    state.flags = {
        "hourly_p75": "top_coded",
        "annual_p75": "top_coded",
        "employment": "not_released",
    }
    state.save()
    role = Role.objects.get(slug="care-coordinator")
    html = page(client, role.get_absolute_url())
    (box,) = facts_boxes(html)
    shown = figures(box)
    assert shown[2] == f"{money(state.hourly_p25, 'hourly')} to $115.00/hr or more"
    assert shown[3] == f"{money(state.annual_p25)} to $239,200 or more a year"
    assert shown[4] == "Not released"
    assert "None" not in box
    assert chart_rows(html, "state-pay")["New York State"][3] == "$239,200 or more"
    compare = page(client, f"{CAREER}compare/")
    assert "$115.00/hr or more" in compare and "Not released" in compare


@pytest.mark.parametrize(
    ("zip_code", "area_code"), [("12207", ALBANY), ("10001", NYC)]
)  # fmt: skip
def test_a_visitor_who_types_a_zip_code_sees_the_area_that_contains_it(
    client, content, zip_code, area_code
):
    role = Role.objects.get(slug="care-coordinator")
    html = page(client, f"{role.pay_url}?zip={zip_code}")
    expected = wage("21-1094", area_code)
    name = htmllib.escape(expected.area.display_name)
    assert f"Pay in {name}</h3>" in html
    assert f"ZIP code {zip_code} is in" in html
    assert figures(facts_boxes(html)[0]) == expected_facts(expected)


def test_a_zip_code_in_an_unmapped_county_shows_state_figures_with_a_note(client, content):
    role = Role.objects.get(slug="care-coordinator")
    html = page(client, f"{role.pay_url}?zip=13326")  # Cooperstown, Otsego County
    assert "Pay in New York State</h3>" in html
    assert "ZIP code 13326 is in Otsego County. We do not yet know which BLS area" in html
    assert figures(facts_boxes(html)[0]) == expected_facts(wage("21-1094", STATE))


@pytest.mark.parametrize(
    "bad", ["\uff11\uff12\uff12\uff10\uff17", "abcde", "1220", "122077", "1 2207", "12207-1234"]
)
def test_a_zip_code_that_is_not_five_digits_gets_a_clear_message(client, content, bad):
    role = Role.objects.get(slug="care-coordinator")
    response = client.get(role.pay_url, {"zip": bad})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Enter a 5-digit ZIP code, for example 12207." in html
    assert 'aria-invalid="true"' in html
    assert not facts_boxes(html[: html.index('id="every-area"')])


@pytest.mark.parametrize("zip_code", ["00000", "90210"])
def test_a_zip_code_outside_new_york_says_the_site_covers_new_york(client, content, zip_code):
    role = Role.objects.get(slug="care-coordinator")
    html = page(client, f"{role.pay_url}?zip={zip_code}")
    assert f"ZIP code {zip_code} is not in New York. This site covers New York State" in html
    assert "Pay in every part of New York" in html


def test_an_unknown_area_code_gets_a_clear_message(client, content):
    role = Role.objects.get(slug="care-coordinator")
    html = page(client, f"{role.pay_url}?area=9999999", status=400)
    assert "We have no figures for that area." in html


def test_every_area_has_a_plain_link_that_works_without_javascript(client, content):
    role = Role.objects.get(slug="care-manager")
    html = page(client, role.pay_url)
    codes = set(re.findall(r'href="\?area=(\d{7})#your-area"', html))
    assert len(codes) == 17
    form = re.search(r'<form class="zip-form" method="get" action="([^"]+)"', html)
    assert form.group(1) == f"{role.pay_url}#your-area"


def test_role_page_has_the_zip_form_and_a_link_to_pay_by_area(client, content):
    role = Role.objects.get(slug="care-manager")
    html = page(client, role.get_absolute_url())
    assert f'action="{role.pay_url}#your-area"' in html
    assert "Your ZIP code" in html
    assert f'href="{role.pay_url}"' in html


def test_the_crosswalk_says_which_occupation_and_why_with_its_source(client, content):
    html = page(client, Role.objects.get(slug="care-coordinator").get_absolute_url())
    assert "has no occupation called care coordinator" in html
    assert "We use the figures of Community Health Workers (SOC 21-1094), because:" in html
    assert 'href="http://chwnetwork.org/Default.aspx?ssid=80&amp;NavPTypeId=1278/"' in html
    html = page(client, Role.objects.get(slug="care-manager").get_absolute_url())
    assert "Healthcare Social Workers (SOC 21-1022)" in html
    assert "Registered Nurses (SOC 29-1141)" in html
    assert (
        'href="https://www.effortlesshr.com/job-descriptions/healthcare-social-workers-21-1022.00/"'
    ) in html


def test_career_page_has_one_quick_facts_box_per_role(client, content):
    html = page(client, CAREER)
    boxes = facts_boxes(html)
    roles = list(Role.objects.order_by("order"))
    assert len(boxes) == len(roles)
    for box, role in zip(boxes, roles, strict=True):
        assert figures(box) == expected_facts(wage(PRIMARY[role.slug], STATE))
    assert "New York State, 2024" not in html


def test_compare_page_shows_both_units_for_every_role(client, content):
    html = page(client, f"{CAREER}compare/")
    for row_name in ("Median pay in New York State", "Middle half"):
        start = html.index(f'<th scope="row">{row_name}')
        row = html[start : html.index("</tr>", start)]
        cells = re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
        assert len(cells) == 2
        for cell, role in zip(cells, Role.objects.order_by("order"), strict=True):
            state = wage(PRIMARY[role.slug], STATE)
            hourly, annual = re.findall(r'<span class="cell-figure">(.*?)</span>', cell)
            if row_name.startswith("Median"):
                assert hourly == money(state.hourly_median, "hourly")
                assert annual == f"{money(state.annual_median)} a year"
            else:
                assert (
                    hourly
                    == f"{money(state.hourly_p25, 'hourly')} to {money(state.hourly_p75, 'hourly')}"
                )
                assert annual == f"{money(state.annual_p25)} to {money(state.annual_p75)} a year"
    # One chart, one unit, every role.
    rows = chart_rows(html, "compare-pay")
    assert set(rows) == {"Community Health Workers", "Healthcare Social Workers"}
    assert all("/hr" not in text for texts in rows.values() for text in texts)


def test_sitemap_lists_each_pay_page_without_a_query_string(client, content):
    xml = sitemap_xml(client)
    for role in Role.objects.all():
        assert f"<loc>http://testserver{role.pay_url}</loc>" in xml
    assert "?zip=" not in xml and "?area=" not in xml


def test_pay_page_with_a_query_string_is_not_served_from_the_cache(client, content):
    role = Role.objects.get(slug="care-coordinator")
    url = f"{role.pay_url}?area={ALBANY}"
    page(client, url)
    # A figure changed without saving through the ORM signal (no cache bump) still shows.
    Wage.objects.filter(soc_code="21-1094", area__code=ALBANY).update(employment=391)
    assert "391" in figures(facts_boxes(page(client, url))[0])


@pytest.mark.parametrize("bad", ["x" * 5000, "12207\x00", ""])
def test_odd_zip_input_never_breaks_the_page(client, content, bad):
    role = Role.objects.get(slug="care-coordinator")
    response = client.get(role.pay_url, {"zip": bad})
    assert response.status_code == (200 if bad == "" else 400)
    value = re.search(r'name="zip" id="[^"]+" value="([^"]*)"', response.content.decode())
    assert len(htmllib.unescape(value.group(1))) <= 20  # echoed back, cut short


def test_a_draft_roles_pay_page_is_404_for_the_public(client, content):
    role = Role.objects.get(slug="care-coordinator")
    Role.objects.filter(pk=role.pk).update(status="draft")
    assert client.get(role.pay_url).status_code == 404
