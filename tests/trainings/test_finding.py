"""Finding a training: from any New York county, the same answers in the guide and the
search, online programs for everyone, the nearest ones when nothing is close, and pages
that never leave a fact blank. Most tests run on the real starting content."""

import re
from html.parser import HTMLParser

import pytest
import zipcodes

from careers import content as careers_content
from places.regions import REGION_BY_COUNTY, Region
from tests.db import loaded_once
from trainings import content
from trainings.models import NOT_STATED, ONLINE_ANYWHERE, Training

pytestmark = pytest.mark.django_db

LIST_URL = "/trainings/"
GUIDE_URL = "/trainings/guide/"


def load_careers_and_trainings():
    careers_content.load()
    content.load()


real_content = loaded_once(load_careers_and_trainings)


def one_zip_per_county():
    """The first standard ZIP code of each of New York's 62 counties (zipcodes package)."""
    found = {}
    for record in zipcodes.filter_by(state="NY"):
        county = (record.get("county") or "").removesuffix(" County").replace("St ", "St. ")
        if record.get("zip_code_type") == "STANDARD" and county in REGION_BY_COUNTY:
            found.setdefault(county, record["zip_code"])
    return found


def titles(trainings):
    return [t.title for t in trainings]


class FactsParser(HTMLParser):
    """The text of each <dd> in the page."""

    def __init__(self):
        super().__init__()
        self.values, self._in_dd = [], False

    def handle_starttag(self, tag, attrs):
        if tag == "dd":
            self._in_dd, self._text = True, ""

    def handle_endtag(self, tag):
        if tag == "dd":
            self._in_dd = False
            self.values.append(self._text.strip())

    def handle_data(self, data):
        if self._in_dd:
            self._text += data


def test_every_county_finds_trainings_each_with_its_distance_or_online(client, real_content):
    zips = one_zip_per_county()
    assert len(zips) == 62
    for county, zip_code in zips.items():
        response = client.get(LIST_URL, {"zip": zip_code})
        assert response.status_code == 200, county
        shown = list(response.context["trainings"])
        assert shown, county
        html = response.content.decode()
        for training in shown:
            assert training.is_online or training.distance is not None, (county, training)
        if any(t.is_online for t in shown):
            assert f"<dd>{ONLINE_ANYWHERE}</dd>" in html


def test_online_trainings_come_after_the_ones_taught_nearby(client, real_content):
    shown = list(client.get(LIST_URL, {"zip": "10451", "miles": "50"}).context["trainings"])
    online = [t.is_online for t in shown]
    assert True in online and False in online
    assert online == sorted(online)  # every online one after every other
    distances = [t.distance for t in shown if not t.is_online]
    assert distances == sorted(distances)


def test_online_trainings_can_be_hidden(client, real_content):
    shown = client.get(LIST_URL, {"zip": "10451", "hide_online": "on"}).context["trainings"]
    assert shown and not any(t.is_online for t in shown)


def test_nothing_within_the_radius_shows_the_nearest_with_their_distance(client, real_content):
    # Old Forge (Herkimer County, in the Adirondacks): nothing is taught within 5 miles.
    response = client.get(LIST_URL, {"zip": "13420", "miles": "5"})
    nearest = response.context["nearest"]
    assert len(nearest) == 3
    assert all(t.distance > 5 and not t.is_online for t in nearest)
    assert [t.distance for t in nearest] == sorted(t.distance for t in nearest)
    html = response.content.decode()
    assert "Nothing within 5 miles; the nearest are:" in html
    assert re.search(r"<dd>\d+\.\d miles</dd>", html)
    # The trainings found, counted in the heading, are the online ones: said so, and not
    # that "trainings taught near you come first" when none is (a review found both).
    found = response.context["page_obj"].paginator.count
    assert found and all(t.is_online for t in response.context["trainings"])
    assert "The trainings found are all online" in html
    assert "Trainings taught near you come first" not in html
    hidden = client.get(LIST_URL, {"zip": "10451", "hide_online": "on"}).content.decode()
    assert "Nearest first.<" in hidden and "come first, nearest first, then online" not in hidden


def test_no_fallback_when_something_is_near(client, real_content):
    response = client.get(LIST_URL, {"zip": "10451"})
    assert response.context["nearest"] == []
    assert "Nothing within" not in response.content.decode()


@pytest.mark.parametrize("zip_code", ["90210", "07030", "06830"])
def test_a_zip_code_outside_new_york_says_the_site_covers_new_york(client, zip_code):
    for url in (LIST_URL, GUIDE_URL):
        response = client.get(url, {"zip": zip_code, "have": "high_school"})
        assert response.status_code == 400
        assert "This site covers New York State only" in response.content.decode()


