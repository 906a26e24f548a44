# One name everywhere for the date a source was last checked: checked_on.

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("trainings", "0003_publish_permission"),
    ]

    operations = [
        migrations.RenameField("training", "last_verified", "checked_on"),
        migrations.RenameField("historicaltraining", "last_verified", "checked_on"),
    ]
