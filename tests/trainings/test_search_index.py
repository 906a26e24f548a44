"""The SQLite full-text index of trainings stays in step with the table, whatever writes it."""

import pytest
from django.db import connection

from tests.trainings.factories import ProviderFactory, TrainingFactory
from trainings.models import Training

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's FTS5 index only"),
]


def test_the_triggers_that_keep_the_index_in_step_exist():
    # A later migration that makes SQLite rebuild trainings_training drops them silently.
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = %s",
            ["trainings_training"],
        )
        names = {row[0] for row in cursor.fetchall()}
    assert {f"trainings_training_fts_{op}" for op in ("insert", "delete", "update")} <= names


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
