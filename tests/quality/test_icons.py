"""
The icon sprite (content.icons): every icon a template names is drawn in the committed
static/img/icons.svg, and pages refer to it instead of carrying each icon's paths.
"""

import re
from xml.etree import ElementTree

import pytest
from django.contrib.staticfiles import finders
from django.core.management import call_command
from django.template import Context, Template

from content.icons import ICON_TAG, icons_used, sprite_markup, sprite_path, template_files

pytestmark = pytest.mark.django_db

SVG = "{http://www.w3.org/2000/svg}"


def test_the_committed_sprite_is_what_the_command_writes():
    committed = sprite_path().read_text(encoding="utf-8")
    assert committed == sprite_markup(icons_used()), (
        "static/img/icons.svg is stale: run manage.py build_icon_sprite"
    )


def test_every_icon_a_template_names_is_a_symbol_of_the_sprite():
    named = set()
    for path in template_files():
        named.update(ICON_TAG.findall(path.read_text(encoding="utf-8")))
    assert {"clock", "map-pin", "banknotes"} <= named  # the scan sees the card's icons
    root = ElementTree.parse(finders.find("img/icons.svg")).getroot()
    symbols = {symbol.get("id"): symbol for symbol in root.iter(SVG + "symbol")}
    assert set(symbols) == named
    for name, symbol in symbols.items():
        assert symbol.get("viewBox") == "0 0 20 20", name
        assert symbol.findall(SVG + "path"), name


def test_the_command_writes_the_sprite(tmp_path):
    output = tmp_path / "icons.svg"
    call_command("build_icon_sprite", output=output, stdout=open("/dev/null", "w"))
    assert output.read_text(encoding="utf-8") == sprite_path().read_text(encoding="utf-8")
    assert output.read_text(encoding="utf-8").count("<symbol ") == len(icons_used()) >= 10


def test_an_icon_is_a_reference_to_the_sprite_hidden_from_screen_readers():
    html = Template('{% load presentation %}{% icon "clock" %}').render(Context())
    assert html == (
        '<svg class="icon" width="20" height="20" aria-hidden="true">'
        '<use href="/static/img/icons.svg#clock"></use></svg>'
    )


def test_a_results_page_carries_no_icon_paths(client):
    call_command("load_content", stdout=open("/dev/null", "w"))
    html = client.get("/trainings/").content.decode()
    icons = re.findall(r'<svg class="icon".*?</svg>', html, re.S)
    assert len(icons) >= 10
    assert all("<path" not in icon for icon in icons)
