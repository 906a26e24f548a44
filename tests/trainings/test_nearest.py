"""TrainingQuerySet.nearest(): the trainings taught nearest to a point, read from the nearest
providers first, and the same answer as reading every training and sorting them all."""

import math

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from places.geo import EARTH_RADIUS_MILES, zip_point
from tests.trainings.factories import ProviderFactory, TrainingFactory
from trainings.models import Training

pytestmark = pytest.mark.django_db

CENTER = zip_point("10001")


def provider_at(miles, name):
    """A provider `miles` due north of ZIP 10001's center."""
    latitude = CENTER.latitude + math.degrees(miles / EARTH_RADIUS_MILES)
    return ProviderFactory(name=name, latitude=latitude, longitude=CENTER.longitude)


def every_one_sorted(trainings, limit):
    """What nearest() must give: every training taught at a place, sorted whole."""
    ordered = sorted(
        (t for t in trainings.taught_at_a_place().with_distance(CENTER)),
        key=lambda t: (round(t.distance, 9), t.title, t.pk),
    )
    return [t.pk for t in ordered[:limit]]


@pytest.fixture
def spread():
    """Providers at 1 to 8 miles, two of them at the same place (5 miles); trainings in
    person, online (which never count) and at a provider without coordinates."""
    providers = {miles: provider_at(miles, f"At {miles} miles") for miles in range(1, 9)}
    twin = provider_at(5, "Also at 5 miles")
    nowhere = ProviderFactory(name="No coordinates", latitude=None, longitude=None)
    TrainingFactory(provider=providers[1], title="Online at 1", delivery="online")
    TrainingFactory(provider=nowhere, title="Taught nowhere known")
    for miles in (3, 5, 8):
        TrainingFactory(provider=providers[miles], title=f"Zebra care {miles}")
    TrainingFactory(provider=twin, title="Another zebra care 5")
    TrainingFactory(provider=providers[6], title="Peer recovery 6")
    return providers


def test_the_same_trainings_as_sorting_every_one(spread):
    # Every combination in one test: one set of rows, not 96 (the suite's time counts).
    for words in ["", "zebra", "recovery", "nothing-matches"]:
        trainings = Training.objects.published()
        if words:
            trainings = trainings.search(words)
        for limit in [1, 2, 3, 5]:
            for among in [1, 2, 3, 4, 5, 50]:
                found = trainings.nearest(CENTER, limit, among=among)
                case = f"words={words!r} limit={limit} among={among}"
                assert [t.pk for t in found] == every_one_sorted(trainings, limit), case
                assert all(t.distance is not None for t in found), case


def test_providers_at_the_same_distance_as_the_last_one_read_are_read_too(spread):
    # The three nearest providers with a training are at 3 and 5 miles ("At 5 miles" and
    # "Also at 5 miles"); with among=2 the second is one of the twins, so both are read:
    # the twin with the title first in order must not be missed.
    trainings = Training.objects.published().search("zebra")
    titles = [t.title for t in trainings.nearest(CENTER, 3, among=2)]
    assert titles == ["Zebra care 3", "Another zebra care 5", "Zebra care 5"]


def test_two_queries_when_the_nearest_providers_hold_enough(spread):
    trainings = Training.objects.published().search("zebra", text_index=False)
    with CaptureQueriesContext(connection) as queries:
        found = trainings.nearest(CENTER, 2, among=5)
    assert [t.title for t in found] == ["Zebra care 3", "Another zebra care 5"]
    # The nearest providers, then their trainings, the words compared with the text itself.
    assert len(queries) == 2
    assert "MATCH" not in queries[1]["sql"]


def test_the_rest_are_read_from_further_when_the_nearest_providers_hold_too_few(spread):
    near_first = Training.objects.published().search("zebra", text_index=False)
    further = Training.objects.published().search("zebra")
    with CaptureQueriesContext(connection) as queries:
        found = near_first.nearest(CENTER, 4, among=2, further=further)
    assert [t.title for t in found] == [
        "Zebra care 3",
        "Another zebra care 5",
        "Zebra care 5",
        "Zebra care 8",
    ]
    assert len(queries) == 3
    if connection.vendor == "sqlite":
        assert "MATCH" in queries[2]["sql"]  # the third one lists them from the text index
