"""
SQLite only: covering indexes for the trainings search (issue 16).

A search on SQLite lists the trainings that hold its words from the FTS5 index (0006), then
looks each one up to test the filters, the distance and the order: the training's status,
kind, delivery, schedule, cost, length, languages, featured flag, title and start date, and
its provider's coordinates, region and county. With a common word that is most trainings,
and each lookup read the whole row: descriptions in two languages and the search text.
These indexes hold exactly those columns, keyed by id, so each lookup reads a short index
entry instead (SQLite chooses them once ANALYZE has measured the tables:
content.loading.refresh_planner_statistics, which load_content and seed_demo run). On the
100x benchmark database (100,000 trainings) a search's SQL went from 99.8 to 69.4 ms (median
over 60 bench URLs, replayed on both copies in turn).

PostgreSQL reads the rows its full-text index finds from the heap either way, so it skips
this. A migration that makes SQLite rebuild either table drops these indexes;
tests/trainings/test_search_plan.py fails if that happens.
"""

from django.db import migrations

INDEXES = {
    "training_search_cover": (
        "trainings_training",
        "id, status, kind, delivery, schedule, is_free, cost_low, length_weeks, languages, "
        "featured, title, next_start_date, provider_id",
    ),
    "provider_search_cover": ("trainings_provider", "id, latitude, longitude, region, county"),
}


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for name, (table, columns) in INDEXES.items():
            schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {table} ({columns})")


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for name in INDEXES:
            schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("trainings", "0010_spanish_search")]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
