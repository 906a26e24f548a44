"""
PostgreSQL: B-tree indexes in the order the title finder lists its titles (title, then id;
careers/views.py, careers/search.py), one per language (modeltranslation's title_en and
title_es), so a search whose words many titles hold reads the first titles in that order
and stops, instead of reading every matching title and sorting them.

Measured on `make bench-scale`'s 100x database (50,000 titles), "/careers/?q=specialist"
(7,139 matches): the page query took 13.9 ms with a sequential scan and a sort, 0.5 ms with
an index scan of title_en. The planner still reads the trigram indexes (0004, 0017) when
few titles match. SQLite keeps its plan (the FTS5 index first; the same bench showed no
change there), so nothing is added to it.
"""

from django.db import migrations

TABLE = "careers_jobtitle"
INDEXES = {
    "careers_jobtitle_title_en_order": "title_en, id",
    "careers_jobtitle_title_es_order": "title_es, id",
}


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name, columns in INDEXES.items():
            schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {TABLE} ({columns})")


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name in INDEXES:
            schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("careers", "0017_title_search_indexes")]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
