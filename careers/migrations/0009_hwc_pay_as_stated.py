"""
Correct the starting content already loaded into existing databases (load_content keeps
loaded rows as they are unless --force):

- the Health Workforce Collaborative's pay ranges were shown as "New York State, 2024",
  but its page (https://hwcollab.org/cm-prototype-scrolling/) gives neither a region nor a
  year: clear both, and use the page's own words for what the range is;
- the care coordinator's primary SOC code was 21-1093, for which no public source ties it
  to care coordination; 21-1094 Community Health Workers has one (docs/wages.md).

Only rows still holding the values the starting content gave them are changed.
"""

from django.db import migrations

HWC_URL = "https://hwcollab.org/cm-prototype-scrolling/"
HWC_NOTES = {"hourly": "Typical pay range", "annual": "Typical salary range"}
CAREER = "care-management-care-coordination"


def forwards(apps, schema_editor):
    PayRange = apps.get_model("careers", "PayRange")
    Role = apps.get_model("careers", "Role")
    for unit, note in HWC_NOTES.items():
        PayRange.objects.filter(
            source_url=HWC_URL, unit=unit, region="New York State", source_year=2024
        ).update(region="", source_year=None, note=note)
    Role.objects.filter(career__slug=CAREER, slug="care-coordinator", soc_code="21-1093").update(
        soc_code="21-1094", soc_title="Community Health Workers"
    )


def backwards(apps, schema_editor):
    PayRange = apps.get_model("careers", "PayRange")
    Role = apps.get_model("careers", "Role")
    for unit, note in HWC_NOTES.items():
        PayRange.objects.filter(
            source_url=HWC_URL, unit=unit, region="", source_year=None, note=note
        ).update(region="New York State", source_year=2024, note="typical range")
    Role.objects.filter(career__slug=CAREER, slug="care-coordinator", soc_code="21-1094").update(
        soc_code="21-1093", soc_title="Social and Human Service Assistants"
    )


class Migration(migrations.Migration):
    dependencies = [("careers", "0008_role_occupations_and_stated_pay")]

    operations = [migrations.RunPython(forwards, backwards)]