def test_a_role_link_opens_that_roles_trainings_not_the_whole_career(client, real_content):
    for slug in ("care-coordinator", "care-manager"):
        shown = list(client.get(LIST_URL, {"role": slug}).context["trainings"])
        assert shown
        for training in shown:
            assert slug in {role.slug for role in training.roles.all()}, training
    coordinator = set(
        titles(client.get(LIST_URL, {"role": "care-coordinator"}).context["trainings"])
    )
    career = set(
        titles(
            client.get(LIST_URL, {"career": "care-management-care-coordination"}).context[
                "trainings"
            ]
        )
    )
    assert coordinator < career


GUIDE_ANSWERS = [
    {"have": "high_school"},
    {"have": "license_rn", "zip": "10451"},
    {"have": "license_sw", "zip": "13202", "miles": "50"},
    {"have": "bachelor", "want": "care-manager", "zip": "14604", "delivery": "hybrid"},
    {"have": "none", "zip": "12207"},
    {"have": "license_lpn", "zip": "13601", "miles": "10"},
    {"have": "master", "zip": "11530", "budget": "0"},
    {"have": "license_rn", "zip": "13901", "delivery": "online"},
]


@pytest.mark.parametrize("answers", GUIDE_ANSWERS)
def test_the_guide_and_the_search_give_the_same_trainings(client, real_content, answers):
    guide = client.get(GUIDE_URL, answers)
    assert guide.status_code == 200
    result = guide.context["result"]
    search = client.get(f"{LIST_URL}?{result.search_query}")
    assert search.status_code == 200
    assert titles(result.trainings) == titles(search.context["trainings"])[: len(result.trainings)]
    assert titles(result.nearest) == titles(search.context["nearest"])
    assert (
        f'href="/trainings/?{result.search_query}' in guide.content.decode().replace("&amp;", "&")
        or not result.trainings
    )


def test_the_guide_lists_each_option_once_and_chooses_nothing_for_the_visitor(client):
    html = client.get(GUIDE_URL).content.decode()
    for select in re.findall(r"<select[^>]*>.*?</select>", html, flags=re.S):
        labels = re.findall(r"<option[^>]*>(.*?)</option>", select)
        values = re.findall(r'<option value="([^"]*)"', select)
        assert len(labels) == len(set(labels)), labels
        assert len(values) == len(set(values)), values
        for selected in re.findall(r'<option value="([^"]*)"[^>]*selected', select):
            assert selected == "", select[:80]  # only the "no answer yet" option
    assert html.count("Within 25 miles") <= 1


def test_every_training_page_states_every_fact_or_says_it_is_not_stated(client, real_content):
    for training in Training.objects.published():
        html = client.get(training.get_absolute_url()).content.decode()
        parser = FactsParser()
        parser.feed(html)
        assert len(parser.values) >= 11, training.slug
        assert all(parser.values), (training.slug, parser.values)
        assert "Not published" not in html
        if not training.delivery:
            assert f"<dt>How it is taught</dt><dd>{NOT_STATED}</dd>" in html


def test_each_region_has_a_program_taught_in_person_and_online_ones_are_statewide(real_content):
    in_person = set(
        Training.objects.published()
        .filter(delivery__in=[Training.Delivery.IN_PERSON, Training.Delivery.HYBRID])
        .values_list("provider__region", flat=True)
    )
    # Every REDC region, the Mohawk Valley included (Herkimer College's Social Science A.A.,
    # which its catalog lists at the Main Campus).
    assert set(Region.values) <= in_person
    assert Training.objects.filter(provider__region=Region.MOHAWK_VALLEY).exists()
    online = Training.objects.filter(delivery=Training.Delivery.ONLINE)
    assert online.count() >= 3
    assert all(t.where_display == ONLINE_ANYWHERE for t in online)


def test_every_row_names_its_source_and_the_day_it_was_read():
    for row in content.read_fixture()["trainings"]:
        assert row["source_url"].startswith("http"), row["slug"]
        assert row["url"].startswith("http"), row["slug"]
        assert "checked_on" in row, row["slug"]  # a date, or null for "not yet verified"


def test_a_training_never_checked_says_not_yet_verified(client):
    from tests.trainings.factories import TrainingFactory

    training = TrainingFactory(checked_on=None)
    html = client.get(training.get_absolute_url()).content.decode()
    assert "Last verified: not yet verified" in html


def test_no_british_spellings_in_trainings_and_employers_content():
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    british = re.compile(
        r"programme|organis|centre|neighbour|behaviour|counsell|recognis|colour|licence",
        re.IGNORECASE,
    )
    for app in ("trainings", "employers"):
        for path in (root / app).rglob("*"):
            if path.suffix in {".py", ".html", ".json"} and "migrations" not in path.parts:
                text = path.read_text(encoding="utf-8")
                # Addresses of pages are the sources' own; only our words are checked.
                text = re.sub(r"https?://\S+", "", text)
                assert not british.search(text), path
