"""
Fill the new `entry_level` of the starting trainings already loaded into existing databases
(load_content keeps loaded rows as they are unless --force), from what each row's own
source says (trainings/fixtures/trainings.json, the same values): Hunter's two-year MSW,
Syracuse's on-campus MSW and UAlbany's MSW ask for a bachelor's degree, Keuka's BSW at
Jefferson for an associate degree, and the AAACN care coordination course is written for
registered nurses. Without it the guide suggested Keuka's bachelor's program to someone
with no diploma. UAlbany's row also gets the prerequisites its source states (the Capital
District page of masterofsocialwork.com, its source since it was first loaded), where the
row has none yet.

Only a row still found under its starting slug, with no entry level set, is changed.
"""

from django.db import migrations
from django.db.models import Q

ENTRY_LEVELS = {
    "hunter-msw-two-year": "bachelor",
    "syracuse-msw-on-campus": "bachelor",
    "keuka-bsw-at-jefferson": "associate",
    "aaacn-care-coordination-transition-management-course": "license_rn",
    "ualbany-msw": "bachelor",
}
# Prerequisites a starting row got with its entry level: {slug: {column: text}}.
PREREQUISITES = {
    "ualbany-msw": {
        "prerequisites_en": (
            "A bachelor's degree in any field, for the traditional track (a BSW is not required)."
        ),
        "prerequisites_es": (
            "Una licenciatura en cualquier campo, para la modalidad tradicional (no hace falta "
            "una BSW)."
        ),
    },
}


def forwards(apps, schema_editor):
    Training = apps.get_model("trainings", "Training")
    for slug, level in ENTRY_LEVELS.items():
        Training.objects.filter(slug=slug, entry_level="").update(entry_level=level)
    for slug, texts in PREREQUISITES.items():
        # `prerequisites` itself holds the English too (modeltranslation keeps it beside _en).
        english = {"prerequisites": texts["prerequisites_en"]}
        unwritten = Q(prerequisites_en="") | Q(prerequisites_en__isnull=True)
        Training.objects.filter(unwritten, slug=slug).update(**english, **texts)


class Migration(migrations.Migration):
    dependencies = [("trainings", "0015_training_entry_level")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
