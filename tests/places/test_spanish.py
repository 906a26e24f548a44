"""
Places in Spanish: the ZIP code field's label and messages, region and county names, and
the county map's link titles and legend, each in the language active when it is shown.
"""

import re
from html import unescape

from django import forms
from django.template import Context, Template
from django.utils import translation

from places.forms import ZipCodeField
from places.regions import COUNTY_CHOICES, Region, county_label
from places.templatetags.places_map import legend


class SearchForm(forms.Form):
    zip = ZipCodeField(required=False, new_york_only=True)


def errors(typed):
    with translation.override("es"):
        form = SearchForm({"zip": typed})
        assert not form.is_valid()
        return [str(message) for message in form.errors["zip"]]


def test_zip_code_label_and_messages_are_in_spanish():
    with translation.override("es"):
        assert str(SearchForm()["zip"].label) == "Código postal"
    assert errors("abcde") == ["Escriba un código postal de 5 dígitos, por ejemplo 10001."]
    assert errors("00000") == [
        "No conocemos el código postal 00000. Revíselo o busque por condado."
    ]
    assert errors("90210") == [
        "90210 no es un código postal de Nueva York. Este sitio trata solo sobre el estado de "
        "Nueva York: escriba un código postal de Nueva York o elija una región o un condado."
    ]


def test_the_same_field_still_speaks_english_outside_spanish():
    form = SearchForm({"zip": "abcde"})
    assert not form.is_valid()
    assert form.errors["zip"] == ["Enter a 5-digit ZIP code, for example 10001."]


def test_region_and_county_names_follow_the_language():
    labels = dict(COUNTY_CHOICES)
    with translation.override("es"):
        assert str(Region.NYC.label) == "Ciudad de Nueva York"
        assert str(Region.LONG_ISLAND.label) == "Long Island"  # a proper name stays
        assert str(labels["Kings"]) == "Condado de Kings"
        assert str(county_label("St. Lawrence")) == "Condado de St. Lawrence"
    assert str(Region.NYC.label) == "New York City"
    assert str(labels["Kings"]) == "Kings County"
    assert county_label("Nowhere") == "Nowhere"


def test_county_map_titles_and_legend_are_in_spanish():
    template = Template(
        "{% load places_map %}{% county_map counts '/employers/' 'empleador' 'empleadores' %}"
    )
    with translation.override("es"):
        html = template.render(Context({"counts": {"Kings": 2, "Albany": 1}}))
        assert legend(10)[0] == (0, "Ninguno")
        assert legend(10)[1] == (1, "De 1 a 2")
    titles = {unescape(t) for t in re.findall(r"<title>([^<]+)</title>", html)}
    assert "Condado de Kings: 2 empleadores" in titles
    assert "Condado de Albany: 1 empleador" in titles
    assert "Condado de Erie: 0 empleadores" in titles
    assert not any("County" in title for title in titles)
