"""Distance filter: true great-circle order from the ZIP code's center, and the radius cut."""

import math

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
