"""Acceptance 4: bad input gets a clear message (400 with the form), never a 500."""

from urllib.parse import urlencode

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.careers.factories import RoleFactory, WorkSettingFactory
from tests.employers.factories import LocationFactory

pytestmark = pytest.mark.django_db

URL = "/employers/"


@pytest.fixture(autouse=True)
def some_data():
    RoleFactory(slug="care-coordinator")
    WorkSettingFactory(slug="hospital")
    LocationFactory()


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"zip": "00000"}, "We don&#x27;t know the ZIP code 00000"),
        ({"zip": "99999"}, "We don&#x27;t know the ZIP code 99999"),
        ({"zip": "1000"}, "Enter a 5-digit ZIP code"),
        ({"zip": "10001-1234"}, "Enter a 5-digit ZIP code"),
        ({"zip": "abcde"}, "Enter a 5-digit ZIP code"),
        ({"zip": "\uff11\uff12\uff12\uff10\uff17"}, "Enter a 5-digit ZIP code"),  # full-width
        ({"zip": "10001", "miles": "7"}, "Choose a distance of 5, 10, 25 or 50 miles"),
        ({"zip": "10001", "radius": "7"}, "Choose a distance of 5, 10, 25 or 50 miles"),
        ({"zip": "10001", "radius": "miles"}, "Choose a distance of 5, 10, 25 or 50 miles"),
        ({"county": "Atlantis"}, "Choose a New York county from the list"),
        ({"county": "Los Angeles"}, "Choose a New York county from the list"),
        ({"region": "narnia"}, "Choose a region from the list"),
        ({"role": "astronaut"}, "We don&#x27;t know that role"),
        ({"kind": "castle"}, "We don&#x27;t know that kind of employer"),
        ({"setting": "moon"}, "We don&#x27;t know that setting"),
        ({"q": "x" * 101}, "Ensure this value has at most 100 characters"),
    ],
)
def test_bad_input_gets_a_clear_message_on_the_form(client, params, message):
    response = client.get(URL, params)
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert "There is a problem with your search" in html
    assert "<title>Error: " in html
    assert '<form class="employer-search"' in html


@pytest.mark.parametrize(
    ("page", "message"),
    [
        ("5000", "There is only 1 page of results, so this is the last one."),
        ("9" * 40, "There is only 1 page of results, so this is the last one."),
        ("0", "Pages start at 1, so this is page 1."),
        ("-3", "Pages start at 1, so this is page 1."),
        ("two", "That page number is not a whole number, so this is page 1."),
    ],
)
def test_a_page_that_does_not_exist_shows_the_nearest_page_with_a_message(client, page, message):
    response = client.get(URL, {"page": page})
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert response.context["page_obj"].number == 1
    assert "Employer" in html


def test_the_form_keeps_what_the_visitor_typed(client):
    html = client.get(URL, {"zip": "0000x"}).content.decode()
    assert 'value="0000x"' in html
    assert 'aria-invalid="true"' in html


def test_a_known_zip_outside_new_york_is_fine_and_finds_nothing_near(client):
    response = client.get(URL, {"zip": "90210", "radius": "50"})
    assert response.status_code == 200
    assert "No employers match your search" in response.content.decode()


KEYS = ["zip", "radius", "county", "region", "role", "kind", "setting", "q", "page", "other"]
text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=30)
values = st.one_of(
    text,
    st.integers(min_value=-(10**20), max_value=10**20).map(str),
    st.sampled_from(
        ["10001", "00000", "5", "10", "25", "50", "Bronx", "nyc", "care-coordinator",
         "health-home", "hospital", "St. Lawrence", "1", "%", "_", "'; DROP TABLE", "\x00"]
    ),
)  # fmt: skip


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    params=st.lists(st.tuples(st.sampled_from(KEYS), values), max_size=6),
    raw=st.text(max_size=40),
)
def test_no_query_string_makes_the_search_fail(params, raw):
    client = Client(raise_request_exception=True)
    response = client.get(URL, params)
    assert response.status_code in {200, 400}
    # A raw, possibly malformed query string as a browser or bot might send it.
    response = client.get(f"{URL}?{raw}")
    assert response.status_code in {200, 400}
    response = client.get(f"{URL}?{urlencode(params)}&{urlencode(params)}")
    assert response.status_code in {200, 400}
