"""
The CAI training's title, in databases loaded before this change (load_content keeps loaded
rows as they are unless --force), becomes the heading of the row's own source page,
https://caiglobal.org/projects/community-health-worker-training-program/: "Community Health
Worker Training Program". The title it had, "...Certificate and Apprenticeship Program", is
on another CAI page (a newsletter), not on the source the row names and shows.

Only the row still found under its starting slug with its starting title is changed: a
title staff edited stays.
"""

from django.db import migrations

SLUG = "cai-community-health-worker-training"
OLD = "Community Health Worker Training Certificate and Apprenticeship Program"
NEW = "Community Health Worker Training Program"


def forwards(apps, schema_editor):
    Training = apps.get_model("trainings", "Training")
    Training.objects.filter(slug=SLUG, title=OLD).update(title=NEW)


class Migration(migrations.Migration):
    dependencies = [("trainings", "0016_entry_level_of_starting_content")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
