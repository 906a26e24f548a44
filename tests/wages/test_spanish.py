"""
The pay chart and quick facts in Spanish: the words (text alternative, table, key, flags,
month of the release) are Spanish; every figure is the same one, written the US way.
"""

import re
import xml.etree.ElementTree as ET

import pytest
from django.template import Context, Template
from django.utils import translation

from tests.wages.conftest import SOC_CODES
from wages.areas import locate_zip
from wages.models import Area, Wage
from wages.templatetags.wages import money

pytestmark = pytest.mark.django_db
SVG_NS = "{http://www.w3.org/2000/svg}"


@pytest.fixture
def imported(oews_file):
    from django.core.management import call_command

    call_command("import_wages", str(oews_file), "--soc", ",".join(SOC_CODES), stdout=None)


def spanish(source, **context):
    with translation.override("es"):
        return Template("{% load wages %}" + source).render(Context(context))


def chart(wages, unit="annual"):
    return spanish("{% pay_chart wages unit %}", wages=wages, unit=unit)


def test_money_keeps_the_us_figure_and_says_per_hour_in_spanish():
    with translation.override("es"):
        assert money("27.95", "hourly") == "$27.95 por hora"
        assert money(58130) == "$58,130"


def test_chart_text_alternative_and_table_are_in_spanish_with_the_same_figures(imported):
    wages = Wage.objects.for_soc("21-1094").order_by("area__code")
    html = chart(wages)
    root = ET.fromstring(re.search(r"<svg.*?</svg>", html, re.S).group(0))
    title = root.find(f"{SVG_NS}title").text
    desc = root.find(f"{SVG_NS}desc").text
    assert title == "Rango salarial, salario anual"
    assert desc.startswith(
        "Salarios anuales según la U.S. Bureau of Labor Statistics, mayo de 2025."
    )
    assert "Cada barra va del percentil 10 al 90" in desc
    state = wages.get(area__code="3600000")
    # The state's row reads the row's own figures, with Spanish labels.
    assert (
        f"Estado de Nueva York: Percentil 10 {money(state.annual_p10)}; "
        f"Percentil 25 {money(state.annual_p25)}; Mediana {money(state.annual_median)}"
    ) in desc
    assert '<th scope="col">Percentil 90</th>' in html
    assert "Barra delgada: del percentil 10 al 90." in html
    assert "Las estimaciones no incluyen a los trabajadores por cuenta propia." in html
    for english in ("Annual wages", "percentile", "Thin bar", "May 2025", "New York State"):
        assert english not in html, english


def test_flags_are_spanish_words(imported):
    hourly = chart(Wage.objects.filter(soc_code="29-1151"), "hourly")
    assert "$115.00 por hora o más" in hourly
    assert "Todos los percentiles: $115.00 por hora o más" in hourly
    dancers = chart(Wage.objects.filter(soc_code="27-2031"))
    assert "No publicado (la BLS informa este salario solo como pago por hora)" in dancers
    assert "No hay cifras publicadas" in dancers
    assert "Not published" not in dancers and "or more" not in hourly


def test_quick_facts_are_in_spanish(imported):
    wage = Wage.objects.select_related("area").get(soc_code="21-1094", area__code="3600000")
    html = spanish("{% pay_facts wage %}", wage=wage)
    # Inside a sentence the state takes its article; as a name (the source) it does not.
    assert "Salario en el estado de Nueva York" in html  # the default heading
    assert "Empleos en el estado de Nueva York" in html
    assert f"{money(wage.annual_median)} al año" in html
    with translation.override("es"):
        low, high = money(wage.hourly_p25, "hourly"), money(wage.hourly_p75, "hourly")
    assert f"de {low} a {high}" in html and low.endswith(" por hora")
    assert "BLS OEWS, mayo de 2025, Estado de Nueva York" in html
    assert "La mitad de los trabajadores gana menos que la mediana" in html
    assert " a year" not in html and "Median pay" not in html


def test_area_names_other_than_the_state_stay_as_bls_publishes_them(imported):
    albany = Area.objects.get(code="0010580")
    with translation.override("es"):
        assert albany.display_name == "Albany-Schenectady-Troy, NY"
        state = Area.objects.get(code="3600000")
        assert state.display_name == "Estado de Nueva York"
        assert state.name_in_sentence == "el estado de Nueva York"
        assert albany.name_in_sentence == "Albany-Schenectady-Troy, NY"
    assert Area.objects.get(code="3600000").display_name == "New York State"


def test_a_zip_codes_county_is_named_in_the_readers_language():
    place = locate_zip("12207")
    assert place.county_name == "Albany County"
    with translation.override("es"):
        assert str(place.county_name) == "Condado de Albany"
