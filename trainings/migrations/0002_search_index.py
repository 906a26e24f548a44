"""
PostgreSQL only: a stored, generated `search_vector` column holding the weighted full-text
document that trainings/search.py searches (title weight A; title, provider, credential
and description weight B), and a GIN index on it. Searches then neither recompute the
document per row nor read every row. Other databases skip this (their search is the
portable fallback), and the column is not a model field, so the ORM never writes it.
"""

from django.db import migrations

DOCUMENT = (
    "setweight(to_tsvector('english'::regconfig, COALESCE(title, '')), 'A') || "
    "setweight(to_tsvector('english'::regconfig, COALESCE(search_text, '')), 'B')"
)


def add_search_vector(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        "ALTER TABLE trainings_training ADD COLUMN IF NOT EXISTS search_vector tsvector "
        f"GENERATED ALWAYS AS ({DOCUMENT}) STORED"
    )
    schema_editor.execute(
        "CREATE INDEX IF NOT EXISTS training_search_gin_idx "
        "ON trainings_training USING GIN (search_vector)"
    )


def drop_search_vector(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("DROP INDEX IF EXISTS training_search_gin_idx")
    schema_editor.execute("ALTER TABLE trainings_training DROP COLUMN IF EXISTS search_vector")


class Migration(migrations.Migration):
    dependencies = [("trainings", "0001_initial")]

    operations = [migrations.RunPython(add_search_vector, drop_search_vector)]
