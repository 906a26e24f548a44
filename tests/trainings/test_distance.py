"""Distance filter: true great-circle order from the ZIP code's center, and the radius cut."""

import math
import re

import pytest

from places.geo import zip_point
from tests.trainings.factories import ProviderFactory, TrainingFactory
from trainings.models import Training

pytestmark = pytest.mark.django_db

CENTER_ZIP = "10001"


def haversine_miles(a, b):
    lat1, lon1, lat2, lon2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 3958.8 * math.asin(math.sqrt(h))


@pytest.fixture
def three_points():
    """Three providers due north-east of the center at known offsets, created out of order."""
    center = zip_point(CENTER_ZIP)
    made = {}
    for name, offset in [("far", 0.30), ("near", 0.02), ("middle", 0.10)]:
        provider = ProviderFactory(
            zip_code="",
            latitude=center.latitude + offset,
            longitude=center.longitude + offset,
        )
        made[name] = TrainingFactory(title=f"{name} training", provider=provider)
    # An online training: anyone in New York can take it, so every distance search lists
    # it, after the ones taught nearby.
    TrainingFactory(
        title="online training",
        delivery=Training.Delivery.ONLINE,
        provider=ProviderFactory(zip_code=CENTER_ZIP),
    )
    expected = {
        name: haversine_miles(
            (center.latitude, center.longitude),
            (t.provider.latitude, t.provider.longitude),
        )
        for name, t in made.items()
    }
    return made, expected


def test_trainings_are_ordered_by_true_distance_and_cut_at_the_radius(client, three_points):
    _, expected = three_points
    # near ~1.7 mi, middle ~8.6 mi, far ~25.8 mi from the center of 10001.
    assert expected["near"] < 5 < expected["middle"] < 10 < 25 < expected["far"] < 50

    response = client.get("/trainings/", {"zip": CENTER_ZIP, "miles": "10"})
    shown = list(response.context["trainings"])
    assert [t.title for t in shown] == ["near training", "middle training", "online training"]
    for training in shown[:2]:
        name = training.title.split()[0]
        assert training.distance == pytest.approx(expected[name], abs=0.01)

    response = client.get("/trainings/", {"zip": CENTER_ZIP, "miles": "50"})
    assert [t.title for t in response.context["trainings"]] == [
        "near training",
        "middle training",
        "far training",
        "online training",
    ]
    response = client.get("/trainings/", {"zip": CENTER_ZIP, "miles": "5", "hide_online": "on"})
    assert [t.title for t in response.context["trainings"]] == ["near training"]


def test_default_radius_is_25_miles_and_distance_is_shown(client, three_points):
    response = client.get("/trainings/", {"zip": CENTER_ZIP})
    assert [t.title for t in response.context["trainings"]] == [
        "near training",
        "middle training",
        "online training",
    ]
    html = response.content.decode()
    assert "miles</dd>" in html
    assert "<dd>Online — anywhere in New York</dd>" in html


def test_distance_is_one_query(django_assert_num_queries, three_points):
    with django_assert_num_queries(1):
        list(Training.objects.near(zip_point(CENTER_ZIP), 50))


def test_a_link_that_names_the_default_distance_works(client):
    response = client.get("/trainings/", {"zip": "12207", "miles": "25"})
    assert response.status_code == 200
    assert response.context["filter"].form.cleaned_data["miles"] is None  # the default: 25


def _sort_options(html):
    """The sort menu's options, (value, label), in order."""
    menu = html.split('name="sort"', 1)[1].split("</select>", 1)[0]
    return re.findall(r'<option value="([^"]*)"[^>]*>([^<]*)</option>', menu)


def test_words_and_a_zip_code_list_the_nearest_first_unless_best_match_is_chosen(
    client, three_points
):
    made, _ = three_points
    # "far" holds the word in its title (best match); the others only in the description.
    for training in made.values():
        training.description = "Care coordination for families."
        training.save()
    far = made["far"]
    far.title = "Care coordination certificate (far)"
    far.save()
    query = {"q": "care coordination", "zip": CENTER_ZIP, "miles": "50"}
    response = client.get("/trainings/", query)
    titles = [t.title for t in response.context["trainings"]]
    assert titles == ["near training", "middle training", far.title]
    html = response.content.decode()
    assert "Trainings taught near you come first, nearest first, then online trainings." in html
    assert _sort_options(html) == [
        ("", "Nearest first"),
        ("match", "Best match"),
        ("start", "Next start date"),
        ("cost", "Lowest cost"),
    ]
    # Best match: the title that holds the words first, the online trainings still last.
    response = client.get("/trainings/", {**query, "sort": "match"})
    assert response.context["trainings"][0].title == far.title
    assert "Trainings taught near you come first" not in response.content.decode()
    # ?sort=distance, as before this order was the usual one, is the same list.
    response = client.get("/trainings/", {**query, "sort": "distance"})
    assert [t.title for t in response.context["trainings"]] == titles


def test_without_a_zip_code_the_sort_menu_offers_distance_and_best_match_is_usual(client):
    TrainingFactory(title="Care coordination basics")
    response = client.get("/trainings/", {"q": "care"})
    html = response.content.decode()
    assert _sort_options(html) == [
        ("", "Best match"),
        ("start", "Next start date"),
        ("cost", "Lowest cost"),
        ("distance", "Distance (needs a ZIP code)"),
    ]
    # The link that removes the ZIP code keeps ?sort=match: still valid, the usual order.
    response = client.get("/trainings/", {"q": "care", "sort": "match"})
    assert response.status_code == 200
    assert [t.title for t in response.context["trainings"]] == ["Care coordination basics"]
    # The menu is a cached fragment: a search with a ZIP code after one without (and back)
    # gets its own menu.
    html = client.get("/trainings/", {"q": "care", "zip": CENTER_ZIP}).content.decode()
    assert _sort_options(html)[0] == ("", "Nearest first")
    html = client.get("/trainings/", {"q": "care"}).content.decode()
    assert _sort_options(html)[0] == ("", "Best match")
