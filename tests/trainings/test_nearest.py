"""TrainingQuerySet.nearest() and nearest_first_ids(): the trainings taught nearest to a point,
read from the nearest providers first, and the same answer as reading every training and
sorting them all."""

import math

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from places.geo import EARTH_RADIUS_MILES, zip_point
from tests.trainings.factories import ProviderFactory, TrainingFactory
from trainings.models import NEAREST_FIRST, Training, nearest_providers

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
                found = trainings.nearest(CENTER, limit, providers=nearest_providers(CENTER, among))
                case = f"words={words!r} limit={limit} among={among}"
                assert [t.pk for t in found] == every_one_sorted(trainings, limit), case
                assert all(t.distance is not None for t in found), case


def test_providers_at_the_same_distance_as_the_last_one_read_are_read_too(spread):
    # The three nearest providers with a training are at 3 and 5 miles ("At 5 miles" and
    # "Also at 5 miles"); with among=2 the second is one of the twins, so both are read:
    # the twin with the title first in order must not be missed.
    trainings = Training.objects.published().search("zebra")
    titles = [t.title for t in trainings.nearest(CENTER, 3, providers=nearest_providers(CENTER, 2))]
    assert titles == ["Zebra care 3", "Another zebra care 5", "Zebra care 5"]


def test_two_queries_when_the_nearest_providers_hold_enough(spread):
    trainings = Training.objects.published().search("zebra", text_index=False)
    with CaptureQueriesContext(connection) as queries:
        found = trainings.nearest(CENTER, 2, providers=nearest_providers(CENTER, 5))
    assert [t.title for t in found] == ["Zebra care 3", "Another zebra care 5"]
    # The nearest providers, then their trainings, the words compared with the text itself.
    assert len(queries) == 2
    assert "MATCH" not in queries[1]["sql"]


def test_the_rest_are_read_from_further_when_the_nearest_providers_hold_too_few(spread):
    near_first = Training.objects.published().search("zebra", text_index=False)
    further = Training.objects.published().search("zebra")
    with CaptureQueriesContext(connection) as queries:
        two = nearest_providers(CENTER, 2)
        found = near_first.nearest(CENTER, 4, providers=two, further=further)
    assert [t.title for t in found] == [
        "Zebra care 3",
        "Another zebra care 5",
        "Zebra care 5",
        "Zebra care 8",
    ]
    assert len(queries) == 3
    if connection.vendor == "sqlite":
        assert "MATCH" in queries[2]["sql"]  # the third one lists them from the text index


def every_one_nearest_first(trainings, miles, limit):
    """What nearest_first_ids() must give when it answers: near() sorted whole, in Python:
    those taught within `miles` by distance, then the online ones by their provider's
    distance, those without one last."""
    rows = trainings.near(CENTER, miles)
    ordered = sorted(
        rows,
        key=lambda t: (
            t.online_last,
            t.distance is None,
            round(t.distance or 0, 9),
            t.title,
            t.pk,
        ),
    )
    return [t.pk for t in ordered[:limit]]


@pytest.fixture
def spread_online(spread):
    """`spread`, with online trainings at 2 and 7 miles and at a provider without a place."""
    TrainingFactory(provider=spread[2], title="Zebra online 2", delivery="online")
    TrainingFactory(provider=spread[7], title="Zebra online 7", delivery="online")
    nowhere = ProviderFactory(name="Online school", latitude=None, longitude=None)
    TrainingFactory(provider=nowhere, title="Zebra online anywhere", delivery="online")
    return spread


def test_nearest_first_ids_are_the_first_of_every_one_sorted_or_none(spread_online):
    answered = 0
    for words in ["", "zebra", "recovery", "nothing-matches"]:
        trainings = Training.objects.published()
        if words:
            trainings = trainings.search(words)
        for miles in [2, 4, 6, 10]:
            expected_all = every_one_nearest_first(trainings, miles, 100)
            for limit in [1, 2, 3, 5, 8]:
                for among in [1, 2, 3, 4, 5, 50]:
                    providers = nearest_providers(CENTER, among)
                    ids = trainings.nearest_first_ids(CENTER, miles, limit, providers=providers)
                    case = f"words={words!r} miles={miles} limit={limit} among={among}"
                    if ids is None:
                        continue
                    answered += 1
                    assert ids == expected_all[:limit], case
                    # The whole search, as the page's window reads it, agrees.
                    window = trainings.near(CENTER, miles).order_by(*NEAREST_FIRST)
                    assert ids == list(window.values_list("pk", flat=True)[:limit]), case
    # It answers often enough to matter, and declines where it cannot tell: 4 miles with
    # one provider read (1 mile away) could miss the training taught at 3 miles.
    assert answered > 50
    trainings = Training.objects.published().search("zebra")
    one = nearest_providers(CENTER, 1)
    assert trainings.nearest_first_ids(CENTER, 4, 2, providers=one) is None
    # Five providers reach 5 miles: every training taught within 4 is among theirs, and
    # the one taught at 3 miles comes before the online one at 2 miles.
    five = nearest_providers(CENTER, 5)
    ids = trainings.nearest_first_ids(CENTER, 4, 2, providers=five)
    assert ids == every_one_nearest_first(trainings, 4, 2)
    assert [Training.objects.get(pk=pk).title for pk in ids] == ["Zebra care 3", "Zebra online 2"]
