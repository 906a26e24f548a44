# One name everywhere for the date a source was last checked: checked_on.

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("employers", "0002_publish_permission"),
    ]

    operations = [
        migrations.RenameField("employer", "last_verified", "checked_on"),
        migrations.RenameField("historicalemployer", "last_verified", "checked_on"),
    ]
