"""
Spanish descriptions are searchable (issue 17). The search text now holds the description
in both languages (Training.build_search_text), lower-cased and without accents, so accents
are optional in either language on every database. On PostgreSQL the stored document
(migration 0002) also gets the search text under the Spanish configuration (weight D, so
English ranking stays as it was), which trainings/search.py queries alongside the English
one: "coordinadores" finds "coordinador". The generated column is made again (PostgreSQL
cannot change a generated column's expression before version 17).
"""

from django.db import migrations

from content.text import normalise

OLD_DOCUMENT = (
    "setweight(to_tsvector('english'::regconfig, COALESCE(title, '')), 'A') || "
    "setweight(to_tsvector('english'::regconfig, COALESCE(search_text, '')), 'B')"
)
DOCUMENT = OLD_DOCUMENT + (
    " || setweight(to_tsvector('spanish'::regconfig, COALESCE(search_text, '')), 'D')"
)


def _make(schema_editor, document):
    schema_editor.execute("DROP INDEX IF EXISTS training_search_gin_idx")
    schema_editor.execute("ALTER TABLE trainings_training DROP COLUMN IF EXISTS search_vector")
    schema_editor.execute(
        "ALTER TABLE trainings_training ADD COLUMN search_vector tsvector "
        f"GENERATED ALWAYS AS ({document}) STORED"
    )
    schema_editor.execute(
        "CREATE INDEX training_search_gin_idx ON trainings_training USING GIN (search_vector)"
    )


def forwards(apps, schema_editor):
    Training = apps.get_model("trainings", "Training")
    # Rows saved before: their search text gets the Spanish description (none yet, mostly).
    for training in Training.objects.select_related("provider").exclude(description_es=None):
        parts = [
            training.title,
            training.provider.name,
            training.credential,
            training.description_en,
            training.description_es,
        ]
        Training.objects.filter(pk=training.pk).update(
            search_text=normalise(" ".join(p for p in parts if p))
        )
    if schema_editor.connection.vendor == "postgresql":
        _make(schema_editor, DOCUMENT)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        _make(schema_editor, OLD_DOCUMENT)


class Migration(migrations.Migration):
    dependencies = [("trainings", "0009_translated_fields")]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
