"""The SQLite full-text index of trainings stays in step with the table, whatever writes it."""

import pytest
from django.db import connection

from tests.sqlite_index import index_triggers, trigger_names
from tests.trainings.factories import ProviderFactory, TrainingFactory
from trainings.models import Training

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's FTS5 index only"),
]


def test_the_triggers_that_keep_the_index_in_step_exist():
    # A later migration that makes SQLite rebuild trainings_training drops them silently.
    assert index_triggers("trainings_training") <= trigger_names("trainings_training")


def test_search_follows_saves_updates_bulk_creates_and_deletes():
    training = TrainingFactory(title="Patient navigator", description="")
    assert list(Training.objects.search("navig")) == [training]
    training.title = "Peer recovery coach"
    training.save()
    assert not Training.objects.search("navig").exists()
    assert list(Training.objects.search("recovery coach")) == [training]
    Training.objects.filter(pk=training.pk).update(search_text="care coordination basics")
    assert list(Training.objects.search("ordinat")) == [training]
    provider = ProviderFactory(name="Hostos Community College")
    bulk = Training.objects.bulk_create(
        [Training(provider=provider, title="Bulk", slug="bulk", search_text="bulk zebra")]
    )
    assert list(Training.objects.search("zebra")) == bulk
    training.delete()
    assert not Training.objects.search("ordinat").exists()


def test_short_words_are_still_found_without_the_index():
    training = TrainingFactory(title="RN to BSN bridge", description="")
    assert list(Training.objects.search("rn bridge")) == [training]
