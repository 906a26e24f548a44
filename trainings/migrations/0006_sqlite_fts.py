"""
SQLite only: an FTS5 index over Training.search_text for the portable search
(trainings/search.py), so a search reads the index instead of every row's text.

The trigram tokenizer keeps what the portable search always meant, "every word appears
somewhere in the text" (substrings, case-insensitive), for words of 3 or more characters.
It is an external-content table (the text stays in trainings_training only) kept in step by
triggers, which see every write: save(), update(), bulk_create() and raw SQL alike.
A migration that makes SQLite rebuild trainings_training drops these triggers; a test
(tests/trainings/test_search_index.py) fails if that ever happens. PostgreSQL has its own
index (0002) and skips this.
"""

from django.db import migrations

TABLE = "trainings_training"
FTS = "trainings_training_fts"

FORWARDS = [
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS} USING fts5("
    f"search_text, content='{TABLE}', content_rowid='id', tokenize='trigram')",
    f"CREATE TRIGGER IF NOT EXISTS {FTS}_insert AFTER INSERT ON {TABLE} BEGIN "
    f"INSERT INTO {FTS}(rowid, search_text) VALUES (new.id, new.search_text); END",
    f"CREATE TRIGGER IF NOT EXISTS {FTS}_delete AFTER DELETE ON {TABLE} BEGIN "
    f"INSERT INTO {FTS}({FTS}, rowid, search_text) VALUES ('delete', old.id, old.search_text); "
    "END",
    f"CREATE TRIGGER IF NOT EXISTS {FTS}_update AFTER UPDATE OF search_text ON {TABLE} BEGIN "
    f"INSERT INTO {FTS}({FTS}, rowid, search_text) VALUES ('delete', old.id, old.search_text); "
    f"INSERT INTO {FTS}(rowid, search_text) VALUES (new.id, new.search_text); END",
    f"INSERT INTO {FTS}({FTS}) VALUES ('rebuild')",
]
BACKWARDS = [
    f"DROP TRIGGER IF EXISTS {FTS}_insert",
    f"DROP TRIGGER IF EXISTS {FTS}_delete",
    f"DROP TRIGGER IF EXISTS {FTS}_update",
    f"DROP TABLE IF EXISTS {FTS}",
]


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for statement in FORWARDS:
            schema_editor.execute(statement)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for statement in BACKWARDS:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("trainings", "0005_publishable_fields")]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
