# One name everywhere for the date a source was last checked (checked_on) and for the
# source's address (source_url); LoadedContent moves to the content app (its table is
# kept and renamed there, so no record of loaded rows is lost).

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("careers", "0005_publish_permissions"),
    ]

    operations = [
        migrations.RenameField("career", "reviewed_on", "checked_on"),
        migrations.RenameField("historicalcareer", "reviewed_on", "checked_on"),
        migrations.RenameField("role", "definition_source_url", "source_url"),
        migrations.RenameField("historicalrole", "definition_source_url", "source_url"),
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel("LoadedContent")],
            database_operations=[],
        ),
    ]
