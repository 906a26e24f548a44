"""
TrainingTextIndex: the SQLite FTS5 table of migration 0006 as an unmanaged model, so that a
search joins it. Nothing changes in either database (managed = False).
"""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("trainings", "0011_sqlite_search_covering_indexes"),
    ]

    operations = [
        migrations.CreateModel(
            name="TrainingTextIndex",
            fields=[
                (
                    "training",
                    models.OneToOneField(
                        db_column="rowid",
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        primary_key=True,
                        related_name="text_index",
                        serialize=False,
                        to="trainings.training",
                    ),
                ),
                ("search_text", models.TextField()),
            ],
            options={
                "db_table": "trainings_training_fts",
                "managed": False,
            },
        ),
    ]
