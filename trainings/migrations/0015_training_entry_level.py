"""
Training.entry_level: the schooling or license a training's page says a student must have
before starting (blank where it does not say), for the guide and the search's "education
you have now" filter.

SQLite adds a NOT NULL column by rebuilding trainings_training, which drops what raw SQL
made on it: the FTS5 index's triggers (0006) and the search's covering index (0011).
Both are made again here, the covering index with entry_level, which the search now tests
(tests/trainings/test_search_index.py and test_search_plan.py fail without them).
PostgreSQL adds the column in place and skips this.
"""

import importlib

from django.db import migrations, models

EDUCATION_LEVELS = [
    ("high_school", "High school diploma or GED"),
    ("certificate", "Certificate"),
    ("associate", "Associate degree"),
    ("bachelor", "Bachelor's degree"),
    ("master", "Master's degree"),
    ("license_lpn", "Licensed practical nurse (LPN) license"),
    ("license_rn", "Registered nurse (RN) license"),
    ("license_sw", "Social work license (LMSW or LCSW)"),
]
HELP_TEXT = (
    "Only what the provider's page says a student must have before starting (the same "
    "source as the rest of the row); blank when it does not say. The guide and the search's "
    "“education you have now” filter leave the training out for someone who has less."
)
fts = importlib.import_module("trainings.migrations.0006_sqlite_fts")
covering = importlib.import_module("trainings.migrations.0011_sqlite_search_covering_indexes")
TRAINING_COVER, (TABLE, COLUMNS) = (
    "training_search_cover",
    covering.INDEXES["training_search_cover"],
)


def _cover(schema_editor, columns):
    schema_editor.execute(f"DROP INDEX IF EXISTS {TRAINING_COVER}")
    schema_editor.execute(f"CREATE INDEX {TRAINING_COVER} ON {TABLE} ({columns})")


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        fts.forwards(apps, schema_editor)  # triggers made again, the index rebuilt
        _cover(schema_editor, f"{COLUMNS}, entry_level")


def backwards(apps, schema_editor):
    """Before the column goes: SQLite refuses to drop a column an index holds."""
    if schema_editor.connection.vendor == "sqlite":
        _cover(schema_editor, COLUMNS)


def restore_after_removing(apps, schema_editor):
    """Backwards, last: what a rebuild of the table without the column would drop."""
    if schema_editor.connection.vendor == "sqlite":
        fts.forwards(apps, schema_editor)
        covering.forwards(apps, schema_editor)


def field():
    return models.CharField(
        blank=True,
        choices=EDUCATION_LEVELS,
        help_text=HELP_TEXT,
        max_length=20,
        verbose_name="education it asks for first",
    )


class Migration(migrations.Migration):
    dependencies = [("trainings", "0014_plural_names_for_translation")]

    operations = [
        migrations.RunPython(migrations.RunPython.noop, restore_after_removing, elidable=False),
        migrations.AddField(model_name="historicaltraining", name="entry_level", field=field()),
        migrations.AddField(model_name="training", name="entry_level", field=field()),
        migrations.RunPython(forwards, backwards, elidable=False),
    ]
