"""
PostgreSQL only: a trigram index on UPPER(name), the expression Django's `name__icontains`
compares, so the employers search by name (EmployerQuerySet.search, ?q=) reads the index
rather than every employer. SQLite compares the names themselves (a few thousand short
strings); this migration does nothing there.
"""

from django.db import migrations

INDEX = "employers_employer_name_upper_trgm"


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEX} ON employers_employer "
        "USING gin ((UPPER(name::text)) gin_trgm_ops)"
    )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("employers", "0004_publishable_fields")]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
