"""
Indexes for the job-title finder (careers/search.py), so a search reads an index rather than
every title's text.

SQLite: an FTS5 trigram index over JobTitle.search_text and search_text_es. The trigram
tokenizer keeps what the finder means by a match (a substring, case-insensitive) for words of
3 or more characters: the finder asks it for candidates and checks them with its own rules.
An external-content table (the text stays in careers_jobtitle) kept in step by triggers,
which see every write: save(), update(), bulk_create() and raw SQL alike. A migration that
makes SQLite rebuild careers_jobtitle drops the triggers; tests/careers/test_search_index.py
fails if that ever happens.

PostgreSQL: a GIN trigram index on search_text_es beside the one on search_text (0004), so a
title matching in either language is found through an index.
"""

from django.db import migrations

TABLE = "careers_jobtitle"
FTS = "careers_jobtitle_fts"
COLUMNS = "search_text, search_text_es"
NEW = "new.search_text, new.search_text_es"
OLD = "old.search_text, old.search_text_es"
PG_INDEX = "careers_jobtitle_search_text_es_trgm"

SQLITE_FORWARDS = [
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS} USING fts5("
    f"{COLUMNS}, content='{TABLE}', content_rowid='id', tokenize='trigram')",
    f"CREATE TRIGGER IF NOT EXISTS {FTS}_insert AFTER INSERT ON {TABLE} BEGIN "
    f"INSERT INTO {FTS}(rowid, {COLUMNS}) VALUES (new.id, {NEW}); END",
    f"CREATE TRIGGER IF NOT EXISTS {FTS}_delete AFTER DELETE ON {TABLE} BEGIN "
    f"INSERT INTO {FTS}({FTS}, rowid, {COLUMNS}) VALUES ('delete', old.id, {OLD}); END",
    f"CREATE TRIGGER IF NOT EXISTS {FTS}_update AFTER UPDATE OF {COLUMNS} ON {TABLE} BEGIN "
    f"INSERT INTO {FTS}({FTS}, rowid, {COLUMNS}) VALUES ('delete', old.id, {OLD}); "
    f"INSERT INTO {FTS}(rowid, {COLUMNS}) VALUES (new.id, {NEW}); END",
    f"INSERT INTO {FTS}({FTS}) VALUES ('rebuild')",
]
SQLITE_BACKWARDS = [
    f"DROP TRIGGER IF EXISTS {FTS}_insert",
    f"DROP TRIGGER IF EXISTS {FTS}_delete",
    f"DROP TRIGGER IF EXISTS {FTS}_update",
    f"DROP TABLE IF EXISTS {FTS}",
]


PG_FORWARDS = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    f"CREATE INDEX IF NOT EXISTS {PG_INDEX} ON {TABLE} USING gin (search_text_es gin_trgm_ops)",
]
PG_BACKWARDS = [f"DROP INDEX IF EXISTS {PG_INDEX}"]


def _run(schema_editor, statements):
    """Run the statements for this database ({vendor: [SQL]}); other databases: nothing."""
    for statement in statements.get(schema_editor.connection.vendor, []):
        schema_editor.execute(statement)


def forwards(apps, schema_editor):
    _run(schema_editor, {"sqlite": SQLITE_FORWARDS, "postgresql": PG_FORWARDS})


def backwards(apps, schema_editor):
    _run(schema_editor, {"sqlite": SQLITE_BACKWARDS, "postgresql": PG_BACKWARDS})


class Migration(migrations.Migration):
    dependencies = [("careers", "0016_job_title_search_text_es")]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
