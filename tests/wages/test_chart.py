"""The pay chart: valid SVG with title and desc, a table of the same figures, flags in words."""

import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest
from django.template import Context, Template

from tests.wages.conftest import SOC_CODES
from wages.templatetags.wages import money

pytestmark = pytest.mark.django_db
SVG_NS = "{http://www.w3.org/2000/svg}"


class Audit(HTMLParser):
    def __init__(self):
        super().__init__()
        self.styles = 0
        self.scripts = 0
        self.cells = []
        self._cell = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.styles += "style" in attrs
        self.scripts += tag == "script" or any(a.startswith("on") for a in attrs)
        if tag in ("td", "th"):
            self._cell = ""

    def handle_data(self, data):
        if self._cell is not None:
            self._cell += data

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None:
            self.cells.append(self._cell.strip())
            self._cell = None


def render(wages, unit="annual", caption="Pay"):
    template = Template("{% load wages %}{% pay_chart wages unit caption %}")
    return template.render(Context({"wages": wages, "unit": unit, "caption": caption}))


@pytest.fixture
def imported(oews_file):
    from django.core.management import call_command

    call_command("import_wages", str(oews_file), "--soc", ",".join(SOC_CODES), stdout=None)


def test_money_is_formatted_for_people():
    assert money(58130) == "$58,130"
    assert money("58130.00") == "$58,130"
    assert money("27.95", "hourly") == "$27.95/hr"
    assert money(115, "hourly") == "$115.00/hr"
    assert money(None) == "" and money("") == ""


def test_chart_is_valid_svg_with_title_desc_and_a_table_of_the_same_figures(imported):
    from wages.models import Wage

    wages = Wage.objects.for_soc("21-1094").order_by("area__code")
    html = render(wages, "annual", "Community health workers")
    svg = re.search(r"<svg.*?</svg>", html, re.S).group(0)
    root = ET.fromstring(svg)  # well-formed XML
    assert root.get("role") == "img"
    assert root.get("viewBox") == f"0 0 320 {root.get('viewBox').split()[-1]}"
    title_id, desc_id = root.get("aria-labelledby").split()
    assert root.find(f"{SVG_NS}title").get("id") == title_id
    desc = root.find(f"{SVG_NS}desc")
    assert desc.get("id") == desc_id
    assert root.find(f"{SVG_NS}title").text == "Community health workers"
    assert len(root.findall(f".//{SVG_NS}g[@class='pay-chart__row']")) == 3

    audit = Audit()
    audit.feed(html)
    assert audit.styles == 0 and audit.scripts == 0
    state = audit.cells.index("New York State")
    assert audit.cells[state + 1 : state + 6] == [
        "$44,310",
        "$50,350",
        "$58,130",
        "$70,390",
        "$87,980",
    ]
    for figure in audit.cells[state + 1 : state + 6]:
        assert figure in desc.text  # the description reads the same numbers
    assert "58130" not in html and "58130.00" not in html


def test_hourly_chart_uses_hourly_money(imported):
    from wages.models import Wage

    html = render(Wage.objects.for_soc("21-1094").filter(area__code="3600000"), "hourly")
    assert "$27.95/hr" in html and "$58,130" not in html


def test_flags_are_shown_as_words(imported):
    from wages.models import Wage

    crna = Wage.objects.filter(soc_code="29-1151")
    hourly = render(crna, "hourly")
    assert hourly.count("$115.00/hr or more") >= 5
    assert 'data-flag="top_coded"' in hourly
    assert "Every percentile: $115.00/hr or more" in hourly  # drawn as words, not a bar
    annual = render(crna, "annual")
    assert "$239,200 or more" in annual
    assert "None" not in annual
    dancers = render(Wage.objects.filter(soc_code="27-2031"), "annual")
    assert "Not published (BLS reports this pay only as an hourly wage)" in dancers
    assert "No figures published" in dancers  # nothing to draw for annual pay


def test_unknown_unit_is_an_error(imported):
    from django.template import TemplateSyntaxError

    from wages.models import Wage

    with pytest.raises(TemplateSyntaxError):
        render(Wage.objects.all(), "weekly")


def test_no_rows_renders_nothing():
    assert render([]).strip() == ""
