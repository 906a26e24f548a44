"""A form that comes back with errors says so where a screen reader starts (the page title)
and ties each message to its field (aria-describedby), on every page with a search form."""

import re
from html import unescape

import pytest

from tests.careers.helpers import load_starting_content
from tests.db import loaded_once

pytestmark = pytest.mark.django_db

CAREER = "/careers/care-management-care-coordination/"


@loaded_once
def content():
    """The starting careers and pay figures."""
    load_starting_content()


BAD = [
    ("/trainings/?q=care&zip=abcde&miles=10", "id_zip"),
    ("/trainings/?zip=10001&miles=500", "id_miles"),
    ("/trainings/guide/?want=care-coordinator&zip=abc", None),
    ("/trainings/compare/?ids=1&ids=2&ids=3&ids=4&ids=5", None),
    ("/employers/?zip=abcde", "id_zip"),
    ("/careers/?q=" + "x" * 300, "id_q"),
    (CAREER + "care-coordinator/pay/?zip=abcde", "id_zip"),
    ("/es/trainings/?zip=abcde", "id_zip"),
]


def said(html, element_id):
    """The text of the element with this id (its first 300 characters of markup)."""
    found = re.search(rf'id="{element_id}"[^>]*>(.{{0,300}})', html, re.S)
    return re.sub(r"<[^>]+>", "", found.group(1)).strip() if found else ""


def title(html):
    return unescape(re.search(r"<title>(.*?)</title>", html, re.S).group(1))


@pytest.mark.parametrize(("path", "field"), BAD)
def test_a_form_with_errors_puts_error_first_in_the_title(client, content, path, field):
    response = client.get(path)
    # The title finder is part of the careers page, which still answers 200.
    assert response.status_code == (200 if path.startswith("/careers/?") else 400)
    html = response.content.decode()
    assert title(html).startswith("Error: "), title(html)
    assert html.count('class="error-summary"') == 1
    if field:
        control = re.search(rf'<(?:input|select)[^>]*id="{field}"[^>]*>', html).group(0)
        assert 'aria-invalid="true"' in control
        described = re.search(r'aria-describedby="([^"]*)"', control).group(1).split()
        messages = [said(html, m) for m in described if "error" in m]
        assert any(messages), (control, described)


@pytest.mark.parametrize(
    "path",
    ["/trainings/?q=care&zip=10001&miles=10", "/employers/?zip=12207&miles=10", "/careers/?q=care"],
)
def test_a_good_search_has_no_error_in_its_title(client, content, path):
    html = client.get(path).content.decode()
    assert not title(html).startswith("Error")


def test_a_distance_not_on_the_list_says_which_distances_there_are(client, content):
    html = client.get("/trainings/?zip=10001&miles=500").content.decode()
    assert "Choose a distance of 5, 10, 25 or 50 miles." in html
    assert "Select a valid choice" not in html
