"""
Trigram search for job titles on PostgreSQL only: the pg_trgm extension and a GIN trigram
index on JobTitle.search_text (the lower-cased, accent-stripped copy of the title, so no
unaccent extension is needed). On SQLite and other databases this migration does nothing.
"""

from django.db import migrations

INDEX = "careers_jobtitle_search_text_trgm"


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEX} ON careers_jobtitle "
        "USING gin (search_text gin_trgm_ops)"
    )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    # The extension stays: other apps may use it.
    schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("careers", "0003_loaded_content")]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
