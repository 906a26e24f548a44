"""
Correct the starting content already loaded into existing databases (load_content keeps
loaded rows as they are unless --force), as 0009 did for the pay ranges:

- the typical-education rows said their source, the Health Workforce Collaborative page
  https://hwcollab.org/cm-prototype-scrolling/, was from 2024; the page gives no year:
  clear it;
- the care coordinator definition was credited to AHRQ (with AHRQ's page as its source),
  but it is the Health Workforce Collaborative's wording and that page names no source
  for it: credit it to the page it is quoted from;
- the job title "Transitions of Care Coordinator" had no source at all, and none could be
  found: remove it (a title nobody can point to is not published).

Only rows still holding the values the starting content gave them are changed.
"""

from django.db import migrations

HWC_URL = "https://hwcollab.org/cm-prototype-scrolling/"
HWC_NAME = "Health Workforce Collaborative: Care Management / Care Coordination career page"
AHRQ_URL = "https://www.ahrq.gov/topics/care-coordination.html"
AHRQ_CREDIT = (
    "Health WorkForce New York (HWNY) career page, adapted from the Agency for Healthcare "
    "Research and Quality (AHRQ) definition of care coordination (Care Coordination Measures "
    "Atlas)"
)
CAREER = "care-management-care-coordination"
UNSOURCED_TITLE = "Transitions of Care Coordinator"


def forwards(apps, schema_editor):
    EducationRequirement = apps.get_model("careers", "EducationRequirement")
    Role = apps.get_model("careers", "Role")
    JobTitle = apps.get_model("careers", "JobTitle")
    EducationRequirement.objects.filter(source_url=HWC_URL, source_year=2024).update(
        source_year=None
    )
    Role.objects.filter(
        career__slug=CAREER,
        slug="care-coordinator",
        source_url=AHRQ_URL,
        definition_source=AHRQ_CREDIT,
    ).update(source_url=HWC_URL, definition_source=HWC_NAME)
    JobTitle.objects.filter(title=UNSOURCED_TITLE, source_url="").delete()


def backwards(apps, schema_editor):
    EducationRequirement = apps.get_model("careers", "EducationRequirement")
    Role = apps.get_model("careers", "Role")
    EducationRequirement.objects.filter(source_url=HWC_URL, source_year=None).update(
        source_year=2024
    )
    Role.objects.filter(
        career__slug=CAREER, slug="care-coordinator", source_url=HWC_URL, definition_source=HWC_NAME
    ).update(source_url=AHRQ_URL, definition_source=AHRQ_CREDIT)


class Migration(migrations.Migration):
    dependencies = [("careers", "0011_sources_fits_stated_education")]

    operations = [migrations.RunPython(forwards, backwards)]
