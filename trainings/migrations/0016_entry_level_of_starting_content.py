"""
Fill the new `entry_level` of the starting trainings already loaded into existing databases
(load_content keeps loaded rows as they are unless --force), from what each row's own
source already says in its prerequisites (trainings/fixtures/trainings.json, the same
values): Hunter's two-year MSW and Syracuse's on-campus MSW ask for a bachelor's degree,
Keuka's BSW at Jefferson for an associate degree, and the AAACN care coordination course
is written for registered nurses. Without it the guide suggested Keuka's bachelor's
program to someone with no diploma.

Only a row still found under its starting slug, with no entry level set, is changed.
"""

from django.db import migrations

ENTRY_LEVELS = {
    "hunter-msw-two-year": "bachelor",
    "syracuse-msw-on-campus": "bachelor",
    "keuka-bsw-at-jefferson": "associate",
    "aaacn-care-coordination-transition-management-course": "license_rn",
}


def forwards(apps, schema_editor):
    Training = apps.get_model("trainings", "Training")
    for slug, level in ENTRY_LEVELS.items():
        Training.objects.filter(slug=slug, entry_level="").update(entry_level=level)


class Migration(migrations.Migration):
    dependencies = [("trainings", "0015_training_entry_level")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
