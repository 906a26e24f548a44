"""
PostgreSQL only: the trainings of a provider, with their status and delivery, in one index
(issue 16).

A trainings search near a ZIP code counts its matches up to 1,001 (content.pagination): the
trainings whose provider is within the distance, or that are taught online. Nothing else
narrows that count when no words are typed, so PostgreSQL read the trainings table from the
start until it had 1,001 of them (`make bench-explain`: "trainings search, ZIP only", a
sequential scan of 1,705 rows). With the provider, status and delivery in one index, the
count reads that index alone (an index-only scan once VACUUM has marked the table's pages
all-visible, which content.loading.refresh_planner_statistics runs): on the make bench
database (10,000 trainings) the count around 10001 within 10 miles went from 2.3 to 1.1 ms,
and the plan reads no table of trainings.

SQLite has its own covering indexes for the search (0011), and INCLUDE is PostgreSQL's.
"""

from django.db import migrations

NAME = "training_provider_cover"


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {NAME} ON trainings_training (provider_id) "
            "INCLUDE (status, delivery)"
        )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {NAME}")


class Migration(migrations.Migration):
    dependencies = [("trainings", "0012_sqlite_text_index_model")]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
